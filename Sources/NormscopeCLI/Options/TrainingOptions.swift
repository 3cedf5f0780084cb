import ArgumentParser
import Foundation
import NormscopeEngine
import NormscopeFlags

/// The flags of training: the network (and its batch normalization), the optimiser, the regimes and their MaxNorm, the threads. Taken by
/// the commands that train (through `ExperimentOptions`: the live view, `run`, `bench`).
///
/// Every numeric option is read through its row of `FlagTable` (help, range and message). Numeric options parse
/// `.unconditional`ly: `--lr -1` reads -1 as the value (then refused by the range) instead of taking it
/// for a flag and reporting a missing value.
struct TrainingOptions: ParsableArguments {
    @OptionGroup var network: NetworkOptions

    @Option(parsing: .unconditional, help: FlagTable.learningRate.argumentHelp(), transform: FlagTable.learningRate.transform)
    var lr: Double = TrainingConfig().learningRate

    @Option(parsing: .unconditional, help: FlagTable.momentum.argumentHelp(), transform: FlagTable.momentum.transform)
    var momentum: Double = TrainingConfig().momentum

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: FlagTable.batchSize.argumentHelp(),
            transform: FlagTable.batchSize.transform)
    var batchSize: Int = TrainingConfig().batchSize

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: FlagTable.weightDecay.argumentHelp(),
            transform: FlagTable.weightDecay.transform)
    var weightDecay: Double = TrainingConfig.defaultWeightDecay

    @Option(name: .customLong("maxnorm-radius"), parsing: .unconditional, help: FlagTable.maxNormRadius.argumentHelp(),
            transform: FlagTable.maxNormRadius.transform)
    var maxNormRadius: Double?

    @Option(name: .customLong("wd-maxnorm-radius"), parsing: .unconditional, help: FlagTable.wdMaxNormRadius.argumentHelp(),
            transform: FlagTable.wdMaxNormRadius.transform)
    var wdMaxNormRadius: Double?

    @Option(name: .customLong("maxnorm-thresh"), parsing: .unconditional, help: FlagTable.maxNormThresh.argumentHelp(),
            transform: FlagTable.maxNormThresh.transform)
    var maxNormThresh: Double?

    @Option(name: .customLong("maxnorm-every"), help: FlagTable.maxNormEvery.argumentHelp(),
            transform: FlagTable.maxNormEvery.transform)
    var maxNormEvery: ProjectionSchedule = .step

    @Option(name: .customLong("change"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp(ChangeFlag.help, valueName: "epoch:name=value"), transform: ChangeFlag.parse)
    var changes: [ConfigChange] = []

    @Option(help: ArgumentHelp("Regimes to train, comma-separated: naive,l2norm,wd,maxnorm,wd+maxnorm.",
                               valueName: "list"))
    var regimes: String = "naive,l2norm,wd,maxnorm,wd+maxnorm"

    @OptionGroup var threads: ThreadOption

    init() {}

    func validate() throws {
        do {
            _ = try trainingConfig(seed: 0)
            _ = try regimeList()
        } catch let e as NormscopeError {
            throw ValidationError(e.description)
        }
        if maxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
        if wdMaxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--wd-maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
    }

    /// `--hidden` as the command line spells it (`128,128,64`).
    var hidden: String { FlagTable.hidden.spell(network.hidden) }

    /// The training configuration the flags describe, with `seed`; throws naming the first bad flag.
    func trainingConfig(seed: UInt64) throws -> TrainingConfig {
        let rule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(maxNormRadius ?? TrainingConfig.defaultMaxNormRadius)
        let wdRule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(wdMaxNormRadius ?? TrainingConfig.defaultWDMaxNormRadius)
        let c = TrainingConfig(hidden: network.hidden, learningRate: lr, momentum: momentum, batchSize: batchSize,
                               epochs: network.epochs, weightDecay: weightDecay, maxNorm: rule, wdMaxNorm: wdRule,
                               maxNormEvery: maxNormEvery, batchNorm: network.batchNorm, seed: seed, changes: changes)
        if let problem = ChangeFlag.epochProblem(changes, epochs: network.epochs) {
            throw NormscopeError.invalidValue(problem.message)
        }
        try FlagName.throwFirst(c.validationErrors())
        return c
    }

    /// The regimes chosen by `--regimes`, each named once.
    func regimeList() throws -> [Regime] {
        try NameListFlag.regimes(regimes, for: .regimes)
    }

    /// Number of worker threads to use.
    var threadCount: Int { threads.threadCount }
}

/// The parsed flags are plain values, copied into the live view's restart closure.
extension TrainingOptions: Sendable {}
