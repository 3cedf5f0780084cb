import NormscopeEngine

/// The flags that take a value, one row each: name, help, what each takes and its range, sensible steps and its
/// parser. The commands declare their options from these rows (help and parsing), the error line of a bad value
/// is the row's, and a settings panel or `--change` reads the same rows (`all`, `entry(named:)`).
///
/// Ranges of the engine's settings are the engine's (`ConfigSetting.range`, which also checks recipe files and
/// results); the command-only flags (threads, pace, figure sizes) state theirs here.
package enum FlagTable {
    // MARK: - Data

    package static let seed = FlagSpec<UInt64>.whole(
        "--seed", "Seed for data, initial weights and batch order", range: range(.seed),
        default: "0, or the seed a recipe file records")
    package static let classes = FlagSpec<Int>.whole(
        "--classes", "Number of classes of the generated data", range: range(.classes), steps: [2, 5, 10, 20, 50, 100])
    package static let imbalance = FlagSpec<Double>.number(
        "--imbalance", "Imbalance factor n_max/n_min of the generated data", range: range(.imbalance),
        steps: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
    package static let profile = FlagSpec<ImbalanceProfile>.choice(
        "--profile", "Count profile of the generated data")
    package static let maxPerClass = FlagSpec<Int>.whole(
        "--max-per-class", "Training samples of the most frequent class, n_max", range: range(.maxPerClass))
    package static let testPerClass = FlagSpec<Int>.whole(
        "--test-per-class", "Balanced test samples per class", range: range(.testPerClass))
    package static let dimension = FlagSpec<Int>.whole(
        "--dim", "Input dimension of the generated data", range: range(.dimension))
    package static let noise = FlagSpec<Double>.number(
        "--noise", "Noise of the generated data: standard deviation of each class mode", range: range(.noise))
    package static let modes = FlagSpec<Int>.whole(
        "--modes", "Gaussian modes per class of the generated data", range: range(.modesPerClass))

    // MARK: - Training

    package static let epochs = FlagSpec<Int>.whole(
        "--epochs", "Training epochs", range: range(.epochs), default: "\(TrainingConfig().epochs)",
        steps: [10, 20, 50, 100, 200, 500, 1000])
    package static let hidden = FlagSpec<[Int]>.wholeNumbers(
        "--hidden", "Hidden widths of the MLP, comma-separated; the last is the feature", range: range(.hidden),
        example: "128,128,64", default: TrainingConfig().hidden.map(String.init).joined(separator: ","),
        steps: [[32], [64, 32], [128, 64], [128, 128, 64], [256, 256, 128]])
    package static let learningRate = FlagSpec<Double>.number(
        "--lr", "Initial learning rate (cosine-annealed to 0)", range: range(.learningRate),
        default: "\(TrainingConfig().learningRate)", steps: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3])
    package static let momentum = FlagSpec<Double>.number(
        "--momentum", "SGD momentum", range: range(.momentum), default: "\(TrainingConfig().momentum)",
        steps: [0, 0.5, 0.8, 0.9, 0.95, 0.99])
    package static let batchSize = FlagSpec<Int>.whole(
        "--batch-size", "Mini-batch size", range: range(.batchSize), default: "\(TrainingConfig().batchSize)",
        steps: [16, 32, 64, 128, 256, 512])
    package static let weightDecay = FlagSpec<Double>.number(
        "--weight-decay", "Weight decay of the wd and wd+maxnorm regimes", range: range(.weightDecay),
        default: "\(TrainingConfig.defaultWeightDecay)", steps: [0, 1e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 5e-2, 0.1])
    package static let maxNormRadius = FlagSpec<Double>.number(
        "--maxnorm-radius", "MaxNorm radius delta of the maxnorm regime", range: range(.maxNormRadius),
        default: "\(TrainingConfig.defaultMaxNormRadius)", note: "Conflicts with --maxnorm-thresh.",
        steps: [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.5, 2, 3, 5])
    package static let wdMaxNormRadius = FlagSpec<Double>.number(
        "--wd-maxnorm-radius", "MaxNorm radius delta of the wd+maxnorm regime", range: range(.wdMaxNormRadius),
        default: "\(TrainingConfig.defaultWDMaxNormRadius)", note: "Conflicts with --maxnorm-thresh.",
        steps: [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.5, 2, 3, 5])
    package static let maxNormThresh = FlagSpec<Double>.number(
        "--maxnorm-thresh",
        "Relative MaxNorm radius of both MaxNorm regimes: min + t*(max-min) of the initial row norms, t",
        range: range(.maxNormThresh), note: "The official code uses 0.1.", steps: [0, 0.05, 0.1, 0.2, 0.5, 1])
    package static let maxNormEvery = FlagSpec<ProjectionSchedule>.choice(
        "--maxnorm-every", "When MaxNorm projects the classifier", default: ProjectionSchedule.step.rawValue,
        note: "The official code projects every epoch.")

    /// Every row, in the order of the help screens (data, training, stage 2, the commands' own).
    package static let all: [FlagEntry] = [
        seed.entry, classes.entry, imbalance.entry, profile.entry, maxPerClass.entry, testPerClass.entry,
        dimension.entry, noise.entry, modes.entry,
        epochs.entry, hidden.entry, learningRate.entry, momentum.entry, batchSize.entry, weightDecay.entry,
        maxNormRadius.entry, wdMaxNormRadius.entry, maxNormThresh.entry, maxNormEvery.entry, threads.entry,
    ] + stage2Entries + commandEntries

    /// The row of `name`, with or without its dashes (`weight-decay`, `--weight-decay`).
    package static func entry(named name: String) -> FlagEntry? {
        all.first { $0.flag == name || $0.name == name }
    }

    /// The engine's range of `setting` (every setting named here has one).
    static func range(_ setting: ConfigSetting) -> ValueRange {
        guard let r = setting.range else { preconditionFailure("\(setting) has no range") }
        return r
    }
}
