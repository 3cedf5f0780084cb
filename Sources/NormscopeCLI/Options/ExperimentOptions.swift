import ArgumentParser
import NormscopeEngine

/// The flags that choose an experiment; shared by `normscope` (the TUI), `run` and `bench`.
///
/// Every numeric option states its range in its help and is checked in `validate()`. Numeric options parse
/// `.unconditional`ly: `--seed -1` reads -1 as the value (then refused by the range) instead of taking it
/// for a flag and reporting a missing value.
public struct ExperimentOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed for data, initial weights and batch order (0 to 2^64-1).")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Training epochs (1 to 1000000).")
    var epochs: Int = 100

    @Option(help: ArgumentHelp("A dataset recipe (.json, see datasets/) or a CSV file (see datasets/README.md).",
                               valueName: "file"))
    var dataset: String?

    @Option(parsing: .unconditional, help: "Number of classes of the generated data (2 to 10000).")
    var classes: Int?

    @Option(parsing: .unconditional, help: "Imbalance factor n_max/n_min of the generated data (1 to 1000000).")
    var imbalance: Double?

    @Option(help: "Count profile of the generated data: exponential or step.")
    var profile: ImbalanceProfile?

    @Option(name: .customLong("max-per-class"), parsing: .unconditional, help: "Training samples of the most frequent class, n_max (1 to 100000).")
    var maxPerClass: Int?

    @Option(name: .customLong("test-per-class"), parsing: .unconditional, help: "Balanced test samples per class (1 to 100000).")
    var testPerClass: Int?

    @Option(name: .customLong("dim"), parsing: .unconditional, help: "Input dimension of the generated data (1 to 4096).")
    var dimension: Int?

    @Option(parsing: .unconditional, help: "Noise of the generated data: standard deviation of each class mode (0 to 100).")
    var noise: Double?

    @Option(parsing: .unconditional, help: "Gaussian modes per class of the generated data (1 to 64).")
    var modes: Int?

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

    public init() {}

    public mutating func validate() throws {
        do {
            _ = try trainingConfig()
            _ = try regimeList()
        } catch let e as NormscopeError {
            throw ValidationError(e.description)
        }
        if let t = threads, t < 1 || t > 256 { throw ValidationError("--threads must be between 1 and 256 (got \(t))") }
        if dataset != nil && dataset!.isEmpty { throw ValidationError("--dataset needs a file path") }
        if maxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
        if wdMaxNormRadius != nil && maxNormThresh != nil {
            throw ValidationError("--wd-maxnorm-radius and --maxnorm-thresh conflict: give one of them")
        }
        if let r = try? recipeOverrides(DatasetRecipe.default) {
            let errors = r.validationErrors()
            if let first = errors.first { throw ValidationError(Self.flagName(forRecipeError: first)) }
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

    /// The training configuration the flags describe; throws naming the first bad flag.
    func trainingConfig() throws -> TrainingConfig {
        let rule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(maxNormRadius ?? TrainingConfig.defaultMaxNormRadius)
        let wdRule: MaxNormRule = maxNormThresh.map { .relative($0) } ?? .radius(wdMaxNormRadius ?? TrainingConfig.defaultWDMaxNormRadius)
        let c = TrainingConfig(hidden: try hiddenWidths(), learningRate: lr, momentum: momentum, batchSize: batchSize,
                               epochs: epochs, weightDecay: weightDecay, maxNorm: rule, wdMaxNorm: wdRule,
                               maxNormEvery: maxNormEvery, batchNorm: batchNorm, seed: seed)
        if let first = c.validationErrors().first { throw NormscopeError.invalidValue(first) }
        return c
    }

    /// The regimes chosen by `--regimes`, each named once.
    func regimeList() throws -> [Regime] {
        try ListFlag.requireDistinct(regimes, flag: "--regimes") { Regime.named($0)?.name }
        return try Regime.parseList(regimes)
    }

    /// Whether any flag that changes the generated data was given.
    var hasRecipeOverrides: Bool {
        classes != nil || imbalance != nil || profile != nil || maxPerClass != nil || testPerClass != nil || dimension != nil || noise != nil || modes != nil
    }

    /// `recipe` with the data flags applied.
    func recipeOverrides(_ recipe: DatasetRecipe) throws -> DatasetRecipe {
        var r = recipe
        if let v = classes { r.classes = v }
        if let v = imbalance { r.imbalance = v }
        if let v = profile { r.profile = v }
        if let v = maxPerClass { r.maxPerClass = v }
        if let v = testPerClass { r.testPerClass = v }
        if let v = dimension { r.dimension = v }
        if let v = noise { r.noise = v }
        if let v = modes { r.modesPerClass = v }
        return r
    }

    /// Maps a recipe validation message to the flag that sets it.
    static func flagName(forRecipeError message: String) -> String {
        let map = ["classes": "--classes", "imbalance": "--imbalance", "maxPerClass": "--max-per-class",
                   "testPerClass": "--test-per-class", "dimension": "--dim",
                   "noise": "--noise", "modesPerClass": "--modes"]
        for (key, flag) in map where message.hasPrefix(key + " ") {
            return flag + message.dropFirst(key.count)
        }
        return message
    }

    /// Number of worker threads to use.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

extension ImbalanceProfile: ExpressibleByArgument {}
extension ProjectionSchedule: ExpressibleByArgument {}

import Foundation

/// The parsed flags are plain values, copied into the live view's restart closure.
extension ExperimentOptions: @unchecked Sendable {}
