import ArgumentParser
import NormscopeEngine
import NormscopeFlags

/// The network and how long it trains, taken by the commands that train (through `TrainingOptions`) and by
/// `reproduce`: epochs, hidden widths, batch normalization.
struct NetworkOptions: ParsableArguments, Sendable {
    @Option(parsing: .unconditional, help: FlagTable.epochs.argumentHelp(), transform: FlagTable.epochs.transform)
    var epochs: Int = TrainingConfig().epochs

    @Option(parsing: .unconditional, help: FlagTable.hidden.argumentHelp(valueName: "widths"),
            transform: FlagTable.hidden.transform)
    var hidden: [Int] = TrainingConfig().hidden

    @Flag(name: .customLong("batchnorm"), help: "Batch normalization after every hidden layer, before ReLU (PyTorch's BatchNorm1d).")
    var batchNorm = false

    init() {}
}
