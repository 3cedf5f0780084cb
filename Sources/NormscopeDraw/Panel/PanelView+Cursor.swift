/// The class cursor's marks on a panel: its class column is pointed at from above and below.
///
/// `▼` in the top border and on the rule between heatmap and profile (where title and label leave them free), `▲` with
/// the class index on the class-axis row at the bottom (`v` and `^` in ASCII); bold in the accent colour, so
/// the marks read in colour, without colour and in ASCII alike.
extension PanelView {
    /// The text column (from the panel's left edge) of class `k` under `plan`: the middle of its bin.
    static func cursorColumn(_ k: Int, plan: BinPlan, x0: Int) -> Int? {
        guard plan.binCount > 0 else { return nil }
        let slots = plan.slots(ofBin: plan.bin(ofItem: k))
        guard !slots.isEmpty else { return nil }
        return x0 + slots.lowerBound + (slots.count - 1) / 2
    }

    /// Draws the cursor's marks for class `k`.
    func drawCursor(_ k: Int, _ canvas: inout Canvas, inner: Rect, gutter: Int, plan: BinPlan, hintRow: Int?, ruleRow: Int?,
                    glyphs: Glyphs, theme: Theme) {
        guard let x = PanelView.cursorColumn(k, plan: plan, x0: inner.x + gutter), x < inner.maxX else { return }
        let style = theme.accent.adding(.bold)
        let down = glyphs.asciiOnly ? "v" : "▼", up = glyphs.asciiOnly ? "^" : "▲"
        if canvas[x, 0].glyph == glyphs.horizontal { canvas.put(down, x: x, y: 0, style: style) }
        if let y = ruleRow, canvas[x, y].glyph == glyphs.dash { canvas.put(down, x: x, y: y, style: style) }  // not over its label
        guard let y = hintRow else { return }
        canvas.fill(x: inner.x, y: y, width: inner.width, height: 1, with: .blank)
        canvas.put(up, x: x, y: y, style: style)
        // "class 93" right of the mark, else left of it, else the bare index.
        for text in ["class \(k)", "\(k)"] {
            if x + 1 + text.count <= inner.maxX {
                canvas.put(text, x: x + 1, y: y, style: style)
                return
            }
            if x - text.count >= inner.x {
                canvas.put(text, x: x - text.count, y: y, style: style)
                return
            }
        }
    }
}
