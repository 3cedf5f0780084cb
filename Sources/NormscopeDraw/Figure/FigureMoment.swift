/// How far training has got in a frame of the figure: heatmap rows after it stay empty and the profiles show
/// the norms then.
package struct FigureMoment: Equatable, Hashable, Sendable {
    /// The last stage-1 epoch shown.
    var stage1Epoch: Int
    /// The last stage-2 epoch shown; nil before stage 2 (or when the results have none).
    package var stage2Epoch: Int?

    package init(stage1Epoch: Int, stage2Epoch: Int? = nil) {
        self.stage1Epoch = stage1Epoch
        self.stage2Epoch = stage2Epoch
    }
}
