extension FigureSVG {
    /// The legend's font size, and the size of a coinciding line's note under its name.
    static let legendSize = 10.5, noteSize = 9.5

    /// One profile plot of the model, its legend at the right, in the box from (`x`, `y`).
    static func profile(_ doc: inout Document, _ p: FigureModel.Profile, x: Double, y: Double, width: Double, height: Double) {
        doc.raw("<g id=\"\(p.id)\" class=\"profile\">")
        let series = p.series
        let classes = p.classes
        let ymax = p.top
        // The legend gets the width its longest text needs (at least 170 px), the plot the rest.
        let textWidth = series.map { s in
            max(SVGText.estimatedWidth(s.name, size: legendSize), s.note.map { SVGText.estimatedWidth($0, size: noteSize) } ?? 0)
        }.max() ?? 0
        let plotW = width - max(170, 16 + 28 + textWidth + 8)
        doc.text(p.title, x: x + plotW / 2, y: y - 10, size: 13, anchor: "middle", weight: "bold")
        func px(_ k: Double) -> Double { x + (classes == 1 ? 0.5 : k / Double(classes - 1)) * plotW }
        func py(_ v: Double) -> Double { y + height - v / ymax * height }
        for t in p.yAxis.ticks {
            doc.raw("<line x1=\"\(SVGText.num(x))\" y1=\"\(SVGText.num(py(t.value)))\" x2=\"\(SVGText.num(x + plotW))\" y2=\"\(SVGText.num(py(t.value)))\" stroke=\"#dddddd\" stroke-width=\"0.6\"/>")
            doc.text(t.label, x: x - 6, y: py(t.value) + 3.5, size: 10, anchor: "end")
        }
        for t in p.xAxis.ticks {
            doc.raw("<line x1=\"\(SVGText.num(px(t.value)))\" y1=\"\(SVGText.num(y + height))\" x2=\"\(SVGText.num(px(t.value)))\" y2=\"\(SVGText.num(y + height + 4))\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
            doc.text(t.label, x: px(t.value), y: y + height + 15, size: 10, anchor: "middle")
        }
        doc.raw("<rect x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(plotW))\" height=\"\(SVGText.num(height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        // Earlier series are drawn wider, so a line hidden under a later equal one still shows at its edges.
        func ring(_ cx: Double, _ cy: Double, _ color: String) {
            doc.raw("<circle cx=\"\(SVGText.num(cx))\" cy=\"\(SVGText.num(cy))\" r=\"3\" fill=\"#ffffff\" stroke=\"\(color)\" stroke-width=\"1.3\"/>")
        }
        for (i, s) in series.enumerated() {
            let widthText = SVGText.num(max(1.2, 2.8 - 0.35 * Double(i)))
            let finite = s.values.enumerated().filter { $0.element.isFinite }
            let pts = finite.map { "\(SVGText.num(px(Double($0.offset)))),\(SVGText.num(py($0.element)))" }
            guard !pts.isEmpty else { continue }
            let color = SVGText.hex(s.color)
            doc.raw("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(widthText)\"\(dash(s)) points=\"\(pts.joined(separator: " "))\"/>")
            if s.twin != nil {
                let every = max(1, finite.count / 12)
                for (n, pt) in finite.enumerated() where n % every == every / 2 { ring(px(Double(pt.offset)), py(pt.element), color) }
            }
        }
        doc.text(p.xAxis.titles.first ?? "", x: x + plotW / 2, y: y + height + 31, size: 11, anchor: "middle")
        doc.text(p.yAxis.titles.first ?? "", x: x - 36, y: y + height / 2, size: 11, anchor: "middle", rotate: true)
        // Legend at the right.
        let lx = x + plotW + 16
        var ly = y + 8
        for s in series {
            let color = SVGText.hex(s.color)
            doc.raw("<line x1=\"\(SVGText.num(lx))\" y1=\"\(SVGText.num(ly))\" x2=\"\(SVGText.num(lx + 22))\" y2=\"\(SVGText.num(ly))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash(s))/>")
            if s.twin != nil { ring(lx + 11, ly, color) }
            doc.text(s.name, x: lx + 28, y: ly + 4, size: legendSize, anchor: "start")
            if let note = s.note {
                ly += 13
                doc.text(note, x: lx + 28, y: ly + 4, size: noteSize, anchor: "start", fill: "#555555")
            }
            ly += 17
        }
        doc.raw("</g>")
    }

    /// The dash attributes of a series: dotted when it lies on an earlier one, dashed for a reference line.
    static func dash(_ s: FigureModel.Series) -> String {
        s.twin != nil ? " stroke-dasharray=\"1.5,3\" stroke-linecap=\"round\"" : s.dashed ? " stroke-dasharray=\"5,3\"" : ""
    }
}
