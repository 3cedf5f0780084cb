import NormscopeEngine

/// The paper's Fig. 2 as a standalone SVG 1.1 file, with the end-of-training profiles of its Fig. 6.
///
/// Top row: one heatmap per stage-1 regime, (a)-(e) in results order; x the class index sorted by training
/// count (most frequent left), y the training epoch (0 at the top), colour the L2 norm of the class's classifier
/// row on one scale shared by all panels, shown by the colour bar at the right (the same colour maps and scale
/// top as the live view). Bottom row: the norms at the end of stage 1 against the class, one line per regime,
/// and, when the results hold stage 2, the same at the end of stage 2 for the first base's variants (for a run
/// still training or interrupted: at the last epoch recorded, and the titles say which).
/// Text is text; cells are merged into one path per colour, so the file stays small.
package enum FigureSVG {
    /// The SVG document for `results`. `vmax` is the top of the colour scale (default: 2.0, the paper's and the
    /// live view's); larger norms take the top colour, and the colour bar says how large they get.
    package static func render(results: ResultsFile, colorMap: ColorMapKind = .jet, vmax: Double? = nil) -> String {
        var doc = Document()
        let stage1 = results.regimes.filter { !$0.isStage2 }
        let stage2 = stage2Histories(results)
        let top = vmax ?? DashboardModel.paperScaleTop
        let over = DashboardModel.overflow(stage1, vmax: top)
        let epochs = max(results.config.training.epochs, stage1.map(\.epochsDone).max() ?? 0)
        let classes = max(results.classCounts.count, stage1.map(\.classCount).max() ?? 0)
        let panels = max(1, stage1.count)
        let L = Layout(panels: panels)

        doc.open(width: L.width, height: L.height, title: "Per-class classifier weight norms (\(results.config.dataset.recipe?.name ?? results.config.dataset.file ?? "data"))")
        for (i, h) in stage1.enumerated() {
            heatmap(&doc, h, letter: letter(i), x: L.panelX(i), y: L.panelTop, size: L.panel, epochs: epochs,
                    classes: classes, vmax: top, colorMap: colorMap)
        }
        if stage1.isEmpty {
            doc.text("no stage-1 regime in the results", x: L.panelX(0) + L.panel / 2, y: L.panelTop + L.panel / 2,
                     size: 13, anchor: "middle", fill: "#666666")
        }
        colorBar(&doc, x: L.colorBarX, y: L.panelTop, height: L.panel, vmax: top, colorMap: colorMap, overflow: over)

        let stage1Series = stage1.enumerated().map { i, h in
            Series(name: h.id.title, values: h.finalNorms, color: palette[i % palette.count],
                   dashed: false)
        }
        let reached = stage1.map(\.epochsDone).max() ?? 0
        profile(&doc, id: "profile-stage1", title: FigureTitles.stage1Profile(letter: letter(panels), epoch: reached, planned: epochs),
                series: stage1Series, x: L.profileX(0), y: L.profileTop, width: L.profileWidth, height: L.profileHeight)
        if let (base, hs) = stage2, !hs.isEmpty {
            var series: [Series] = []
            if let b = stage1.first(where: { $0.id == base }), !b.records.isEmpty {
                series.append(Series(name: "\(base.title) (stage 1)", values: b.finalNorms, color: "#000000", dashed: true))
            }
            for h in hs {
                series.append(Series(name: h.id.variant?.title ?? h.id.title, values: h.finalNorms,
                                     color: palette[FigureLegend.stage2ColorIndex(h)], dashed: false))
            }
            let title = FigureTitles.stage2Profile(letter: letter(panels + 1), base: base,
                                                   epoch: hs.map(\.epochsDone).max() ?? 0, planned: FigureTitles.stage2Planned(hs))
            profile(&doc, id: "profile-stage2", title: title,
                    series: series, x: L.profileX(1), y: L.profileTop, width: L.profileWidth, height: L.profileHeight)
        }
        let foot = FigureTitles.footer(results, classes: classes, epochs: epochs)
        doc.text(foot, x: L.width - 10, y: L.height - 8, size: 10, anchor: "end", fill: "#777777")
        doc.close()
        return doc.text
    }

    // MARK: - Pieces

    /// The stage-2 histories of the first base in the results' stage-2 config (or the first found).
    static func stage2Histories(_ r: ResultsFile) -> (RunID, [RegimeHistory])? {
        let hs = r.regimes.filter(\.isStage2)
        let bases = hs.map(\.id.stage1)
        let configured = r.config.stage2.flatMap { s in bases.first { $0.base == s.base } }
        guard let base = configured ?? bases.first else { return nil }
        return (base, FigureLegend.ordered(hs.filter { $0.id.stage1 == base && $0.diverged == nil }))
    }

    static func letter(_ i: Int) -> String { String(UnicodeScalar(UInt8(97 + i % 26))) }

    /// Line colours (matplotlib's tab10): stage-1 regimes take the first five, stage-2 variants the rest
    /// (`FigureLegend.stage2ColorIndex`).
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The most rows and columns of cells a heatmap draws; longer runs and more classes are averaged in bins.
    static let maxRows = 200
    static let maxColumns = 400

    static func heatmap(_ doc: inout Document, _ h: RegimeHistory, letter: String, x: Double, y: Double, size: Double,
                        epochs: Int, classes: Int, vmax: Double, colorMap: ColorMapKind) {
        doc.raw("<g id=\"panel-\(letter)\" class=\"heatmap\">")
        let title = "(\(letter)) \(h.id.title)"
        doc.text(title, x: x + size / 2, y: y - 10, size: 14, anchor: "middle", weight: "bold")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"#eeeeee\"/>")
        let rows = min(maxRows, epochs + 1), cols = min(maxColumns, max(1, classes))
        // Mean of the norms in each (row bin, column bin); nil where nothing was recorded.
        let grid = FigureBins.means(h, rows: rows, cols: cols, epochs: epochs, classes: classes)
        // One path per colour level, runs of equal level merged, in cell units scaled to the panel.
        var paths = [String](repeating: "", count: 256)
        for r in 0..<rows {
            var c = 0
            while c < cols {
                guard let v = grid[r][c] else { c += 1; continue }
                let level = colorLevel(v, vmax: vmax)
                var end = c + 1
                while end < cols, let w = grid[r][end], colorLevel(w, vmax: vmax) == level { end += 1 }
                paths[level] += "M\(c) \(r)h\(end - c)v1h-\(end - c)z"
                c = end
            }
        }
        let sx = size / Double(cols), sy = size / Double(rows)
        doc.raw("<g transform=\"translate(\(SVGText.num(x, 3)),\(SVGText.num(y, 3))) scale(\(SVGText.num(sx, 6)),\(SVGText.num(sy, 6)))\" shape-rendering=\"crispEdges\">")
        for (level, d) in paths.enumerated() where !d.isEmpty {
            doc.raw("<path fill=\"\(SVGText.hex(colorMap.rgb(at: Double(level) / 255)))\" d=\"\(d)\"/>")
        }
        doc.raw("</g>")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        // Axes: epochs down the left, classes along the bottom.
        for e in SVGText.ticks(upTo: Double(epochs), count: 5, integers: true) {
            let ty = y + (e + 0.5) / Double(epochs + 1) * size
            doc.raw("<line x1=\"\(SVGText.num(x - 4))\" y1=\"\(SVGText.num(ty))\" x2=\"\(SVGText.num(x))\" y2=\"\(SVGText.num(ty))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(SVGText.num(e), x: x - 6, y: ty + 3.5, size: 10, anchor: "end")
        }
        for k in SVGText.ticks(upTo: Double(max(0, classes - 1)), count: 5, integers: true) {
            let tx = x + (k + 0.5) / Double(max(1, classes)) * size
            doc.raw("<line x1=\"\(SVGText.num(tx))\" y1=\"\(SVGText.num(y + size))\" x2=\"\(SVGText.num(tx))\" y2=\"\(SVGText.num(y + size + 4))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(SVGText.num(k), x: tx, y: y + size + 15, size: 10, anchor: "middle")
        }
        doc.text("class ID sorted by cardinality", x: x + size / 2, y: y + size + 31, size: 11, anchor: "middle")
        doc.text("training epochs", x: x - 32, y: y + size / 2, size: 11, anchor: "middle", rotate: true)
        if let d = h.diverged {
            doc.text("diverged at epoch \(d.epoch)", x: x + size / 2, y: y + size / 2, size: 12, anchor: "middle", fill: "#cc0000")
        }
        doc.raw("</g>")
    }

    /// The level 0...255 of a value on the shared scale: `min(255, floor(v / vmax * 256))`, clamped before it
    /// becomes an integer (a tiny `vmax` makes the quotient infinite).
    static func colorLevel(_ v: Double, vmax: Double) -> Int {
        guard vmax > 0 else { return v > 0 ? 255 : 0 }
        let t = v / vmax
        guard !t.isNaN else { return 0 }
        return min(255, Int(min(1, max(0, t)) * 256))
    }

    static func colorBar(_ doc: inout Document, x: Double, y: Double, height: Double, vmax: Double, colorMap: ColorMapKind,
                         overflow: Double? = nil) {
        doc.raw("<g id=\"colorbar\">")
        let w = 14.0, step = height / 256
        doc.raw("<g shape-rendering=\"crispEdges\">")
        for level in 0..<256 {
            let y0 = y + height - Double(level + 1) * step
            doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y0, 3))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(step + 0.05, 3))\" fill=\"\(SVGText.hex(colorMap.rgb(at: Double(level) / 255)))\"/>")
        }
        doc.raw("</g>")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        for t in SVGText.ticks(upTo: vmax, count: 6) {
            let ty = y + height - t / vmax * height
            doc.raw("<line x1=\"\(SVGText.num(x + w))\" y1=\"\(SVGText.num(ty))\" x2=\"\(SVGText.num(x + w + 4))\" y2=\"\(SVGText.num(ty))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(fixed1(t), x: x + w + 7, y: ty + 3.5, size: 10, anchor: "start")
        }
        if let o = overflow {
            // Norms above the scale take its top colour; say how far they go.
            doc.text("▲ max \(SVGText.num(o, 2))", x: x, y: y - 6, size: 10, anchor: "start", fill: "#b00000")
        }
        doc.text("L2 norm of the class's weight row", x: x + w + 38, y: y + height / 2, size: 11, anchor: "middle", rotate: true)
        doc.raw("</g>")
    }

    /// "1.0", "0.5": one decimal, as the paper's colour bar.
    static func fixed1(_ v: Double) -> String {
        let s = SVGText.num(v, 1)
        return s.contains(".") ? s : s + ".0"
    }

    /// Whether two profiles are the same line on the plot: equal lengths, every value within `tolerance`.
    static func coincide(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count && !a.isEmpty && zip(a, b).allSatisfy { x, y in x == y || abs(x - y) <= tolerance }
    }

    struct Series {
        var name: String
        var values: [Double]
        var color: String
        var dashed: Bool
    }

    /// The legend's font size, and the size of a coinciding line's note under its name.
    static let legendSize = 10.5, noteSize = 9.5

    static func profile(_ doc: inout Document, id: String, title: String, series: [Series], x: Double, y: Double,
                        width: Double, height: Double) {
        doc.raw("<g id=\"\(id)\" class=\"profile\">")
        let classes = max(1, series.map(\.values.count).max() ?? 1)
        let ymaxData = series.flatMap(\.values).filter(\.isFinite).max() ?? 1
        let yTicks = SVGText.ticks(upTo: max(ymaxData, 1e-6) * 1.05, count: 5)
        let ymax = max(yTicks.last ?? 1, ymaxData * 1.05)
        // A series that coincides with an earlier one is dotted with rings and its legend entry says which.
        let twins = series.indices.map { i in
            series.indices.prefix(i).last { j in coincide(series[i].values, series[j].values, tolerance: ymax * 0.005) }
        }
        let notes = series.indices.map { i in twins[i].map { FigureLegend.twinNote(series[$0].name) } }
        // The legend gets the width its longest text needs (at least 170 px), the plot the rest.
        let textWidth = series.indices.map { i in
            max(SVGText.estimatedWidth(series[i].name, size: legendSize),
                notes[i].map { SVGText.estimatedWidth($0, size: noteSize) } ?? 0)
        }.max() ?? 0
        let plotW = width - max(170, 16 + 28 + textWidth + 8)
        doc.text(title, x: x + plotW / 2, y: y - 10, size: 13, anchor: "middle", weight: "bold")
        func px(_ k: Double) -> Double { x + (classes == 1 ? 0.5 : k / Double(classes - 1)) * plotW }
        func py(_ v: Double) -> Double { y + height - v / ymax * height }
        for t in yTicks {
            doc.raw("<line x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(py(t)))\" x2=\"\(SVGText.num(x + plotW))\" y2=\"\(SVGText.num(py(t)))\" stroke=\"#dddddd\" stroke-width=\"0.6\"/>")
            doc.text(SVGText.num(t, 2), x: x - 6, y: py(t) + 3.5, size: 10, anchor: "end")
        }
        for k in SVGText.ticks(upTo: Double(classes - 1), count: 6, integers: true) {
            doc.raw("<line x1=\"\(SVGText.num(px(k)))\" y1=\"\(SVGText.num(y + height))\" x2=\"\(SVGText.num(px(k)))\" y2=\"\(SVGText.num(y + height + 4))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(SVGText.num(k), x: px(k), y: y + height + 15, size: 10, anchor: "middle")
        }
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(plotW))\" height=\"\(SVGText.num(height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        // Earlier series are drawn wider, so a line hidden under a later equal one still shows at its edges.
        let dotted = " stroke-dasharray=\"1.5,3\" stroke-linecap=\"round\""
        func ring(_ cx: Double, _ cy: Double, _ color: String) {
            doc.raw("<circle cx=\"\(SVGText.num(cx))\" cy=\"\(SVGText.num(cy))\" r=\"3\" fill=\"#ffffff\" stroke=\"\(color)\" stroke-width=\"1.3\"/>")
        }
        for (i, s) in series.enumerated() {
            let widthText = SVGText.num(max(1.2, 2.8 - 0.35 * Double(i)))
            let finite = s.values.enumerated().filter { $0.element.isFinite }
            let pts = finite.map { "\(SVGText.num(px(Double($0.offset)))),\(SVGText.num(py($0.element)))" }
            guard !pts.isEmpty else { continue }
            let dash = twins[i] != nil ? dotted : s.dashed ? " stroke-dasharray=\"5,3\"" : ""
            doc.raw("<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"\(widthText)\"\(dash) points=\"\(pts.joined(separator: " "))\"/>")
            if twins[i] != nil {
                let every = max(1, finite.count / 12)
                for (n, p) in finite.enumerated() where n % every == every / 2 { ring(px(Double(p.offset)), py(p.element), s.color) }
            }
        }
        doc.text("class ID sorted by cardinality", x: x + plotW / 2, y: y + height + 31, size: 11, anchor: "middle")
        doc.text("L2 norm", x: x - 36, y: y + height / 2, size: 11, anchor: "middle", rotate: true)
        // Legend at the right.
        let lx = x + plotW + 16
        var ly = y + 8
        for (i, s) in series.enumerated() {
            let dash = twins[i] != nil ? dotted : s.dashed ? " stroke-dasharray=\"5,3\"" : ""
            doc.raw("<line x1=\"\(SVGText.num(lx))\" y1=\"\(SVGText.num(ly))\" x2=\"\(SVGText.num(lx + 22))\" y2=\"\(SVGText.num(ly))\" stroke=\"\(s.color)\" stroke-width=\"2\"\(dash)/>")
            if twins[i] != nil { ring(lx + 11, ly, s.color) }
            doc.text(s.name, x: lx + 28, y: ly + 4, size: legendSize, anchor: "start")
            if let note = notes[i] {
                ly += 13
                doc.text(note, x: lx + 28, y: ly + 4, size: noteSize, anchor: "start", fill: "#555555")
            }
            ly += 17
        }
        doc.raw("</g>")
    }

    // MARK: - Geometry and document

    /// Where everything goes, in px.
    struct Layout {
        let panels: Int
        let panel = 190.0
        let gap = 62.0
        let left = 58.0
        let panelTop = 42.0
        var colorBarX: Double { panelX(panels - 1) + panel + 22 }
        var width: Double { max(colorBarX + 80, 2 * 560 + left + 40) }
        func panelX(_ i: Int) -> Double { left + Double(i) * (panel + gap) }
        var profileTop: Double { panelTop + panel + 88 }
        let profileHeight = 200.0
        var profileWidth: Double { (width - left - 30 - 60) / 2 }
        func profileX(_ i: Int) -> Double { left + Double(i) * (profileWidth + 60) }
        var height: Double { profileTop + profileHeight + 56 }
    }

    /// An SVG document being written.
    struct Document {
        var text = ""
        static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

        mutating func raw(_ s: String) { text += s; text += "\n" }

        mutating func open(width: Double, height: Double, title: String) {
            raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
            raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(SVGText.num(width))\" height=\"\(SVGText.num(height))\" viewBox=\"0 0 \(SVGText.num(width)) \(SVGText.num(height))\" font-family=\"\(Document.font)\">")
            raw("<title>\(SVGText.escape(title))</title>")
            raw("<desc>Fig. 2 of Alshammari et al., Long-Tailed Recognition via Weight Balancing (CVPR 2022), redrawn by normscope from a results file.</desc>")
            raw("<rect x=\"0\" y=\"0\" width=\"\(SVGText.num(width))\" height=\"\(SVGText.num(height))\" fill=\"#ffffff\"/>")
        }

        mutating func close() { raw("</svg>") }

        mutating func text(_ s: String, x: Double, y: Double, size: Double, anchor: String, weight: String? = nil,
                           fill: String = "#000000", rotate: Bool = false) {
            let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
            let r = rotate ? " transform=\"rotate(-90 \(SVGText.num(x)) \(SVGText.num(y)))\"" : ""
            raw("<text x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" font-size=\"\(SVGText.num(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)>\(SVGText.escape(s))</text>")
        }
    }
}
