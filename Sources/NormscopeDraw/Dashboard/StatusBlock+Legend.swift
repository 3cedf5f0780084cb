/// The accuracy view's legend under its colour bar: what the bars under the heatmaps, the dashed line and the
/// rule's "1.84×" are.
extension StatusBlock {
    /// The first line's wordings, longest first: the bars and the dashed line (`{dash}`: the glyph it is drawn with).
    static let barLegends = ["bars: test samples predicted as each class, {dash} its true count",
                             "bars: predicted as each class, {dash} true count", "bars: predictions, {dash} true count"]
    /// The second line's wordings, longest first: the skew on the rule.
    static let skewLegends = ["Many N×: the Many classes get N times their share of predictions",
                              "Many N×: Many classes get N× their share", "N×: Many get N times their share"]

    /// Draws the longest legends that fit `width` at (`x`, `y`), the skew's on `secondLine` when given.
    func drawPredictionLegend(_ canvas: inout Canvas, x: Int, y: Int, secondLine: Int?, width: Int, options: RenderOptions) {
        let glyphs = Glyphs.forMode(options.glyphs), theme = Theme(mode: options.colorMode)
        func put(_ wordings: [String], _ row: Int) {
            let texts = wordings.map { glyphs.text($0.replacingOccurrences(of: "{dash}", with: String(glyphs.dash))) }
            guard let text = texts.first(where: { $0.count <= width }) else { return }
            canvas.put(text, x: x, y: row, style: theme.faint)
        }
        put(StatusBlock.barLegends, y)
        if let row = secondLine { put(StatusBlock.skewLegends, row) }
    }
}
