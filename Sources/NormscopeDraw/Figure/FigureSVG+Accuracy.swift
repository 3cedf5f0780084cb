import NormscopeEngine

extension FigureSVG {
    /// The model's accuracy row: a heading, one heatmap under each norm heatmap, and the accuracy colour bar.
    static func accuracyRow(_ doc: inout Document, _ model: FigureModel, moment: FigureMoment, layout L: Layout) {
        let row = HeatmapRow.accuracy(model)
        doc.raw("<g id=\"accuracy-row\">")
        doc.text(FigureModel.accuracyRowTitle, x: L.panelX(0), y: L.accuracyHeadingY, size: 14, anchor: "start", weight: "bold")
        for (i, h) in model.heatmaps.enumerated() {
            heatmap(&doc, model, h, row: row, moment: moment, x: L.panelX(i), y: L.accuracyTop, size: L.panel)
        }
        colorBar(&doc, row, x: L.colorBarX, y: L.accuracyTop, height: L.panel, overflow: nil)
        doc.raw("</g>")
    }
}
