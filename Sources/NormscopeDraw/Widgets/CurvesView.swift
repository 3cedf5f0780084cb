/// The curves view: one small chart per regime and measure (small multiples), so every regime's curve shows.
///
/// Rows are the regimes, labelled at the left in their colours; columns the measures (accuracy, then loss,
/// then Few accuracy as the width allows: two from about 78 columns, three from 120). Each small chart draws
/// its regime's line in the regime's colour over the other regimes' lines in faint grey (without colour, its
/// line alone), so a line that would hide under another in one shared chart still stands alone, and compares
/// at a glance. A dotted rule
/// marks where stage 2 starts, named at its top and numbered on the epoch axis. Y labels are round ("100" / "0", "5" / "0").
struct CurvesView: Widget {
    /// The measures, all with the same series (one per regime, in the same order).
    var charts: [ChartModel]

    init(charts: [ChartModel]) { self.charts = charts }

    /// Columns each small chart needs at least (labels, axis and plot).
    static let minimumColumnWidth = 31

    /// The charts shown in `width` columns after a label column `labelWidth` wide: the first, then the last,
    /// then the others in order, as many as get `minimumColumnWidth` each.
    func shownCharts(width: Int, labelWidth: Int) -> [ChartModel] {
        let n = max(1, min(charts.count, (width - labelWidth) / Self.minimumColumnWidth))
        guard n < charts.count else { return charts }
        return n == 1 ? [charts[0]] : Array(charts.prefix(n - 1)) + [charts[charts.count - 1]]
    }

    /// The row label of a series: "(a) Naive", or "(a)" alone when `short`.
    static func label(_ s: ChartSeries, short: Bool, glyphs: Glyphs) -> String {
        let tag = s.tag.isEmpty ? "" : "(\(s.tag))"
        if short && !tag.isEmpty { return tag }
        return glyphs.text(tag.isEmpty ? s.name : "\(tag) \(s.name)")
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let (w, h) = (canvas.width, canvas.height)
        guard w > 0 && h > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let regimes = charts.first?.series ?? []
        guard !regimes.isEmpty, h >= 3 else {
            let t = glyphs.text("no curves yet")
            canvas.put(t, x: TextFit.centered(t.count, in: w), y: h / 2, style: theme.faint)
            return canvas
        }
        let short = w < 64
        let labels = regimes.map { Self.label($0, short: short, glyphs: glyphs) }
        let labelWidth = min(16, labels.map(\.count).max() ?? 0) + 1
        let shown = shownCharts(width: w, labelWidth: labelWidth)

        // Bands: one per regime between the title row and the epoch row; a regime without a row is left out.
        let bandArea = h - 2
        let bands = (0..<min(regimes.count, bandArea)).map { k -> (y: Int, rows: Int) in
            let n = min(regimes.count, bandArea)
            let y0 = 1 + k * bandArea / n, y1 = 1 + (k + 1) * bandArea / n
            return (y0, y1 - y0)
        }
        for (k, band) in bands.enumerated() {
            let s = regimes[k]
            let style = Style(fg: options.colorMode.hasColor ? theme.series(s.slot) : .default, attrs: .bold)
            canvas.put(TextFit.truncate(labels[k], labelWidth - 1, ellipsis: ""), x: 0, y: band.y + (band.rows - 1) / 2, style: style)
        }

        let columnWidth = (w - labelWidth) / shown.count
        for (c, chart) in shown.enumerated() {
            let x = labelWidth + c * columnWidth
            let cw = c == shown.count - 1 ? w - x : columnWidth
            drawColumn(chart, x: x, width: cw, height: h, bands: bands, on: &canvas, options: options, glyphs: glyphs, theme: theme)
        }
        return canvas
    }

    /// One measure: its title, a small chart per band, and the epoch axis labels under them.
    func drawColumn(_ chart: ChartModel, x: Int, width cw: Int, height h: Int, bands: [(y: Int, rows: Int)],
                    on canvas: inout Canvas, options: RenderOptions, glyphs: Glyphs, theme: Theme) {
        let range = chart.effectiveYRange
        let top = NiceTicks.label(range.upperBound), low = NiceTicks.label(range.lowerBound)
        let tickWidth = max(top.count, low.count)
        let plotX = x + tickWidth + 1, plotW = cw - tickWidth - 3
        canvas.put(TextFit.truncate(glyphs.text(chart.title), cw - 1, ellipsis: glyphs.asciiOnly ? "." : "…"), x: x, y: 0,
                   style: theme.title)
        guard plotW >= 4 else { return }
        let plot = SmallChart(chart: chart, range: range, width: plotW)
        let ruleX = plot.ruleColumn
        for (k, band) in bands.enumerated() {
            for r in 0..<band.rows { canvas[plotX - 1, band.y + r] = Cell(glyphs.vertical, attrs: .dim) }
            canvas.put(top, x: plotX - 1 - top.count, y: band.y, style: theme.faint)
            canvas[plotX - 1, band.y] = Cell(glyphs.axisTick, attrs: .dim)
            if band.rows >= 2 {
                canvas.put(low, x: plotX - 1 - low.count, y: band.y + band.rows - 1, style: theme.faint)
                canvas[plotX - 1, band.y + band.rows - 1] = Cell(glyphs.axisTick, attrs: .dim)
            }
            let cells = plot.cells(highlight: k, rows: band.rows, options: options, glyphs: glyphs, theme: theme)
            for r in 0..<band.rows {
                for i in 0..<plotW { if let cell = cells[r * plotW + i] { canvas[plotX + i, band.y + r] = cell } }
            }
        }
        if let rx = ruleX, let first = bands.first {
            // The rule's name on the top band's first row: right of the rule, or left of it when stage 2 is short.
            let name = glyphs.text("stage 2")
            let x = rx + 1 + name.count <= plotW ? plotX + rx + 1 : plotX + rx - name.count
            if x >= plotX { canvas.put(name, x: x, y: first.y, style: theme.caution) }
        }
        drawEpochAxis(chart, y: h - 1, plotX: plotX, plotW: plotW, ruleX: ruleX, on: &canvas, theme: theme, glyphs: glyphs)
    }

    /// "0   epoch   100   130": the ends, the stage-2 start under its rule, "epoch" where it fits.
    func drawEpochAxis(_ chart: ChartModel, y: Int, plotX: Int, plotW: Int, ruleX: Int?, on canvas: inout Canvas,
                       theme: Theme, glyphs: Glyphs) {
        var taken: [Range<Int>] = []
        func place(_ text: String, at x: Int, style: Style) {
            let x = min(max(plotX - 1, x), plotX + plotW - text.count)
            let span = (x - 1)..<(x + text.count + 1)
            guard x >= 0, !taken.contains(where: { $0.overlaps(span) }) else { return }
            canvas.put(text, x: x, y: y, style: style)
            taken.append(x..<(x + text.count))
        }
        let last = String(chart.xMax)
        place("0", at: plotX, style: theme.faint)
        place(last, at: plotX + plotW - last.count, style: theme.faint)
        if let rx = ruleX, let b = chart.stageBoundary {
            let s = String(b)
            place(s, at: plotX + rx - s.count / 2, style: theme.caution)
            let end = rx - s.count / 2 - 1
            if end >= 8 { place("epoch", at: plotX + (end - 5) / 2, style: theme.faint) }
        } else {
            place("epoch", at: plotX + (plotW - 5) / 2, style: theme.faint)
        }
    }
}

/// The dots of one measure's series laid out `width` cells wide, drawn one band at a time.
struct SmallChart {
    let chart: ChartModel
    let range: ClosedRange<Double>
    let width: Int

    /// The cell column of the stage-2 rule, nil without stage 2 (or when it lies outside the axis).
    var ruleColumn: Int? {
        guard let b = chart.stageBoundary, b >= 0, b <= chart.xMax, chart.xMax > 0 else { return nil }
        return dotX(b, dotsW: 2 * width) / 2
    }

    func dotX(_ e: Int, dotsW: Int) -> Int {
        let fx = chart.xMax > 0 ? Double(e) / Double(chart.xMax) : 0
        return Int((fx * Double(dotsW - 1)).rounded())
    }

    /// The runs of consecutive finite points of `s` on a grid of `dotsW` x `dotsH` dots (y 0 at the top).
    func runs(_ s: ChartSeries, dotsW: Int, dotsH: Int) -> [[(Int, Int)]] {
        var runs: [[(Int, Int)]] = [[]]
        let span = range.upperBound - range.lowerBound
        for p in s.points where p.epoch <= chart.xMax {
            guard p.value.isFinite else {
                if !runs[runs.count - 1].isEmpty { runs.append([]) }
                continue
            }
            let fy = min(1, max(0, (p.value - range.lowerBound) / span))
            runs[runs.count - 1].append((dotX(p.epoch, dotsW: dotsW), Int(((1 - fy) * Double(dotsH - 1)).rounded())))
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The cells of a band `rows` high, row-major (nil: nothing there): series `highlight` in its colour, the
    /// others faint behind it, the stage-2 rule between them.
    func cells(highlight k: Int, rows: Int, options: RenderOptions, glyphs: Glyphs, theme: Theme) -> [Cell?] {
        var out = [Cell?](repeating: nil, count: rows * width)
        var mineAt = [Bool](repeating: false, count: rows * width)
        let colored = options.colorMode.hasColor
        let faint: Cell = {
            switch options.colorMode {
            case .full256: return Cell(" ", fg: .index(242))
            case .basic16: return Cell(" ", fg: .index(8))
            case .basic8, .none: return Cell(" ", attrs: .dim)
            }
        }()
        // Without colour the others are left out: dim is all that would tell them apart, and recorders drop it.
        let context = options.colorMode.hasColor
        let own = chart.series.indices.contains(k) ? chart.series[k] : nil
        let ownColor = own.map { colored ? theme.series($0.slot) : .default } ?? .default
        if glyphs.braille {
            var mine = BrailleGrid(width: width, height: rows), others = BrailleGrid(width: width, height: rows)
            for (j, s) in chart.series.enumerated() where j == k || context {
                for run in runs(s, dotsW: 2 * width, dotsH: 4 * rows) {
                    var prev = run[0]
                    if j == k { mine.set(prev.0, prev.1) } else { others.set(prev.0, prev.1) }
                    for p in run.dropFirst() {
                        if j == k { mine.line(prev.0, prev.1, p.0, p.1) } else { others.line(prev.0, prev.1, p.0, p.1) }
                        prev = p
                    }
                }
            }
            for y in 0..<rows {
                for x in 0..<width {
                    if let c = mine.character(cx: x, cy: y) {
                        out[y * width + x] = Cell(c, fg: ownColor)
                        mineAt[y * width + x] = true
                    }
                    else if let c = others.character(cx: x, cy: y) {
                        var cell = faint
                        cell.glyph = c
                        out[y * width + x] = cell
                    }
                }
            }
        } else {
            for (j, s) in chart.series.enumerated() where j != k && context {
                for run in runs(s, dotsW: width, dotsH: rows) {
                    for (a, b) in zip(run, run.dropFirst()) {
                        for (x, y) in linePoints(a.0, a.1, b.0, b.1) {
                            var cell = faint
                            cell.glyph = glyphs.segment
                            out[y * width + x] = cell
                        }
                    }
                }
            }
            if let own {
                for run in runs(own, dotsW: width, dotsH: rows) {
                    for (a, b) in zip(run, run.dropFirst()) {
                        for (x, y) in linePoints(a.0, a.1, b.0, b.1) {
                            out[y * width + x] = Cell(glyphs.point, fg: ownColor)
                            mineAt[y * width + x] = true
                        }
                    }
                    if run.count == 1 {
                        out[run[0].1 * width + run[0].0] = Cell(glyphs.point, fg: ownColor)
                        mineAt[run[0].1 * width + run[0].0] = true
                    }
                }
            }
        }
        if let rx = ruleColumn, rx < width {
            let rule = Cell(glyphs.asciiOnly ? ":" : "┊", fg: theme.caution.fg, attrs: colored ? [] : .dim)
            for y in 0..<rows where !mineAt[y * width + rx] {
                out[y * width + rx] = rule
            }
        }
        return out
    }
}
