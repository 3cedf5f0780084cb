import ArgumentParser
import NormscopeEngine
import NormscopeFlags

/// The settings of classifier retraining that the live view, `run --stage2` (through `Stage2Options`) and
/// `reproduce` all take. Unset flags keep the paper's defaults (`Stage2Config()`).
struct Stage2RetrainOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("stage2-epochs"), parsing: .unconditional, help: FlagTable.stage2Epochs.argumentHelp(),
            transform: FlagTable.stage2Epochs.transform)
    var epochs: Int?

    @Option(name: .customLong("stage2-weight-decay"), parsing: .unconditional,
            help: FlagTable.stage2WeightDecay.argumentHelp(), transform: FlagTable.stage2WeightDecay.transform)
    var weightDecay: Double?

    @Option(name: .customLong("cb-beta"), parsing: .unconditional, help: FlagTable.cbBeta.argumentHelp(),
            transform: FlagTable.cbBeta.transform)
    var beta: Double?

    @Option(name: .customLong("stage2-maxnorm-thresh"), parsing: .unconditional,
            help: FlagTable.stage2MaxNormThresh.argumentHelp(), transform: FlagTable.stage2MaxNormThresh.transform)
    var maxNormThresh: Double?

    init() {}

    /// Whether any of them was given.
    var anyGiven: Bool { epochs != nil || weightDecay != nil || beta != nil || maxNormThresh != nil }

    /// `config` with the given flags applied.
    func apply(to config: inout Stage2Config) {
        if let v = epochs { config.epochs = v }
        if let v = weightDecay { config.weightDecay = v }
        if let v = beta { config.beta = v }
        if let v = maxNormThresh { config.maxNormThresh = v }
    }
}
