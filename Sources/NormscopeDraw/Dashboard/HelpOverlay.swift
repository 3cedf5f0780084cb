/// The centred help box listing every key; drawn over the dashboard when `?` is pressed.
struct HelpOverlay: Widget {
    var keys: [KeyHelp]
    var title: String
    /// Lines under the keys: what the before-and-after marks mean, the command that reproduces the run.
    var notes: [String] = []

    init(keys: [KeyHelp], title: String = "keys", notes: [String] = []) {
        self.keys = keys
        self.title = title
        self.notes = notes
    }

    /// The box's preferred size: key column, description column, frame and margins.
    var preferredSize: (width: Int, height: Int) {
        let kw = keys.map(\.key.count).max() ?? 0, dw = keys.map(\.description.count).max() ?? 0
        let nw = notes.map(\.count).max() ?? 0
        // A note sits 2 cells inside the frame and keeps 2 more before it (see render): 6 beyond its length.
        return (max(kw + dw + 7, min(nw + 6, 110)), keys.count + 4 + (notes.isEmpty ? 0 : notes.count + 1))
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let box = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        canvas.frame(box, glyphs: glyphs, style: theme.border, title: [Span(glyphs.text(title), theme.title)])
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return canvas }
        let kw = keys.map { glyphs.text($0.key).count }.max() ?? 0
        let footer = inner.height >= keys.count + 2 ? 1 : 0
        // Notes (after a blank line) only when every key fits too: top margin, keys, blank, notes, footer.
        let noteRows = !notes.isEmpty && inner.height >= keys.count + notes.count + 3 ? notes.count + 1 : 0
        let rows = inner.height - footer - noteRows - (inner.height >= 3 ? 1 : 0)
        let y0 = inner.y + (inner.height >= 3 ? 1 : 0)
        for (i, k) in keys.enumerated() where i < rows {
            let y = y0 + i
            if i == rows - 1 && keys.count > rows {
                canvas.put(glyphs.text("…"), x: inner.x + 2, y: y, style: theme.faint, maxWidth: inner.width - 2)
                break
            }
            let key = glyphs.text(k.key)
            canvas.put(key, x: inner.x + 2 + kw - key.count, y: y, style: theme.key, maxWidth: inner.maxX - inner.x - 2)
            let dx = inner.x + kw + 4
            if dx < inner.maxX {
                canvas.put(TextFit.truncate(glyphs.text(k.description), inner.maxX - dx - 1, ellipsis: glyphs.asciiOnly ? "." : "…"),
                           x: dx, y: y, style: theme.label)
            }
        }
        for (i, note) in notes.enumerated() where noteRows > 0 {
            canvas.put(TextFit.truncate(glyphs.text(note), inner.width - 4, ellipsis: glyphs.asciiOnly ? "..." : "…"),
                       x: inner.x + 2, y: inner.maxY - footer - notes.count + i, style: i == notes.count - 1 ? theme.accent : theme.faint)
        }
        if footer == 1 {
            let f = TextFit.truncate("press ? to close", inner.width - 2, ellipsis: "")
            canvas.put(f, x: inner.x + TextFit.centered(f.count, in: inner.width), y: inner.maxY - 1, style: theme.faint)
        }
        return canvas
    }
}
