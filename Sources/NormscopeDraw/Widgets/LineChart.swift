/// Several series over epochs as lines: braille dots (2x4 per cell), or `.`/`*` cells in ASCII.
///
/// Layout: title and legend on the first row (the legend moves to a second row when it does not fit),
/// the plot with y labels at its top, middle and bottom, an x axis, and the epoch labels below it.
struct LineChart: Widget {
    package var model: ChartModel

    package init(_ model: ChartModel) { self.model = model }

    package func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let (w, h) = (canvas.width, canvas.height)
        guard w > 0 && h > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let colored = options.colorMode.hasColor

        // Title and legend.
        let title = Span(glyphs.text(model.title), theme.title)
        let full = legendSpans(glyphs: glyphs, theme: theme, colored: colored, names: true)
        let tags = legendSpans(glyphs: glyphs, theme: theme, colored: colored, names: false)
        let legend = full.length <= w || tags.length > w ? full : tags
        var header = 1
        if title.text.count + 3 + legend.length <= w {
            canvas.put([title], x: 0, y: 0)
            canvas.put(legend, x: w - legend.length, y: 0)
        } else {
            canvas.put([title].truncated(to: w, ellipsis: glyphs.asciiOnly ? "." : "…"), x: 0, y: 0)
            if h >= 7 && !legend.isEmpty {
                canvas.put(legend.truncated(to: w, ellipsis: glyphs.asciiOnly ? "." : "…"), x: 0, y: 1)
                header = 2
            }
        }

        // Plot area.
        let range = model.effectiveYRange
        let topLabel = NumberFormat.fixed(range.upperBound, model.yDecimals)
        let lowLabel = NumberFormat.fixed(range.lowerBound, model.yDecimals)
        let labelWidth = max(topLabel.count, lowLabel.count)
        let xLabels = h - header >= 5 ? 1 : 0
        let plotTop = header, plotRows = h - header - 1 - xLabels
        let plotX = labelWidth + 1, plotW = w - plotX
        guard plotRows >= 1 && plotW >= 2 else { return canvas }

        // Axes and labels.
        for r in 0..<plotRows { canvas[plotX - 1, plotTop + r] = Cell(glyphs.vertical, attrs: .dim) }
        let axisY = plotTop + plotRows
        canvas[plotX - 1, axisY] = Cell(glyphs.axisCorner, attrs: .dim)
        canvas.fill(x: plotX, y: axisY, width: plotW, height: 1, with: Cell(glyphs.horizontal, attrs: .dim))
        func yLabel(_ s: String, row: Int) {
            canvas.put(s, x: labelWidth - s.count, y: plotTop + row, style: theme.faint)
            canvas[plotX - 1, plotTop + row] = Cell(glyphs.axisTick, attrs: .dim)
        }
        yLabel(topLabel, row: 0)
        if plotRows >= 2 { yLabel(lowLabel, row: plotRows - 1) }
        if plotRows >= 5 {
            let mid = (range.lowerBound + range.upperBound) / 2
            yLabel(NumberFormat.fixed(mid, model.yDecimals), row: (plotRows - 1) / 2)
        }
        if xLabels == 1 {
            let y = axisY + 1, last = String(model.xMax), name = "epoch"
            canvas.put("0", x: plotX, y: y, style: theme.faint)
            if plotW >= last.count + 2 { canvas.put(last, x: plotX + plotW - last.count, y: y, style: theme.faint) }
            if plotW >= name.count + last.count + 4 {
                canvas.put(name, x: plotX + TextFit.centered(name.count, in: plotW), y: y, style: theme.faint)
            }
        }

        // Lines.
        let plot = glyphs.braille
            ? brailleLines(width: plotW, height: plotRows, range: range, theme: theme, colored: colored)
            : asciiLines(width: plotW, height: plotRows, range: range, glyphs: glyphs, theme: theme, colored: colored)
        for y in 0..<plot.height {
            for x in 0..<plot.width where plot[x, y].glyph != " " { canvas[plotX + x, plotTop + y] = plot[x, y] }
        }
        return canvas
    }

    /// "━ naive  ━ WD ..." with each mark in its series colour (tags instead of marks without colour);
    /// with `names: false`, the tags alone ("━ a  ━ b").
    func legendSpans(glyphs: Glyphs, theme: Theme, colored: Bool, names: Bool) -> [Span] {
        var spans: [Span] = []
        for (i, s) in model.series.enumerated() {
            if i > 0 { spans.append(Span("  ")) }
            let mark = colored || s.tag.isEmpty ? glyphs.legendMark : s.tag
            spans.append(Span(mark, Style(fg: theme.series(s.slot), attrs: colored ? [] : .bold)))
            if names || s.tag.isEmpty { spans.append(Span(" " + glyphs.text(s.name), theme.label)) }
            else if colored { spans.append(Span(" " + glyphs.text(s.tag), theme.label)) }
        }
        return spans
    }

    /// The point of epoch `e` with value `v` on a grid of `dotsW` x `dotsH` dots.
    func dot(_ e: Int, _ v: Double, dotsW: Int, dotsH: Int, range: ClosedRange<Double>) -> (Int, Int) {
        let fx = model.xMax > 0 ? Double(e) / Double(model.xMax) : 0
        let span = range.upperBound - range.lowerBound
        let fy = min(1, max(0, (v - range.lowerBound) / span))
        return (Int((fx * Double(dotsW - 1)).rounded()), Int(((1 - fy) * Double(dotsH - 1)).rounded()))
    }

    /// The consecutive finite points of a series, each run a separate line.
    func runs(_ s: ChartSeries, dotsW: Int, dotsH: Int, range: ClosedRange<Double>) -> [[(Int, Int)]] {
        var runs: [[(Int, Int)]] = [[]]
        for p in s.points {
            let (e, v) = (p.epoch, p.value)
            guard e <= model.xMax else { break }
            if v.isFinite { runs[runs.count - 1].append(dot(e, v, dotsW: dotsW, dotsH: dotsH, range: range)) }
            else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    func brailleLines(width: Int, height: Int, range: ClosedRange<Double>, theme: Theme, colored: Bool) -> Canvas {
        var grid = BrailleGrid(width: width, height: height)
        var ends: [(Int, Int, String)] = []
        for s in model.series {
            let color = colored ? theme.series(s.slot) : TermColor.default
            for run in runs(s, dotsW: grid.dotWidth, dotsH: grid.dotHeight, range: range) {
                var prev = run[0]
                grid.set(prev.0, prev.1, color: color)
                for p in run.dropFirst() { grid.line(prev.0, prev.1, p.0, p.1, color: color); prev = p }
            }
            if !colored, let last = runs(s, dotsW: grid.dotWidth, dotsH: grid.dotHeight, range: range).last?.last {
                ends.append((last.0 / 2, last.1 / 4, s.tag))
            }
        }
        var canvas = Canvas(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                if let c = grid.character(cx: x, cy: y) { canvas[x, y] = Cell(c, fg: grid.color(cx: x, cy: y)) }
            }
        }
        for (x, y, tag) in ends where !tag.isEmpty { canvas.put(tag, x: min(x + 1, width - 1), y: y, style: Style(attrs: .bold)) }
        return canvas
    }

    func asciiLines(width: Int, height: Int, range: ClosedRange<Double>, glyphs: Glyphs, theme: Theme, colored: Bool) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        for s in model.series {
            let fg = colored ? theme.series(s.slot) : TermColor.default
            let lines = runs(s, dotsW: width, dotsH: height, range: range)
            for run in lines {
                for (a, b) in zip(run, run.dropFirst()) {
                    for (x, y) in linePoints(a.0, a.1, b.0, b.1) { canvas[x, y] = Cell(glyphs.segment, fg: fg) }
                }
                for p in run { canvas[p.0, p.1] = Cell(glyphs.point, fg: fg) }
            }
            if !colored, !s.tag.isEmpty, let last = lines.last?.last {
                canvas.put(s.tag, x: min(last.0 + 1, width - 1), y: last.1, style: Style(attrs: .bold))
            }
        }
        return canvas
    }
}
