// MARK: - ANSI text

extension Canvas {
    /// The canvas as text with ANSI SGR escapes (256-colour indices, bold, dim, underline, reverse),
    /// one line per row, each line ending in a reset. For snapshots, logs and `cat`-able previews.
    package func ansiText() -> String {
        var out = ""
        for y in 0..<height {
            var current: (TermColor, TermColor, CellAttributes)? = nil
            for x in 0..<width {
                let c = self[x, y]
                if current == nil || current! != (c.fg, c.bg, c.attrs) {
                    out += Canvas.sgr(fg: c.fg, bg: c.bg, attrs: c.attrs)
                    current = (c.fg, c.bg, c.attrs)
                }
                out.append(c.glyph)
            }
            out += "\u{1B}[0m"
            if y < height - 1 { out += "\n" }
        }
        return out
    }

    /// The SGR escape that selects these colours and attributes from a reset state.
    static func sgr(fg: TermColor, bg: TermColor, attrs: CellAttributes) -> String {
        var codes = ["0"]
        if attrs.contains(.bold) { codes.append("1") }
        if attrs.contains(.dim) { codes.append("2") }
        if attrs.contains(.underline) { codes.append("4") }
        if attrs.contains(.reverse) { codes.append("7") }
        if case .index(let i) = fg { codes.append("38;5;\(i)") }
        if case .index(let i) = bg { codes.append("48;5;\(i)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
