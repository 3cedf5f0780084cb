import NormscopeEngine

extension FigureSVG {
    /// A row of heatmaps as the SVG writes it: its ids, titles, values and their colour steps, its colour bar's
    /// scale, and what its epoch marks and notes show.
    ///
    /// The norm row and the accuracy row are two values of it, written by the same `heatmap` and `colorBar`.
    struct HeatmapRow {
        /// Each heatmap's group is `<g id="\(idPrefix)-a" class="\(groupClass)">`; the colour bar's is `barID`.
        let idPrefix: String
        let groupClass: String
        let barID: String
        /// The title over a heatmap, its font size and its gap above the heatmap.
        let title: (FigureModel.Heatmap) -> String
        let titleSize: Double
        let titleGap: Double
        /// A heatmap's bin means in (rows, columns) bins of epochs and classes.
        let means: (FigureModel.Heatmap, Int, Int) -> [[Double?]]
        /// The colour of each step as SVG writes it, lowest first, and the step of a value.
        let colors: [String]
        let level: (Double) -> Int
        /// The value the top of the colour bar stands for, and the bar's axis.
        let scaleTop: Double
        let barAxis: FigureAxis
        /// Whether epoch marks have a dark halo and their label rather than bare white dashes.
        let labelsMarks: Bool
        /// Whether a diverged regime's note is written across its heatmap.
        let showsNotes: Bool

        /// The norm row: 256 steps of the colour map up to `vmax`, labelled epoch marks, diverged notes.
        static func norms(_ model: FigureModel) -> HeatmapRow {
            let vmax = model.vmax
            return HeatmapRow(idPrefix: "panel", groupClass: "heatmap", barID: "colorbar", title: \.title, titleSize: 14,
                              titleGap: 10, means: { model.means($0, rows: $1, cols: $2) },
                              colors: (0..<256).map { SVGText.hex(model.colorMap.rgb(at: Double($0) / 255)) },
                              level: { colorLevel($0, vmax: vmax) }, scaleTop: vmax, barAxis: model.colorBarAxis,
                              labelsMarks: true, showsNotes: true)
        }

        /// The accuracy row: ten steps of 10 % in the accuracy colours, bare epoch marks.
        static func accuracy(_ model: FigureModel) -> HeatmapRow {
            HeatmapRow(idPrefix: "accuracy", groupClass: "accuracy-heatmap", barID: "accuracy-colorbar",
                       title: model.accuracyTitle, titleSize: 12, titleGap: 8,
                       means: { model.accuracyMeans($0, rows: $1, cols: $2) },
                       colors: FigureModel.accuracyColors.map(SVGText.hex), level: FigureModel.accuracyLevel,
                       scaleTop: 100, barAxis: model.accuracyBarAxis, labelsMarks: false, showsNotes: false)
        }
    }
}
