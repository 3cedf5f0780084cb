import NormscopeEngine

/// The paper's Fig. 2 as a standalone SVG 1.1 file, with the end-of-training profiles of its Fig. 6: a painter
/// of `FigureModel` at its final moment.
///
/// Top row: one heatmap per stage-1 regime, (a)-(e) in results order, and the shared colour bar at the right.
/// Bottom row: the profiles (stage 1 and, when the results hold it, stage 2). What is shown, with which ticks,
/// labels, colours and marks, is the model's; this file only places it in px and writes it as SVG.
/// Text is text; cells are merged into one path per colour, so the file stays small.
package enum FigureSVG {
    /// The SVG document for `results`. `vmax` is the top of the colour scale (default: 2.0, the paper's and the
    /// live view's); larger norms take the top colour, and the colour bar says how large they get.
    package static func render(results: ResultsFile, colorMap: ColorMapKind = .jet, vmax: Double? = nil) -> String {
        render(FigureModel(results: results, colorMap: colorMap, vmax: vmax))
    }

    /// The SVG document of `model` at its final moment.
    static func render(_ model: FigureModel) -> String {
        var doc = Document()
        let moment = model.finalMoment
        let profiles = model.allProfiles(at: moment)
        let L = Layout(panels: max(1, model.heatmaps.count), accuracyRow: model.hasAccuracy, profiles: profiles.count)
        doc.open(width: L.width, height: L.height, title: model.documentTitle)
        let row = HeatmapRow.norms(model)
        for (i, h) in model.heatmaps.enumerated() {
            heatmap(&doc, model, h, row: row, moment: moment, x: L.panelX(i), y: L.panelTop, size: L.panel)
        }
        if let note = model.emptyNote {
            doc.text(note, x: L.panelX(0) + L.panel / 2, y: L.panelTop + L.panel / 2, size: 13, anchor: "middle", fill: "#666666")
        }
        colorBar(&doc, row, x: L.colorBarX, y: L.panelTop, height: L.panel, overflow: model.overflow(at: moment))
        if model.hasAccuracy { accuracyRow(&doc, model, moment: moment, layout: L) }
        for (i, p) in profiles.enumerated() {
            profile(&doc, p, x: L.profileX(i), y: L.profileY(i), width: L.profileWidth, height: L.profileHeight)
        }
        doc.text(model.footer, x: L.width - 10, y: L.height - 8, size: 10, anchor: "end", fill: "#777777")
        doc.close()
        return doc.text
    }

    // MARK: - Pieces

    /// The line colours as SVG writes them.
    static let palette = FigureModel.lineColors.map(SVGText.hex)

    /// The most rows and columns of cells a heatmap draws; longer runs and more classes are averaged in bins.
    static let maxRows = 200
    static let maxColumns = 400

    /// The colour of epoch marks' rules and labels: white shows on every colour of both maps' dark ends.
    static let markColor = "#ffffff"
    /// The dark outline of epoch marks, so they also show on the maps' light (yellow-green) end.
    static let markHalo = "#000000"

    /// One heatmap of `row`: the regime's title, the cells in the row's colours, the axes, epoch marks and (where
    /// the row shows them) a diverged regime's note.
    static func heatmap(_ doc: inout Document, _ model: FigureModel, _ h: FigureModel.Heatmap, row: HeatmapRow,
                        moment: FigureMoment, x: Double, y: Double, size: Double) {
        let epochs = model.epochs, classes = model.classes
        doc.raw("<g id=\"\(row.idPrefix)-\(h.letter)\" class=\"\(row.groupClass)\">")
        doc.text(row.title(h), x: x + size / 2, y: y - row.titleGap, size: row.titleSize, anchor: "middle", weight: "bold")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"#eeeeee\"/>")
        cells(&doc, row.means(h, min(maxRows, epochs + 1), min(maxColumns, classes)), row: row, x: x, y: y, size: size)
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        func epochY(_ e: Double) -> Double { y + (e + 0.5) / Double(epochs + 1) * size }
        // Axes: epochs down the left, classes along the bottom.
        for t in model.epochAxis.ticks {
            let ty = epochY(t.value)
            doc.raw("<line x1=\"\(SVGText.num(x - 4))\" y1=\"\(SVGText.num(ty))\" x2=\"\(SVGText.num(x))\" y2=\"\(SVGText.num(ty))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(t.label, x: x - 6, y: ty + 3.5, size: 10, anchor: "end")
        }
        for t in model.classAxis.ticks {
            let tx = x + (t.value + 0.5) / Double(classes) * size
            doc.raw("<line x1=\"\(SVGText.num(tx))\" y1=\"\(SVGText.num(y + size))\" x2=\"\(SVGText.num(tx))\" y2=\"\(SVGText.num(y + size + 4))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(t.label, x: tx, y: y + size + 15, size: 10, anchor: "middle")
        }
        for m in model.epochMarks(at: moment, on: h) {
            let my = epochY(Double(m.epoch))
            // A dark rule under the white dashes and a dark halo round the label: legible on both ends of the map.
            let line = "x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(my))\" x2=\"\(SVGText.num(x + size))\" y2=\"\(SVGText.num(my))\""
            if row.labelsMarks { doc.raw("<line class=\"mark-halo\" \(line) stroke=\"\(markHalo)\" stroke-width=\"2\"/>") }
            doc.raw("<line class=\"mark\" \(line) stroke=\"\(markColor)\" stroke-width=\"1\" stroke-dasharray=\"4,2\"/>")
            if row.labelsMarks {
                doc.raw("<text x=\"\(SVGText.num(x + size - 3))\" y=\"\(SVGText.num(my - 3))\" font-size=\"9\" text-anchor=\"end\" fill=\"\(markColor)\" stroke=\"\(markHalo)\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">\(SVGText.escape(m.label))</text>")
            }
        }
        let classTitle = FigureText.fitting(model.classAxis.titles, width: size + Layout.gap, measure: Measure(size: 11),
                                            maxCharacters: 40)
        doc.text(classTitle, x: x + size / 2, y: y + size + 31, size: 11, anchor: "middle")
        doc.text(model.epochAxis.titles.first ?? "", x: x - 32, y: y + size / 2, size: 11, anchor: "middle", rotate: true)
        if row.showsNotes, let note = model.note(h, at: moment) {
            doc.text(note, x: x + size / 2, y: y + size / 2, size: 12, anchor: "middle", fill: "#cc0000")
        }
        doc.raw("</g>")
    }

    /// A heatmap's cells: one path per step of `row`, runs of equal step merged, in cell units scaled to the panel.
    static func cells(_ doc: inout Document, _ grid: [[Double?]], row: HeatmapRow, x: Double, y: Double, size: Double) {
        let rows = grid.count, cols = grid.first?.count ?? 1
        var paths = [String](repeating: "", count: row.colors.count)
        for r in 0..<rows {
            var c = 0
            while c < cols {
                guard let v = grid[r][c] else { c += 1; continue }
                let level = row.level(v)
                var end = c + 1
                while end < cols, let w = grid[r][end], row.level(w) == level { end += 1 }
                paths[level] += "M\(c) \(r)h\(end - c)v1h-\(end - c)z"
                c = end
            }
        }
        let sx = size / Double(cols), sy = size / Double(rows)
        doc.raw("<g transform=\"translate(\(SVGText.num(x, 3)),\(SVGText.num(y, 3))) scale(\(SVGText.num(sx, 6)),\(SVGText.num(sy, 6)))\" shape-rendering=\"crispEdges\">")
        for (level, d) in paths.enumerated() where !d.isEmpty {
            doc.raw("<path fill=\"\(row.colors[level])\" d=\"\(d)\"/>")
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

    /// The colour bar of `row`: one block per step, the lowest at the bottom, ticks and title at the right;
    /// `overflow` (the largest value above the scale) is written above it.
    static func colorBar(_ doc: inout Document, _ row: HeatmapRow, x: Double, y: Double, height: Double, overflow: Double?) {
        doc.raw("<g id=\"\(row.barID)\">")
        let w = 14.0, step = height / Double(row.colors.count)
        doc.raw("<g shape-rendering=\"crispEdges\">")
        for (level, c) in row.colors.enumerated() {
            let y0 = y + height - Double(level + 1) * step
            doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y0, 3))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(step + 0.05, 3))\" fill=\"\(c)\"/>")
        }
        doc.raw("</g>")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        for t in row.barAxis.ticks {
            let ty = y + height - t.value / row.scaleTop * height
            doc.raw("<line x1=\"\(SVGText.num(x + w))\" y1=\"\(SVGText.num(ty))\" x2=\"\(SVGText.num(x + w + 4))\" y2=\"\(SVGText.num(ty))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(t.label, x: x + w + 7, y: ty + 3.5, size: 10, anchor: "start")
        }
        if let o = overflow {
            // Values above the scale take its top colour; say how far they go.
            doc.text("▲ max \(SVGText.num(o, 2))", x: x, y: y - 6, size: 10, anchor: "start", fill: "#b00000")
        }
        doc.text(row.barAxis.titles.first ?? "", x: x + w + 38, y: y + height / 2, size: 11, anchor: "middle", rotate: true)
        doc.raw("</g>")
    }

    /// The text width estimate of the SVG's first font at one size.
    struct Measure: FigureTextMeasure {
        var size: Double
        func width(of text: String) -> Double { SVGText.estimatedWidth(text, size: size) }
    }

    /// Where everything goes, in px: the norm heatmaps, the accuracy heatmaps under them when there are any,
    /// then the profiles two to a row.
    struct Layout {
        let panels: Int
        var accuracyRow = false
        var profiles = 1
        let panel = 190.0
        static let gap = 62.0
        let left = 58.0
        let panelTop = 42.0
        var colorBarX: Double { panelX(panels - 1) + panel + 22 }
        var width: Double { max(colorBarX + 80, 2 * 560 + left + 40) }
        func panelX(_ i: Int) -> Double { left + Double(i) * (panel + Self.gap) }
        /// The accuracy row's heading and the top of its heatmaps.
        var accuracyHeadingY: Double { panelTop + panel + 62 }
        var accuracyTop: Double { panelTop + panel + 106 }
        var profileTop: Double { (accuracyRow ? accuracyTop : panelTop) + panel + 88 }
        let profileHeight = 200.0
        static let profileRowGap = 88.0
        var profileWidth: Double { (width - left - 30 - 60) / 2 }
        func profileX(_ i: Int) -> Double { left + Double(i % 2) * (profileWidth + 60) }
        func profileY(_ i: Int) -> Double { profileTop + Double(i / 2) * (profileHeight + Self.profileRowGap) }
        var height: Double { profileY(max(0, profiles - 1)) + profileHeight + 56 }
    }
}
