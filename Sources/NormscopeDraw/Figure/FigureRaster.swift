import NormscopeEngine

/// The paper's Fig. 2 as pixels, for PNG and animated GIF files: what `FigureSVG` draws, with text in a
/// built-in bitmap font, at any moment of training.
///
/// Top row: one heatmap per stage-1 regime, (a)-(e) in results order (x the class, most frequent left; y the
/// epoch, 0 at the top; colour the norm on one shared scale), and the shared colour bar. Bottom row: the norm
/// profiles of stage 1 and, when the results hold stage 2, of the first base's stage-2 variants. A `Moment`
/// says how far training has got: heatmap rows after it stay empty and the profiles show the norms then, so
/// the frames of an animation are `render(moment)` for successive moments and its last frame,
/// `render(finalMoment)`, is the static figure.
///
/// Every pixel is one of `palette` (at most 255 colours: 224 steps of the colour map, the line colours,
/// black, white and greys), so a GIF holds the figure exactly. Histories are read by `record.epoch`, never
/// by position, so thinned long runs draw like full ones.
package struct FigureRaster: Sendable {
    /// How far training has got in a frame.
    package struct Moment: Equatable, Hashable, Sendable {
        /// The last stage-1 epoch shown.
        var stage1Epoch: Int
        /// The last stage-2 epoch shown; nil before stage 2 (or when the results have none).
        package var stage2Epoch: Int?

        package init(stage1Epoch: Int, stage2Epoch: Int? = nil) {
            self.stage1Epoch = stage1Epoch
            self.stage2Epoch = stage2Epoch
        }
    }

    /// Widths accepted for the image, in pixels.
    package static let widthRange = 480...3_000
    /// The default width: fits a slide or a README at full size.
    package static let defaultWidth = 960
    /// Steps of the colour map (the SVG has 256; fewer leave room in a 256-colour GIF palette).
    package static let levels = 224

    /// Image width and height in pixels.
    package var width: Int { layout.width }
    package var height: Int { layout.height }
    /// The stage-1 epochs the heatmaps span (planned or done, whichever is more).
    package let epochs: Int
    /// The stage-1 epochs done (fewer than `epochs` for a run exported while training, or interrupted).
    package let stage1Reached: Int
    /// The stage-2 epochs done by the drawn variants (0 for post-hoc ones), nil without stage 2.
    package let stage2Epochs: Int?
    /// The stage-2 epochs the drawn variants were planned to run, nil without stage 2.
    let stage2Planned: Int?
    /// The top of the shared colour scale.
    package let vmax: Double

    let layout: Layout
    let stage1: [RegimeHistory]
    let stage2: (base: RunID, histories: [RegimeHistory])?
    let classes: Int
    let grids: [Grid]
    let levelColors: [UInt32]
    let footer: String
    let profileTop: Double
    let stage2ProfileTop: Double
    /// The largest stage-1 norm recorded up to each epoch (index = epoch), for the colour bar's overflow mark.
    let largestUpTo: [Double]

    /// Prepares `results` for drawing `width` pixels wide (clamped to `widthRange`); `vmax` is the top of the
    /// colour scale (default: 2.0, the paper's, the live view's and the SVG's); larger norms take the top colour
    /// and the colour bar says how large they get.
    package init(results: ResultsFile, colorMap: ColorMapKind = .jet, vmax: Double? = nil, width: Int = defaultWidth) {
        stage1 = results.regimes.filter { !$0.isStage2 }
        stage2 = FigureSVG.stage2Histories(results).map { (base: $0.0, histories: $0.1) }
        epochs = max(results.config.training.epochs, stage1.map(\.epochsDone).max() ?? 0)
        classes = max(1, results.classCounts.count, stage1.map(\.classCount).max() ?? 0)
        stage1Reached = min(epochs, stage1.map(\.epochsDone).max() ?? 0)
        stage2Epochs = stage2.map { s in s.histories.map(\.epochsDone).max() ?? 0 }
        stage2Planned = stage2.map { FigureTitles.stage2Planned($0.histories) }
        let top = vmax ?? DashboardModel.paperScaleTop
        self.vmax = top
        layout = Layout(width: min(Self.widthRange.upperBound, max(Self.widthRange.lowerBound, width)),
                        panels: stage1.count, epochs: epochs)
        levelColors = (0..<Self.levels).map { Raster.pixel(colorMap.rgb(at: Double($0) / Double(Self.levels - 1))) }
        let (e, k) = (epochs, classes)
        let (rows, cols) = (min(layout.panel, e + 1), min(layout.panel, k))
        grids = stage1.map { Grid($0, rows: rows, cols: cols, epochs: e, classes: k, vmax: top) }
        footer = FigureTitles.footer(results, classes: classes, epochs: epochs)
        profileTop = Self.axisTop(stage1.flatMap { $0.records.flatMap(\.norms) })
        var s2Values = stage2?.histories.flatMap { $0.records.flatMap(\.norms) } ?? []
        if let base = stage2?.base, let b = stage1.first(where: { $0.id == base }) { s2Values += b.finalNorms }
        stage2ProfileTop = Self.axisTop(s2Values)
        var largest = [Double](repeating: -.infinity, count: epochs + 1)
        for h in stage1 {
            for r in h.records where r.epoch <= epochs {
                for v in r.norms where v.isFinite { largest[r.epoch] = max(largest[r.epoch], v) }
            }
        }
        for e in largest.indices.dropFirst() { largest[e] = max(largest[e], largest[e - 1]) }
        largestUpTo = largest
    }

    /// The last epochs recorded: the static figure (the end of training, or where a run still training or
    /// interrupted stands).
    package var finalMoment: Moment { Moment(stage1Epoch: stage1Reached, stage2Epoch: stage2Epochs) }

    /// Every colour a frame can contain (distinct).
    package var palette: [UInt32] {
        var seen = Set<UInt32>(), out: [UInt32] = []
        for c in Self.fixedColors + Self.lineColors + levelColors where seen.insert(c).inserted { out.append(c) }
        return out
    }

    /// The figure at `moment`.
    package func render(_ moment: Moment) -> Raster {
        var r = Raster(width: layout.width, height: layout.height, fill: Self.background)
        let L = layout
        let regular = BitmapFont(scale: L.scale), bold = BitmapFont(scale: L.scale, weight: .bold)
        var heading = "Per-class classifier weight norms · epoch \(min(moment.stage1Epoch, epochs))/\(epochs)"
        if let e2 = moment.stage2Epoch, let total = stage2Planned { heading += " · stage 2 epoch \(e2)/\(total)" }
        r.text(heading, x: L.pad, y: L.headingY, font: bold, color: Self.ink)
        for (i, h) in stage1.enumerated() {
            drawHeatmap(&r, h, grid: grids[i], index: i, moment: moment, regular: regular, bold: bold)
        }
        if stage1.isEmpty {
            r.text("no stage-1 regime in the results", x: L.panelX(0) + L.panel / 2, y: L.panelTop + L.panel / 2,
                   font: regular, color: Self.grey, anchor: .middle)
        }
        r.text("training epoch", x: L.pad, y: L.panelTop + L.panel / 2, font: regular, color: Self.ink,
               anchor: .middle, direction: .up)
        r.text(Self.fitting(["class ID, sorted by training count (most frequent left)", "class ID sorted by cardinality"],
                            width: L.panelsRight - L.left, font: regular),
               x: (L.left + L.panelsRight) / 2, y: L.axisLabelY, font: regular, color: Self.ink, anchor: .middle)
        drawColorBar(&r, regular: regular, largest: largestUpTo[max(0, min(epochs, moment.stage1Epoch))])
        drawProfiles(&r, moment: moment, regular: regular, bold: bold)
        r.text(footer, x: L.width - L.pad, y: L.footerY, font: regular, color: Self.faint, anchor: .end)
        return r
    }

    // MARK: - Colours

    static let background = Raster.white
    static let ink = Raster.black
    static let grey: UInt32 = 0x666666
    static let faint: UInt32 = 0x777777
    static let empty: UInt32 = 0xEEEEEE
    static let gridLine: UInt32 = 0xDDDDDD
    static let alarm: UInt32 = 0xCC0000
    static let overflowMark: UInt32 = 0xB00000
    static let fixedColors: [UInt32] = [background, ink, grey, faint, empty, gridLine, alarm, overflowMark]
    /// matplotlib's tab10, as the SVG's lines: stage-1 regimes take the first five, stage-2 variants the rest.
    static let lineColors: [UInt32] = [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
                                       0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF]

    /// The first of `options` that fits in `width` pixels, else the last cut to fit.
    static func fitting(_ options: [String], width: Int, font: BitmapFont) -> String {
        for o in options where font.width(of: o) <= width { return o }
        return String((options.last ?? "").prefix(max(0, width / font.advance)))
    }

    /// The top of a profile's y axis: the largest finite value plus 5%, rounded up to a tick.
    static func axisTop(_ values: [Double]) -> Double {
        let top = values.filter(\.isFinite).max() ?? 1
        let ticks = SVGText.ticks(upTo: max(top, 1e-6) * 1.05, count: 5)
        return max(ticks.last ?? 1, top * 1.05)
    }
}

// MARK: - Heatmaps

extension FigureRaster {
    /// One heatmap's colour levels in bins of epochs (rows) and classes (columns), precomputed once.
    struct Grid: Sendable {
        let rows: Int
        let cols: Int
        /// Row-major levels, -1 where nothing was recorded.
        let levels: [Int16]
        /// The last epoch each row spans: a row appears once training has reached it.
        let lastEpoch: [Int]

        init(_ h: RegimeHistory, rows: Int, cols: Int, epochs: Int, classes: Int, vmax: Double) {
            self.rows = rows
            self.cols = cols
            let means = FigureBins.means(h, rows: rows, cols: cols, epochs: epochs, classes: classes)
            var levels = [Int16](repeating: -1, count: rows * cols)
            for r in 0..<rows {
                for c in 0..<cols { if let m = means[r][c] { levels[r * cols + c] = Int16(FigureRaster.level(m, vmax: vmax)) } }
            }
            let last = (0..<rows).map { FigureBins.epochs(ofRow: $0, rows: rows, epochs: epochs).upperBound - 1 }
            self.levels = levels
            lastEpoch = last
        }
    }

    /// The step 0..<levels of a value on the shared scale: `min(levels - 1, floor(v / vmax * levels))`.
    static func level(_ v: Double, vmax: Double) -> Int {
        guard vmax > 0 else { return v > 0 ? levels - 1 : 0 }
        let t = v / vmax
        guard !t.isNaN else { return 0 }
        return min(levels - 1, Int(min(1, max(0, t)) * Double(levels)))
    }

    func drawHeatmap(_ r: inout Raster, _ h: RegimeHistory, grid: Grid, index i: Int, moment: Moment,
                     regular: BitmapFont, bold: BitmapFont) {
        let L = layout, x = L.panelX(i), y = L.panelTop, P = L.panel
        let title = "(\(FigureSVG.letter(i))) \(h.id.title)"
        r.text(Self.fitting([title, "(\(FigureSVG.letter(i)))"], width: P + L.gap, font: bold),
               x: x + P / 2, y: L.titleY, font: bold, color: Self.ink, anchor: .middle)
        r.fill(x: x, y: y, width: P, height: P, color: Self.empty)
        r.pixels.withUnsafeMutableBufferPointer { p in
            for py in 0..<P {
                let row = py * grid.rows / P
                guard grid.lastEpoch[row] <= moment.stage1Epoch else { break }
                for px in 0..<P {
                    let level = grid.levels[row * grid.cols + px * grid.cols / P]
                    if level >= 0 { p[(y + py) * r.width + x + px] = levelColors[Int(level)] }
                }
            }
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: P + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        // Epochs down the left (labels on the first panel only: the axis is shared), classes along the bottom.
        for e in SVGText.ticks(upTo: Double(epochs), count: 5, integers: true) {
            let ty = y + Int((e + 0.5) / Double(epochs + 1) * Double(P))
            r.fill(x: x - L.stroke - L.tick, y: ty, width: L.tick, height: L.stroke, color: Self.ink)
            if i == 0 {
                r.text(SVGText.num(e), x: x - L.stroke - L.tick - 2 * L.scale, y: ty - L.line / 2, font: regular,
                       color: Self.ink, anchor: .end)
            }
        }
        for k in SVGText.ticks(upTo: Double(max(0, classes - 1)), count: 5, integers: true) {
            let tx = x + Int((k + 0.5) / Double(classes) * Double(P))
            r.fill(x: tx, y: y + P + L.stroke, width: L.stroke, height: L.tick, color: Self.ink)
            r.text(SVGText.num(k), x: tx, y: L.tickLabelY, font: regular, color: Self.ink, anchor: .middle)
        }
        if let d = h.diverged, d.epoch <= moment.stage1Epoch {
            r.text(Self.fitting(["diverged at epoch \(d.epoch)", "diverged"], width: P, font: regular),
                   x: x + P / 2, y: y + P / 2 - L.line / 2, font: regular, color: Self.alarm, anchor: .middle)
        }
    }

    func drawColorBar(_ r: inout Raster, regular: BitmapFont, largest: Double) {
        let L = layout, x = L.colorBarX, y = L.panelTop, w = L.colorBarWidth, P = L.panel
        for py in 0..<P {
            // Bottom row the lowest step, top row the highest.
            let level = min(Self.levels - 1, (P - 1 - py) * Self.levels / P)
            r.fill(x: x, y: y + py, width: w, height: 1, color: levelColors[level])
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: w + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        for t in SVGText.ticks(upTo: vmax, count: 6) {
            let ty = min(y + P - 1, y + P - Int((t / vmax * Double(P)).rounded()))
            r.fill(x: x + w + L.stroke, y: ty, width: L.tick, height: L.stroke, color: Self.ink)
            r.text(FigureSVG.fixed1(t), x: x + w + L.stroke + L.tick + 2 * L.scale, y: ty - L.line / 2, font: regular,
                   color: Self.ink)
        }
        if largest > vmax {
            // Norms above the scale take its top colour: a mark above the bar says how far they go.
            let s = L.scale, side = 7 * s, top = L.titleY + (L.line - side) / 2 + s
            for row in 0..<side {
                let half = row / 2
                r.fill(x: x + side / 2 - half, y: top + row, width: 2 * half + 1, height: 1, color: Self.overflowMark)
            }
            r.text("max \(SVGText.num(largest, 2))", x: x + side + 3 * s, y: L.titleY, font: regular, color: Self.overflowMark)
        }
        let labelX = x + w + L.stroke + L.tick + 2 * L.scale + 4 * L.advance + 4 * L.scale
        r.text(Self.fitting(["L2 norm of the class's weight row", "L2 norm of class weights", "weight norm"], width: P, font: regular),
               x: labelX, y: y + P / 2, font: regular, color: Self.ink, anchor: .middle, direction: .up)
    }
}

// MARK: - Profiles

extension FigureRaster {
    struct Series {
        var name: String
        var values: [Double]
        var color: UInt32
        var dashed: Bool
    }

    /// The norms of `h` after the latest epoch at or before `epoch` (by epoch), empty before its first record.
    static func norms(_ h: RegimeHistory, atEpoch epoch: Int) -> [Double] {
        h.records(in: 0..<(epoch + 1)).last?.norms ?? []
    }

    func drawProfiles(_ r: inout Raster, moment: Moment, regular: BitmapFont, bold: BitmapFont) {
        let L = layout
        let stage1Series = stage1.enumerated().map { i, h in
            Series(name: h.id.title, values: Self.norms(h, atEpoch: moment.stage1Epoch),
                   color: Self.lineColors[i % Self.lineColors.count], dashed: false)
        }
        let letterF = FigureSVG.letter(max(1, stage1.count)), letterG = FigureSVG.letter(max(1, stage1.count) + 1)
        let e1 = min(moment.stage1Epoch, epochs)
        let title1 = FigureTitles.stage1Profile(letter: letterF, epoch: e1, planned: epochs)
        let full = L.width - L.left - L.pad
        guard let s2 = stage2 else {
            profile(&r, title: title1, series: stage1Series, top: profileTop, x: L.left, width: full, regular: regular, bold: bold)
            return
        }
        let half = (full - 9 * L.advance) / 2
        profile(&r, title: title1, series: stage1Series, top: profileTop, x: L.left, width: half, regular: regular, bold: bold)
        var series: [Series] = []
        let title2 = FigureTitles.stage2Profile(letter: letterG, base: s2.base, epoch: moment.stage2Epoch,
                                                planned: stage2Planned ?? 0)
        if let e2 = moment.stage2Epoch {
            if let b = stage1.first(where: { $0.id == s2.base }), !b.records.isEmpty {
                series.append(Series(name: "\(s2.base.title) (stage 1)", values: b.finalNorms, color: Self.ink, dashed: true))
            }
            for h in s2.histories {
                series.append(Series(name: h.id.variant?.title ?? h.id.title, values: Self.norms(h, atEpoch: e2),
                                     color: Self.lineColors[FigureLegend.stage2ColorIndex(h)], dashed: false))
            }
        }
        profile(&r, title: title2, series: series, top: stage2ProfileTop, x: L.left + half + 9 * L.advance, width: half,
                regular: regular, bold: bold)
    }

    /// One profile plot with its legend at the right, in the box from `x`, `width` pixels wide.
    func profile(_ r: inout Raster, title: String, series: [Series], top: Double, x: Int, width: Int,
                 regular: BitmapFont, bold: BitmapFont) {
        let L = layout, y = L.plotTop, h = L.plotHeight
        // A series that coincides with an earlier one (as the SVG decides) is dotted and says so in the legend.
        let twins = series.indices.map { i in
            series.indices.prefix(i).last { j in FigureSVG.coincide(series[i].values, series[j].values, tolerance: top * 0.005) }
        }
        // A coinciding line's legend entry has a second line naming the line it lies on.
        let notes = series.indices.map { i in twins[i].map { FigureLegend.twinNote(series[$0].name) } }
        let texts = series.map(\.name) + notes.compactMap { $0 }
        let legendWidth = min(width * 2 / 5, (texts.map { regular.width(of: $0) }.max() ?? 10 * L.advance) + 30 * L.scale)
        let plotW = max(10, width - legendWidth - 10 * L.scale)
        r.text(Self.fitting([title], width: plotW + legendWidth, font: bold), x: x + plotW / 2, y: L.profileTitleY,
               font: bold, color: Self.ink, anchor: .middle)
        let classes = max(1, self.classes)
        func px(_ k: Int) -> Int { x + (classes == 1 ? plotW / 2 : k * (plotW - 1) / (classes - 1)) }
        func py(_ v: Double) -> Int { y + h - 1 - Int((min(v, top) / top * Double(h - 1)).rounded()) }
        for t in SVGText.ticks(upTo: top, count: 5) where t <= top {
            r.fill(x: x, y: py(t), width: plotW, height: L.stroke, color: Self.gridLine)
            r.text(SVGText.num(t, 2), x: x - L.stroke - 4 * L.scale, y: py(t) - L.line / 2, font: regular,
                   color: Self.ink, anchor: .end)
        }
        for k in SVGText.ticks(upTo: Double(classes - 1), count: 6, integers: true) {
            let tx = px(Int(k))
            r.fill(x: tx, y: y + h, width: L.stroke, height: L.tick, color: Self.ink)
            r.text(SVGText.num(k), x: tx, y: L.plotTickLabelY, font: regular, color: Self.ink, anchor: .middle)
        }
        r.text("class ID sorted by cardinality", x: x + plotW / 2, y: L.plotAxisLabelY, font: regular, color: Self.ink,
               anchor: .middle)
        r.text("L2 norm", x: x - L.tickLabelWidth - 10 * L.scale - L.line, y: y + h / 2, font: regular, color: Self.ink,
               anchor: .middle, direction: .up)
        // Earlier series are drawn wider, so a line hidden under a later equal one still shows at its edges.
        for (i, s) in series.enumerated() {
            let t = L.scale * max(1, 3 - i / 2)
            var run: [(x: Int, y: Int)] = []
            func flush() {
                let (dash, gap): (Int?, Int?) = twins[i] != nil ? (t, 2 * t + L.scale) : s.dashed ? (6 * L.scale, nil) : (nil, nil)
                r.polyline(run.map { ($0.x - t / 2, $0.y - t / 2) }, color: s.color, thickness: t, dash: dash, gap: gap)
                run = []
            }
            for (k, v) in s.values.enumerated() {
                if v.isFinite { run.append((px(k), py(max(0, v)))) } else { flush() }
            }
            flush()
            if twins[i] != nil {
                // Rings along a line that lies on an earlier one, so it shows where the two coincide.
                let finite = s.values.enumerated().filter { $0.element.isFinite }
                let every = max(1, finite.count / 12)
                for (n, p) in finite.enumerated() where n % every == every / 2 {
                    r.ring(x: px(p.offset), y: py(max(0, p.element)), radius: 4 * L.scale, color: s.color, thickness: L.scale)
                }
            }
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: plotW + 2 * L.stroke, height: h + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        let lx = x + plotW + 12 * L.scale
        var ly = y + 4 * L.scale
        for (i, s) in series.enumerated() {
            let (dash, gap): (Int?, Int?) = twins[i] != nil ? (2 * L.scale, 3 * L.scale) : s.dashed ? (4 * L.scale, nil) : (nil, nil)
            r.line(from: (lx, ly + L.line / 2), to: (lx + 18 * L.scale, ly + L.line / 2), color: s.color,
                   thickness: 2 * L.scale, dash: dash, gap: gap)
            if twins[i] != nil { r.ring(x: lx + 9 * L.scale, y: ly + L.line / 2, radius: 4 * L.scale, color: s.color, thickness: L.scale) }
            let room = max(0, legendWidth - 24 * L.scale)
            r.text(Self.fitting([s.name], width: room, font: regular), x: lx + 24 * L.scale, y: ly, font: regular, color: Self.ink)
            if let note = notes[i] {
                ly += L.line
                r.text(Self.fitting([note], width: room, font: regular), x: lx + 24 * L.scale, y: ly, font: regular, color: Self.grey)
            }
            ly += L.line + 4 * L.scale
        }
    }
}
