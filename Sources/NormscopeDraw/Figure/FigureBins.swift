import NormscopeEngine

/// The heatmap of one history as the figure files draw it: epochs `0...epochs` over `rows` bins and classes over
/// `cols` bins, each cell the mean of the finite norms (or other per-class values) recorded in it. Shared by the
/// SVG and the raster figure.
enum FigureBins {
    /// The epochs row bin `r` spans.
    static func epochs(ofRow r: Int, rows: Int, epochs: Int) -> Range<Int> {
        let e0 = r * (epochs + 1) / rows
        return e0..<max(e0 + 1, (r + 1) * (epochs + 1) / rows)
    }

    /// `means[r][c]`: the mean norm (or per-class `values`) in row bin `r` and column bin `c`, nil where nothing
    /// was recorded.
    static func means(_ h: RunHistory, rows: Int, cols: Int, epochs: Int, classes: Int,
                      of values: KeyPath<EpochRecord, [Double]> = \.norms) -> [[Double?]] {
        (0..<rows).map { r in
            // The records of the epochs the row spans, found by epoch, never by position.
            let recorded = h.records(in: Self.epochs(ofRow: r, rows: rows, epochs: epochs))
            return (0..<cols).map { c -> Double? in
                let k0 = c * classes / cols, k1 = max(k0 + 1, (c + 1) * classes / cols)
                var sum = 0.0, n = 0
                for record in recorded {
                    let v = record[keyPath: values]
                    for k in k0..<min(k1, v.count) where v[k].isFinite { sum += v[k]; n += 1 }
                }
                return n > 0 ? sum / Double(n) : nil
            }
        }
    }
}
