import NormscopeEngine

extension FigureSVG {
    /// The model's accuracy row: a heading, one heatmap under each norm heatmap, and the accuracy colour bar.
    static func accuracyRow(_ doc: inout Document, _ model: FigureModel, moment: FigureMoment, layout L: Layout) {
        doc.raw("<g id=\"accuracy-row\">")
        doc.text(FigureModel.accuracyRowTitle, x: L.panelX(0), y: L.accuracyHeadingY, size: 14, anchor: "start", weight: "bold")
        for (i, h) in model.heatmaps.enumerated() {
            accuracyHeatmap(&doc, model, h, moment: moment, x: L.panelX(i), y: L.accuracyTop, size: L.panel)
        }
        accuracyColorBar(&doc, model, x: L.colorBarX, y: L.accuracyTop, height: L.panel)
        doc.raw("</g>")
    }

    /// One accuracy heatmap: the regime's title, the cells in the accuracy colours, the norm heatmaps' axes.
    static func accuracyHeatmap(_ doc: inout Document, _ model: FigureModel, _ h: FigureModel.Heatmap, moment: FigureMoment,
                                x: Double, y: Double, size: Double) {
        let epochs = model.epochs, classes = model.classes
        doc.raw("<g id=\"accuracy-\(h.letter)\" class=\"accuracy-heatmap\">")
        doc.text(model.accuracyTitle(h), x: x + size / 2, y: y - 8, size: 12, anchor: "middle", weight: "bold")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"#eeeeee\"/>")
        accuracyCells(&doc, model.accuracyMeans(h, rows: min(maxRows, epochs + 1), cols: min(maxColumns, classes)),
                      x: x, y: y, size: size)
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(size))\" height=\"\(SVGText.num(size))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        func epochY(_ e: Double) -> Double { y + (e + 0.5) / Double(epochs + 1) * size }
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
            doc.raw("<line class=\"mark\" x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(my))\" x2=\"\(SVGText.num(x + size))\" y2=\"\(SVGText.num(my))\" stroke=\"\(markColor)\" stroke-width=\"1\" stroke-dasharray=\"4,2\"/>")
        }
        let classTitle = FigureText.fitting(model.classAxis.titles, width: size + Layout.gap, measure: Measure(size: 11),
                                            maxCharacters: 40)
        doc.text(classTitle, x: x + size / 2, y: y + size + 31, size: 11, anchor: "middle")
        doc.text(model.epochAxis.titles.first ?? "", x: x - 32, y: y + size / 2, size: 11, anchor: "middle", rotate: true)
        doc.raw("</g>")
    }

    /// The accuracy cells: one path per step, runs of equal step merged, in cell units scaled to the panel.
    static func accuracyCells(_ doc: inout Document, _ grid: [[Double?]], x: Double, y: Double, size: Double) {
        let rows = grid.count, cols = grid.first?.count ?? 1
        var paths = [String](repeating: "", count: FigureModel.accuracyColors.count)
        for r in 0..<rows {
            var c = 0
            while c < cols {
                guard let v = grid[r][c] else { c += 1; continue }
                let level = FigureModel.accuracyLevel(v)
                var end = c + 1
                while end < cols, let w = grid[r][end], FigureModel.accuracyLevel(w) == level { end += 1 }
                paths[level] += "M\(c) \(r)h\(end - c)v1h-\(end - c)z"
                c = end
            }
        }
        let sx = size / Double(cols), sy = size / Double(rows)
        doc.raw("<g transform=\"translate(\(SVGText.num(x, 3)),\(SVGText.num(y, 3))) scale(\(SVGText.num(sx, 6)),\(SVGText.num(sy, 6)))\" shape-rendering=\"crispEdges\">")
        for (level, d) in paths.enumerated() where !d.isEmpty {
            doc.raw("<path fill=\"\(SVGText.hex(FigureModel.accuracyColors[level]))\" d=\"\(d)\"/>")
        }
        doc.raw("</g>")
    }

    /// The accuracy colour bar: one block per 10 % step, 0 % at the bottom, ticks and title at the right.
    static func accuracyColorBar(_ doc: inout Document, _ model: FigureModel, x: Double, y: Double, height: Double) {
        doc.raw("<g id=\"accuracy-colorbar\">")
        let w = 14.0, colors = FigureModel.accuracyColors, step = height / Double(colors.count)
        doc.raw("<g shape-rendering=\"crispEdges\">")
        for (level, c) in colors.enumerated() {
            let y0 = y + height - Double(level + 1) * step
            doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y0, 3))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(step + 0.05, 3))\" fill=\"\(SVGText.hex(c))\"/>")
        }
        doc.raw("</g>")
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w))\" height=\"\(SVGText.num(height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        for t in model.accuracyBarAxis.ticks {
            let ty = y + height - t.value / 100 * height
            doc.raw("<line x1=\"\(SVGText.num(x + w))\" y1=\"\(SVGText.num(ty))\" x2=\"\(SVGText.num(x + w + 4))\" y2=\"\(SVGText.num(ty))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(t.label, x: x + w + 7, y: ty + 3.5, size: 10, anchor: "start")
        }
        doc.text(model.accuracyBarAxis.titles.first ?? "", x: x + w + 38, y: y + height / 2, size: 11, anchor: "middle", rotate: true)
        doc.raw("</g>")
    }
}
