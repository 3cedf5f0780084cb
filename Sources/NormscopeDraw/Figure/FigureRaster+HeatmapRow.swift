import NormscopeEngine

extension FigureRaster {
    /// A row of heatmaps as the raster painters draw it: where its parts stand, the colour of each step, each
    /// heatmap's steps, its colour bar's scale, and what its titles, epoch marks and notes show.
    ///
    /// The norm row and the accuracy row are two values of it, painted by the same `drawHeatmapRow`.
    struct HeatmapRow {
        /// The top of the heatmaps, and the lines of their titles, their class tick labels and the axis title.
        let top, titleY, tickLabelY, axisLabelY: Int
        /// The colour of each step, lowest first.
        let colors: [UInt32]
        /// Each heatmap's steps at this image's resolution.
        let grids: [Grid]
        /// The value the top of the colour bar stands for, and the bar's axis.
        let scaleTop: Double
        let barAxis: FigureAxis
        /// The title over a heatmap (its letter follows when there is room).
        let title: (FigureModel.Heatmap) -> String
        /// Whether epoch marks carry their label on a dark rule (`drawMark`) rather than bare white dashes.
        let labelsMarks: Bool
        /// Whether a diverged regime's note is written across its heatmap.
        let showsNotes: Bool

        /// The norm row: the colour map's steps up to `vmax`, labelled epoch marks, diverged notes.
        static func norms(_ f: FigureRaster) -> HeatmapRow {
            let L = f.layout
            return HeatmapRow(top: L.panelTop, titleY: L.titleY, tickLabelY: L.tickLabelY, axisLabelY: L.axisLabelY,
                              colors: f.levelColors, grids: f.grids, scaleTop: f.model.vmax, barAxis: f.model.colorBarAxis,
                              title: \.title, labelsMarks: true, showsNotes: true)
        }

        /// The accuracy row under it: ten steps of 10 % in the accuracy colours, bare epoch marks.
        static func accuracy(_ f: FigureRaster) -> HeatmapRow {
            let L = f.layout, model = f.model
            return HeatmapRow(top: L.accuracyPanelTop, titleY: L.accuracyTitleY, tickLabelY: L.accuracyTickLabelY,
                              axisLabelY: L.accuracyAxisLabelY, colors: FigureModel.accuracyColors, grids: f.accuracyGrids,
                              scaleTop: 100, barAxis: model.accuracyBarAxis, title: model.accuracyTitle,
                              labelsMarks: false, showsNotes: false)
        }
    }
}
