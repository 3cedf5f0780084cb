import NormscopeEngine

extension FigureRaster {
    /// The accuracy row: its heading, one heatmap under each norm heatmap, their axis titles, its colour bar.
    func drawAccuracyRow(_ r: inout Raster, moment: Moment, regular: BitmapFont, bold: BitmapFont) {
        let L = layout
        r.text(Self.fitting([FigureModel.accuracyRowTitle, "Test accuracy of each class after each epoch"], width: L.panelsRight - L.left,
                            font: bold), x: L.left, y: L.accuracyHeadingY, font: bold, color: Self.ink)
        drawHeatmapRow(&r, .accuracy(self), moment: moment, overflow: nil, regular: regular, bold: bold)
    }
}
