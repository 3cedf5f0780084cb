extension FigureRaster {
    /// Where everything of the raster figure goes, in pixels, for an image `width` wide.
    ///
    /// Text is the bitmap font at `scale` (1 below 1,800 px wide, 2 below 2,700, then 3); every other
    /// length is a multiple of it, so a figure twice as wide is the same picture twice as large. The heatmaps
    /// share one y axis (epoch tick labels on the first only) and one x-axis label, which leaves them large.
    struct Layout {
        let width: Int
        let scale: Int
        let panels: Int
        /// Side of each square heatmap.
        let panel: Int
        let left: Int
        let gap: Int
        let pad: Int
        let line: Int
        let advance: Int
        let headingY: Int
        let titleY: Int
        let panelTop: Int
        let tickLabelY: Int
        let axisLabelY: Int
        /// The accuracy row (when there is one): its heading, its heatmaps' titles, tops and tick labels.
        let accuracyRow: Bool
        let accuracyHeadingY: Int
        let accuracyTitleY: Int
        let accuracyPanelTop: Int
        let accuracyTickLabelY: Int
        let accuracyAxisLabelY: Int
        /// How far down each further row of profiles is (profiles go two to a row).
        let profileRowStride: Int
        let profileTitleY: Int
        let plotTop: Int
        let plotHeight: Int
        let plotTickLabelY: Int
        let plotAxisLabelY: Int
        let footerY: Int
        let height: Int
        /// Width of the y tick labels' column (the widest of 4 characters and the epoch count's digits).
        let tickLabelWidth: Int

        init(width: Int, panels: Int, epochs: Int, accuracyRow: Bool = false, profileRows: Int = 1) {
            self.width = width
            self.panels = max(1, panels)
            scale = max(1, width / 900)
            let s = scale
            pad = 10 * s
            line = BitmapFont.cellHeight * s
            advance = BitmapFont.cellWidth * s
            tickLabelWidth = max(4, String(max(0, epochs)).count) * advance
            left = pad + line + 6 * s + tickLabelWidth + 6 * s
            gap = 12 * s
            // Colour bar: gap, bar, tick, tick label (4 characters), gap, rotated label, margin.
            let right = 14 * s + 14 * s + 6 * s + 4 * advance + 8 * s + line + pad
            panel = max(24 * s, (width - left - right - (self.panels - 1) * gap) / self.panels)
            headingY = pad
            titleY = headingY + line + 10 * s
            panelTop = titleY + line + 5 * s
            tickLabelY = panelTop + panel + 6 * s
            axisLabelY = tickLabelY + line + 4 * s
            self.accuracyRow = accuracyRow
            accuracyHeadingY = axisLabelY + line + 16 * s
            accuracyTitleY = accuracyHeadingY + line + 8 * s
            accuracyPanelTop = accuracyTitleY + line + 5 * s
            accuracyTickLabelY = accuracyPanelTop + panel + 6 * s
            accuracyAxisLabelY = accuracyTickLabelY + line + 4 * s
            profileTitleY = (accuracyRow ? accuracyAxisLabelY : axisLabelY) + line + 22 * s
            plotTop = profileTitleY + line + 6 * s
            plotHeight = max(60 * s, panel * 9 / 10)
            plotTickLabelY = plotTop + plotHeight + 6 * s
            plotAxisLabelY = plotTickLabelY + line + 4 * s
            profileRowStride = plotAxisLabelY + line + 22 * s - profileTitleY
            footerY = plotAxisLabelY + max(0, profileRows - 1) * profileRowStride + line + 12 * s
            height = footerY + line + pad
        }

        /// The left edge of heatmap `i`.
        func panelX(_ i: Int) -> Int { left + i * (panel + gap) }
        /// The right edge of the heatmap row.
        var panelsRight: Int { panelX(panels - 1) + panel }
        /// The colour bar's left edge and width.
        var colorBarX: Int { panelsRight + 14 * scale }
        var colorBarWidth: Int { 14 * scale }
        /// Tick marks' length and line thickness.
        var tick: Int { 4 * scale }
        var stroke: Int { scale }
    }
}
