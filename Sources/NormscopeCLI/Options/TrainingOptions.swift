import ArgumentParser
import Foundation
import NormscopeEngine

/// The flags of training: the network (and its batch normalization), the optimiser, the regimes and their MaxNorm, the threads. Taken by
/// the commands that train (through `ExperimentOptions`: the live view, `run`, `bench`).
///
/// Every numeric option states its range in its help and is checked in `validate()`. Numeric options parse
/// `.unconditional`ly: `--lr -1` reads -1 as the value (then refused by the range) instead of taking it
/// for a flag and reporting a missing value.
struct TrainingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Training epochs (1 to 1000000).")
    var epochs: Int = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden widths of the MLP, comma-separated, each 1 to 4096; the last is the feature.", valueName: "widths"))
    var hidden: String = "128,128,64"

    @Option(parsing: .unconditional, help: "Initial learning rate (cosine-annealed to 0), in (0, 10].")
    var lr: Double = 0.01

    @Option(parsing: .unconditional, help: "SGD momentum, in [0, 1).")
    var momentum: Double = 0.9

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Mini-batch size (1 to 65536).")
    var batchSize: Int = 64

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: "Weight decay of the wd and wd+maxnorm regimes, in [0, 10].")
    var weightDecay: Double = TrainingConfig.defaultWeightDecay

    @Option(name: .customLong("maxnorm-radius"), parsing: .unconditional,
            help: "MaxNorm radius delta of the maxnorm regime, in (0, 1000]. Default 1.2; conflicts with --maxnorm-thresh.")
    var maxNormRadius: Double?

    @Option(name: .customLong("wd-maxnorm-radius"), parsing: .unconditional,
            help: "MaxNorm radius delta of the wd+maxnorm regime, in (0, 1000]. Default 0.6; conflicts with --maxnorm-thresh.")
    var wdMaxNormRadius: Double?

    @Option(name: .customLong("maxnorm-thresh"), parsing: .unconditional,
            help: "Relative MaxNorm radius of both MaxNorm regimes: min + t*(max-min) of the initial row norms, t in [0, 1] (official code: 0.1).")
    var maxNormThresh: Double?

    @Option(name: .customLong("maxnorm-every"), help: "Apply MaxNorm after every step or every epoch (official code).")
    var maxNormEvery: ProjectionSchedule = .step

    @Option(help: ArgumentHelp("Regimes to train, comma-separated: naive,l2norm,wd,maxnorm,wd+maxnorm.",
                               valueName: "list"))
    var regimes: String = "naive,l2norm,wd,maxnorm,wd+maxnorm"

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 256 (default: all cores; results do not depend on it).")
    var threads: Int?

    @Flag(name: .customLong("batchnorm"), help: "Batch normalization after every hidden layer, before ReLU (PyTorch's BatchNorm1d).")
    var batchNorm = false

    init() {}

    func validate() throws {
        do {
            _ = try trainingConfig(seed: 0)
            _ = try regimeList()
        } catch let e as NormscopeError {
            throw ValidationError(e.description)
        }
        if let t = threads, t < 1 || t > 256 { throw ValidationError("--threads must be between 1 and 256 (got \(t))") }
        if maxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
        if wdMaxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--wd-maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
    }

    /// The hidden widths parsed from `--hidden`.
    func hiddenWidths() throws -> [Int] {
        let parts = hidden.split(separator: ",", omittingEmptySubsequences: false)
        let widths = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, widths.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= 4096 }) else {
            throw NormscopeError.invalidValue(
                "--hidden needs comma-separated widths between 1 and 4096, such as 128,128,64 (got '\(hidden)')")
        }
        return widths.map { $0! }
    }

    /// The training configuration the flags describe, with `seed`; throws naming the first bad flag.
    func trainingConfig(seed: UInt64) throws -> TrainingConfig {
        let rule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(maxNormRadius ?? TrainingConfig.defaultMaxNormRadius)
        let wdRule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(wdMaxNormRadius ?? TrainingConfig.defaultWDMaxNormRadius)
        let c = TrainingConfig(hidden: try hiddenWidths(), learningRate: lr, momentum: momentum, batchSize: batchSize,
                               epochs: epochs, weightDecay: weightDecay, maxNorm: rule, wdMaxNorm: wdRule,
                               maxNormEvery: maxNormEvery, batchNorm: batchNorm, seed: seed)
        try FlagName.throwFirst(c.validationErrors())
        return c
    }

    /// The regimes chosen by `--regimes`, each named once.
    func regimeList() throws -> [Regime] {
        try NameListFlag.regimes(regimes, for: .regimes)
    }

    /// Number of worker threads to use.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

extension ProjectionSchedule: ExpressibleByArgument {}

/// The parsed flags are plain values, copied into the live view's restart closure.
extension TrainingOptions: Sendable {}
