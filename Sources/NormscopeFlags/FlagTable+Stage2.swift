import NormscopeEngine

extension FlagTable {
    package static let stage2Epochs = FlagSpec<Int>.whole(
        "--stage2-epochs", "Stage-2 epochs of classifier retraining", range: range(.stage2Epochs),
        default: "\(Stage2Config().epochs), the paper's", steps: [1, 2, 5, 10, 20, 50])
    package static let stage2LearningRate = FlagSpec<Double>.number(
        "--stage2-lr", "Initial learning rate of retraining, cosine to 0", range: range(.stage2LearningRate),
        default: "\(Stage2Config().learningRate), the paper's", steps: [0.001, 0.003, 0.01, 0.03, 0.1])
    package static let stage2WeightDecay = FlagSpec<Double>.number(
        "--stage2-weight-decay", "Weight decay of the CB & WD variants", range: range(.stage2WeightDecay),
        default: "\(Stage2Config().weightDecay), the paper's", steps: [0, 0.01, 0.05, 0.1, 0.2, 0.5])
    package static let cbBeta = FlagSpec<Double>.number(
        "--cb-beta", "Effective-number beta of the class-balanced loss", range: range(.stage2Beta),
        default: "\(Stage2Config().beta), the paper's", steps: [0.9, 0.99, 0.999, 0.9999])
    package static let stage2MaxNormThresh = FlagSpec<Double>.number(
        "--stage2-maxnorm-thresh",
        "MaxNorm radius of retraining: min + t*(max-min) of the stage-1 row norms, t", range: range(.stage2MaxNormThresh),
        default: "\(Stage2Config().maxNormThresh), the official code's", steps: [0, 0.05, 0.1, 0.2, 0.5, 1])
    package static let stage2MaxNormEvery = FlagSpec<ProjectionSchedule>.choice(
        "--stage2-maxnorm-every", "When retraining projects the classifier", default: ProjectionSchedule.step.rawValue,
        note: "The paper projects after every step, the official code every epoch.")
    package static let tau = FlagSpec<Double>.number(
        "--tau", "Exponent of the post-hoc tau-normalization w_k/||w_k||^tau", range: range(.tau),
        default: "\(Stage2Config.defaultTau)", steps: [0, 0.2, 0.4, 0.6, 0.8, 1, 1.5, 2])

    /// The stage-2 rows, in the order of the help screens.
    static var stage2Entries: [FlagEntry] {
        [stage2Epochs.entry, stage2LearningRate.entry, stage2WeightDecay.entry, cbBeta.entry, stage2MaxNormThresh.entry,
         stage2MaxNormEvery.entry, tau.entry]
    }
}
