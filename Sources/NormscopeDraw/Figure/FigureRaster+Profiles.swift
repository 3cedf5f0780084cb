import NormscopeEngine

extension FigureRaster {
    /// The model's profiles at `moment`: one across the width, or two side by side to a row (stage-1 norms and
    /// prediction shares, then stage 2).
    func drawProfiles(_ r: inout Raster, moment: Moment, regular: BitmapFont, bold: BitmapFont) {
        let L = layout
        let profiles = model.allProfiles(at: moment)
        let full = L.width - L.left - L.pad
        guard profiles.count > 1 else {
            for p in profiles { profile(&r, p, x: L.left, width: full, regular: regular, bold: bold) }
            return
        }
        let half = (full - 9 * L.advance) / 2
        for (i, p) in profiles.enumerated() {
            profile(&r, p, x: L.left + i % 2 * (half + 9 * L.advance), width: half, row: i / 2, regular: regular, bold: bold)
        }
    }

    /// One profile plot with its legend at the right, in the box from `x`, `width` pixels wide, in profile row
    /// `row`.
    func profile(_ r: inout Raster, _ p: FigureModel.Profile, x: Int, width: Int, row: Int = 0, regular: BitmapFont,
                 bold: BitmapFont) {
        let L = layout, dy = row * L.profileRowStride, y = L.plotTop + dy, h = L.plotHeight, top = p.top, series = p.series
        let texts = series.map(\.name) + series.compactMap(\.note)
        let legendWidth = min(width * 2 / 5, (texts.map { regular.width(of: $0) }.max() ?? 10 * L.advance) + 30 * L.scale)
        let plotW = max(10, width - legendWidth - 10 * L.scale)
        r.text(Self.fitting([p.title], width: plotW + legendWidth, font: bold), x: x + plotW / 2, y: L.profileTitleY + dy,
               font: bold, color: Self.ink, anchor: .middle)
        let classes = p.classes
        func px(_ k: Int) -> Int { x + (classes == 1 ? plotW / 2 : k * (plotW - 1) / (classes - 1)) }
        func py(_ v: Double) -> Int { y + h - 1 - Int((min(v, top) / top * Double(h - 1)).rounded()) }
        for t in p.yAxis.ticks where t.value <= top {
            r.fill(x: x, y: py(t.value), width: plotW, height: L.stroke, color: Self.gridLine)
            r.text(t.label, x: x - L.stroke - 4 * L.scale, y: py(t.value) - L.line / 2, font: regular, color: Self.ink, anchor: .end)
        }
        for t in p.xAxis.ticks {
            let tx = px(Int(t.value))
            r.fill(x: tx, y: y + h, width: L.stroke, height: L.tick, color: Self.ink)
            r.text(t.label, x: tx, y: L.plotTickLabelY + dy, font: regular, color: Self.ink, anchor: .middle)
        }
        r.text(p.xAxis.titles.first ?? "", x: x + plotW / 2, y: L.plotAxisLabelY + dy, font: regular, color: Self.ink, anchor: .middle)
        r.text(p.yAxis.titles.first ?? "", x: x - L.tickLabelWidth - 10 * L.scale - L.line, y: y + h / 2, font: regular,
               color: Self.ink, anchor: .middle, direction: .up)
        // Earlier series are drawn wider, so a line hidden under a later equal one still shows at its edges.
        for (i, s) in series.enumerated() {
            let t = L.scale * max(1, 3 - i / 2)
            var run: [(x: Int, y: Int)] = []
            func flush() {
                let (dash, gap): (Int?, Int?) = s.twin != nil ? (t, 2 * t + L.scale) : s.dashed ? (6 * L.scale, nil) : (nil, nil)
                r.polyline(run.map { ($0.x - t / 2, $0.y - t / 2) }, color: s.color, thickness: t, dash: dash, gap: gap)
                run = []
            }
            for (k, v) in s.values.enumerated() {
                if v.isFinite { run.append((px(k), py(max(0, v)))) } else { flush() }
            }
            flush()
            if s.twin != nil {
                // Rings along a line that lies on an earlier one, so it shows where the two coincide.
                let finite = s.values.enumerated().filter { $0.element.isFinite }
                let every = max(1, finite.count / 12)
                for (n, pt) in finite.enumerated() where n % every == every / 2 {
                    r.ring(x: px(pt.offset), y: py(max(0, pt.element)), radius: 4 * L.scale, color: s.color, thickness: L.scale)
                }
            }
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: plotW + 2 * L.stroke, height: h + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        legend(&r, series, x: x + plotW + 12 * L.scale, y: y, width: legendWidth, regular: regular)
    }

    /// A profile's legend: a line sample and the name of each series, and a coinciding series' note under it.
    func legend(_ r: inout Raster, _ series: [FigureModel.Series], x lx: Int, y: Int, width legendWidth: Int, regular: BitmapFont) {
        let L = layout
        var ly = y + 4 * L.scale
        for s in series {
            let (dash, gap): (Int?, Int?) = s.twin != nil ? (2 * L.scale, 3 * L.scale) : s.dashed ? (4 * L.scale, nil) : (nil, nil)
            r.line(from: (lx, ly + L.line / 2), to: (lx + 18 * L.scale, ly + L.line / 2), color: s.color,
                   thickness: 2 * L.scale, dash: dash, gap: gap)
            if s.twin != nil { r.ring(x: lx + 9 * L.scale, y: ly + L.line / 2, radius: 4 * L.scale, color: s.color, thickness: L.scale) }
            let room = max(0, legendWidth - 24 * L.scale)
            r.text(Self.fitting([s.name], width: room, font: regular), x: lx + 24 * L.scale, y: ly, font: regular, color: Self.ink)
            if let note = s.note {
                ly += L.line
                r.text(Self.fitting([note], width: room, font: regular), x: lx + 24 * L.scale, y: ly, font: regular, color: Self.grey)
            }
            ly += L.line + 4 * L.scale
        }
    }
}
