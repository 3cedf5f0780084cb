/// One key of the program: its name, a word for the key-hint line, and a sentence for the help overlay.
public struct KeyHelp: Equatable, Sendable {
    /// The key as the user types it ("q", "space", "?").
    public var key: String
    /// A word or two for the bottom hint line ("quit"); nil keeps the key out of the hint line.
    public var hint: String?
    /// What it does, for the help overlay.
    public var description: String

    public init(key: String, hint: String? = nil, description: String) {
        self.key = key
        self.hint = hint
        self.description = description
    }

    /// A suggested key list; the terminal backend passes the keys it really handles.
    public static let standard: [KeyHelp] = [
        KeyHelp(key: "q", hint: "quit", description: "quit (also Ctrl-C)"),
        KeyHelp(key: "space", hint: "pause", description: "pause or resume training"),
        KeyHelp(key: "n", hint: "step", description: "train one more epoch while paused"),
        KeyHelp(key: "v", hint: "view", description: "cycle views: heatmaps, profiles, curves"),
        KeyHelp(key: "c", hint: "colours", description: "switch colour map: jet / viridis"),
        KeyHelp(key: "+/-", hint: "pace", description: "train faster or slower"),
        KeyHelp(key: "e", hint: "export", description: "export the numbers shown to JSON"),
        KeyHelp(key: "Ctrl-L", description: "redraw the screen"),
        KeyHelp(key: "?", hint: "help", description: "show or hide this help"),
    ]
}
