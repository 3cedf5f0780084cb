/// One key of the program: its name, a word for the key-hint line, and a sentence for the help overlay.
package struct KeyHelp: Equatable, Sendable {
    /// The key as the user types it ("q", "space", "?").
    package var key: String
    /// A word or two for the bottom hint line ("quit"); nil keeps the key out of the hint line.
    package var hint: String?
    /// What it does, for the help overlay.
    package var description: String

    package init(key: String, hint: String? = nil, description: String) {
        self.key = key
        self.hint = hint
        self.description = description
    }

    /// The keys of the live view, for the hint line and the help overlay.
    package static let standard: [KeyHelp] = [
        KeyHelp(key: "q", hint: "quit", description: "quit (also Ctrl-C)"),
        KeyHelp(key: "space", hint: "pause", description: "pause or resume training"),
        KeyHelp(key: "n", hint: "step", description: "train one more epoch (pauses)"),
        KeyHelp(key: "+ / -", hint: "pace", description: "train faster / slower (up to flat out)"),
        KeyHelp(key: "v", hint: "view", description: "cycle views: heatmaps, profiles, curves, class accuracy"),
        KeyHelp(key: "c", hint: "colours", description: "switch colour map: jet (paper) / viridis"),
        KeyHelp(key: "2", hint: "stage 2", description: "start stage 2 (classifier retraining) once stage 1 ends"),
        KeyHelp(key: "r", hint: "restart", description: "restart with a new seed (keeps the settings; clears before/after)"),
        KeyHelp(key: "s", hint: "settings", description: "settings: change one from the next epoch, or restart with it"),
        KeyHelp(key: "e", hint: "export", description: "export the results (JSON) and the figure (SVG, PNG)"),
        KeyHelp(key: "← →", hint: "class", description: "class cursor (or click a class): Home/End, PgUp/PgDn; Esc hides"),
        KeyHelp(key: "Ctrl-L", description: "redraw the screen"),
        KeyHelp(key: "?", hint: "help", description: "show or hide this help"),
    ]

    /// The keys that do something now: once training has finished, pausing, stepping and the pace do nothing
    /// (nor `2` once stage 2 has started), so the hint line and the help leave them out.
    /// While paused, space's hint says "resume".
    package static func available(trainingFinished: Bool, stage2Started: Bool, paused: Bool = false) -> [KeyHelp] {
        let idle: Set<String> = trainingFinished ? ["space", "n", "+ / -"] : []
        return standard.filter { !idle.contains($0.key) && !(stage2Started && $0.key == "2") }.map { k in
            var k = k
            if paused && k.key == "space" { k.hint = "resume" }
            return k
        }
    }
}
