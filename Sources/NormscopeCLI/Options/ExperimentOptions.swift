import ArgumentParser
import NormscopeEngine

/// The flags that choose an experiment: the data and the training, each its own group. Taken by the commands
/// that train: `normscope` (the live view), `run` and `bench`. (`dataset` takes the data flags alone,
/// `reproduce` its own set.)
struct ExperimentOptions: ParsableArguments {
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Training") var training: TrainingOptions

    init() {}

    /// Number of worker threads to use.
    var threadCount: Int { training.threadCount }
}

/// The parsed flags are plain values, copied into the live view's restart closure.
extension ExperimentOptions: Sendable {}
