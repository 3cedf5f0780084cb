/// How a painter measures text, so that the model's text choices (the first of several titles that fits) are
/// made the same way in every medium.
protocol FigureTextMeasure {
    /// The width of `text` in the painter's units.
    func width(of text: String) -> Double
}

/// Text choices the painters share.
enum FigureText {
    /// The first of `options` that fits in `width`, else the last cut to `maxCharacters` characters.
    static func fitting(_ options: [String], width: Double, measure: some FigureTextMeasure, maxCharacters: Int) -> String {
        for o in options where measure.width(of: o) <= width { return o }
        return String((options.last ?? "").prefix(max(0, maxCharacters)))
    }
}
