/// The bottom line: "q quit  space pause  n step  ? help" on the left, a transient message on the right.
///
/// Keys are dropped from the end when space is short, but the help key (`?`) always stays.
struct KeyHintLine: Widget {
    var keys: [KeyHelp]
    var message: String?

    init(keys: [KeyHelp], message: String? = nil) {
        self.keys = keys
        self.message = message
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        func spans(_ ks: [KeyHelp]) -> [Span] {
            var out: [Span] = [Span(" ")]
            for (i, k) in ks.enumerated() {
                if i > 0 { out.append(Span("  ")) }
                out.append(Span(glyphs.text(k.key), theme.key))
                out.append(Span(" " + glyphs.text(k.hint ?? ""), theme.faint))
            }
            return out
        }
        var room = canvas.width - 1
        let hinted = keys.filter { $0.hint != nil }
        if let m = message, !m.isEmpty {
            // The message never takes the quit and help keys' place.
            let essential = spans(hinted.filter { $0.key == "q" || $0.key == "?" }).length + 2
            let text = TextFit.truncate(glyphs.text(m), max(0, canvas.width - 2 - essential), ellipsis: glyphs.asciiOnly ? "." : "…") + " "
            canvas.put(text, x: canvas.width - text.count, y: 0, style: theme.accent.adding(.bold))
            room = canvas.width - text.count - 2
        }
        let helpKey = hinted.filter { $0.key == "?" }
        var others = hinted.filter { $0.key != "?" }
        while others.count > 1 && spans(others + helpKey).length > room { others.removeLast() }  // q quit stays
        let line = spans(others + helpKey)
        canvas.put(line.truncated(to: max(0, room), ellipsis: ""), x: 0, y: 0)
        return canvas
    }
}
