/// Where a heatmap's classes and epochs land: classes over columns, epochs over vertical slots.
///
/// A vertical slot is half a text row when half blocks pack two epochs per row, else a whole row.
/// The vertical extent is planned for all `totalEpochs + 1` rows (epoch 0 is before training),
/// so the figure fills downwards as training progresses.
struct HeatmapGeometry: Equatable, Sendable {
    /// Classes (most frequent first) over the plot's columns.
    let classes: BinPlan
    /// Epochs `0...totalEpochs` over the vertical slots (stage 2, when there is one, below its own share).
    let epochs: EpochAxis
    /// Whether each text row shows two slots (upper and lower half block).
    let halfBlocks: Bool

    init(classCount: Int, totalEpochs: Int, width: Int, height: Int, halfBlocks: Bool, stage2After: Int? = nil) {
        classes = BinPlan(count: classCount, slots: width, fill: true)
        epochs = EpochAxis(lastEpoch: totalEpochs, slots: max(0, height) * (halfBlocks ? 2 : 1), stage2After: stage2After,
                           slotsPerRow: halfBlocks ? 2 : 1)
        self.halfBlocks = halfBlocks
    }

    /// Classes merged into one column on average (the "4 cls/col" of the axis hint).
    var classesPerColumn: Double { classes.itemsPerBin }
    /// Columns each class (or class bin) spans at least.
    var columnsPerClass: Int { classes.narrowestBin }
    /// Epochs merged into one slot on average.
    var epochsPerSlot: Double { epochs.itemsPerBin }
    /// Columns in use from the left.
    var usedWidth: Int { classes.usedSlots }
    /// Text rows in use from the top.
    var usedRows: Int { halfBlocks ? (epochs.usedSlots + 1) / 2 : epochs.usedSlots }

    /// The text row that shows epoch `e`.
    func row(ofEpoch e: Int) -> Int {
        let s = epochs.slot(ofItem: e)
        return halfBlocks ? s / 2 : s
    }

    /// The first epoch shown in text row `r` (nil below the used rows).
    func firstEpoch(ofRow r: Int) -> Int? {
        let range = epochs.items(inSlot: halfBlocks ? 2 * r : r)
        return range.isEmpty ? nil : range.lowerBound
    }
}
