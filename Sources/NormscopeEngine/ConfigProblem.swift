/// A setting that cannot be used, as validation finds it: which setting, and what is wrong with it.
///
/// The engine does not know how a setting was given (a command-line flag, a recipe key, a results file), so
/// a problem names none: `message(naming:)` takes the caller's name for each setting, and the CLI names flags
/// (`--epochs must be between 1 and 1000000 (got 0)`), a recipe file its keys (`classes must be ...`).
package struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    package enum Issue: Equatable, Sendable {
        /// The value (as text) lies outside the setting's `range`.
        case outOfRange(value: String)
        /// One entry of a list (an `entry`: "factor", "value") lies outside the setting's `range`.
        case entryOutOfRange(entry: String, value: String)
        /// The list is empty; it needs at least one `entry`.
        case empty(entry: String)
        /// The list names `value` twice.
        case repeated(entry: String, value: String)
        /// A stage-2 base that is not among the `trained` regimes.
        case notTrained(Regime, trained: [Regime])
        /// Read data cannot be thinned to an imbalance factor of the list; `reason` says why.
        case cannotThin(reason: String)
        /// A scheduled change names an epoch outside the run's `epochs` (it must be in 0..<epochs).
        case changeEpoch(epoch: Int, epochs: Int)
    }

    package var setting: ConfigSetting
    var issue: Issue

    package init(_ setting: ConfigSetting, _ issue: Issue) {
        self.setting = setting
        self.issue = issue
    }

    /// One line naming the setting as `name` calls it, what is wrong and the allowed values.
    package func message(naming name: (ConfigSetting) -> String) -> String {
        let n = name(setting)
        let allowed = setting.range?.phrase ?? "valid"
        switch issue {
        case .outOfRange(let v): return "\(n) must be \(allowed) (got \(v)\(tiny(v)))"
        case .entryOutOfRange(let entry, let v): return "\(n): each \(entry) must be \(allowed) (got \(v)\(tiny(v)))"
        case .empty(let entry): return "\(n) needs at least one \(entry)"
        case .repeated(let entry, let v): return "\(n) lists \(v) twice; give each \(entry) once"
        case .notTrained(let r, let trained):
            return "\(n) \(r) is not among the trained regimes (\(name(.regimes)) \(trained.map(\.name).joined(separator: ",")))"
        case .cannotThin(let reason): return "\(n): \(reason)"
        case .changeEpoch(let epoch, let epochs):
            return "\(n) at epoch \(epoch) is outside the run: give an epoch from 0 to \(epochs - 1) (\(name(.epochs)) \(epochs))"
        }
    }

    /// ", too small to tell from 0" for a positive value that underflows in single precision.
    private func tiny(_ value: String) -> String {
        guard let r = setting.range, let v = Double(value), r.underflows(v) else { return "" }
        return ", too small to tell from 0"
    }

    /// The message with the engine's own names for settings (`ConfigSetting.key`).
    package var description: String { message { $0.key } }
}

/// Every setting the engine validates: the data recipe's keys, stage 1, stage 2 and `reproduce`.
package enum ConfigSetting: String, CaseIterable, Sendable {
    // The data recipe (`DatasetRecipe`); the raw values are the recipe file's keys.
    case name, classes, dimension, maxPerClass, imbalance, profile, testPerClass, modesPerClass, latentDimension, noise
    case seed
    // Stage 1 (`TrainingConfig`) and the regimes trained.
    case hidden, learningRate, momentum, batchSize, epochs, weightDecay, maxNormRadius, wdMaxNormRadius, maxNormThresh
    case regimes
    /// The schedule of mid-run changes (`TrainingConfig.changes`).
    case changes
    // Stage 2 (`Stage2Config`).
    case stage2Bases, stage2Variants, stage2Epochs, stage2LearningRate, stage2Momentum, stage2WeightDecay, stage2Beta
    case stage2MaxNormThresh, tau
    // `reproduce` (`ReproduceConfig`).
    case imbalances, seeds, weightDecayGrid, tauGrid, validationFraction

    /// The setting's name in the engine's own types and files (`classes`, `learningRate`; stage-2 settings by
    /// their `Stage2Config` property: `epochs`, `beta`).
    package var key: String {
        switch self {
        case .stage2Bases: "bases"
        case .stage2Variants: "variants"
        case .stage2Epochs: "epochs"
        case .stage2LearningRate: "learningRate"
        case .stage2Momentum: "momentum"
        case .stage2WeightDecay: "weightDecay"
        case .stage2Beta: "beta"
        case .stage2MaxNormThresh: "maxNormThresh"
        case .maxNormRadius: "maxNorm"
        case .wdMaxNormRadius: "wdMaxNorm"
        default: rawValue
        }
    }

    /// The values a numeric setting (or each entry of a numeric list) takes; nil for the others.
    package var range: ValueRange? {
        switch self {
        case .classes: .between(2, 10_000, whole: true)
        case .dimension, .latentDimension, .hidden: .between(1, 4096, whole: true)
        case .maxPerClass, .testPerClass: .between(1, 100_000, whole: true)
        case .imbalance, .imbalances: .between(1, 1_000_000)
        case .modesPerClass: .between(1, 64, whole: true)
        case .noise: .between(0, 100)
        case .seed: ValueRange(lower: 0, upper: Double(UInt64.max), lowerOpen: false, upperOpen: false,
                               wholeNumbers: true, phrase: "between 0 and 2^64-1")
        case .learningRate, .stage2LearningRate: .interval(0, 10, lowerOpen: true, upperOpen: false)
        case .momentum, .stage2Momentum, .stage2Beta: .interval(0, 1, lowerOpen: false, upperOpen: true)
        case .batchSize: .between(1, 65_536, whole: true)
        case .epochs, .stage2Epochs: .between(1, 1_000_000, whole: true)
        case .weightDecay, .stage2WeightDecay, .tau, .weightDecayGrid, .tauGrid:
            .interval(0, 10, lowerOpen: false, upperOpen: false)
        case .maxNormRadius, .wdMaxNormRadius: .interval(0, 1000, lowerOpen: true, upperOpen: false)
        case .maxNormThresh, .stage2MaxNormThresh: .interval(0, 1, lowerOpen: false, upperOpen: false)
        case .validationFraction: .interval(0, 1, lowerOpen: true, upperOpen: true)
        case .seeds: .between(1, 1000, whole: true)
        case .name, .profile, .regimes, .changes, .stage2Bases, .stage2Variants: nil
        }
    }
}

/// The numbers a setting takes, and how messages state them.
package struct ValueRange: Equatable, Sendable {
    package var lower: Double
    package var upper: Double
    package var lowerOpen: Bool
    package var upperOpen: Bool
    /// Whether only whole numbers are meant (the setting is an integer).
    package var wholeNumbers: Bool
    /// The range as messages state it: "between 1 and 1000000", "in (0, 10]".
    package var phrase: String

    package init(lower: Double, upper: Double, lowerOpen: Bool, upperOpen: Bool, wholeNumbers: Bool, phrase: String) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
        self.wholeNumbers = wholeNumbers
        self.phrase = phrase
    }

    /// Both ends included, stated "between a and b".
    package static func between(_ lower: Double, _ upper: Double, whole: Bool = false) -> ValueRange {
        ValueRange(lower: lower, upper: upper, lowerOpen: false, upperOpen: false, wholeNumbers: whole,
                   phrase: "between \(text(lower)) and \(text(upper))")
    }

    /// An interval stated in bracket notation, "in (0, 10]".
    static func interval(_ lower: Double, _ upper: Double, lowerOpen: Bool, upperOpen: Bool) -> ValueRange {
        ValueRange(lower: lower, upper: upper, lowerOpen: lowerOpen, upperOpen: upperOpen, wholeNumbers: false,
                   phrase: "in \(lowerOpen ? "(" : "[")\(text(lower)), \(text(upper))\(upperOpen ? ")" : "]")")
    }

    /// The smallest value an open lower bound of 0 admits: a positive setting is used in single precision,
    /// where anything smaller is subnormal or 0 (a MaxNorm radius of 4.9e-324 would become 0).
    static let smallestPositive = Double(Float.leastNormalMagnitude)

    /// Whether `value` lies in the range (never for NaN; never a positive value below `smallestPositive` for
    /// a range open at 0).
    package func contains(_ value: Double) -> Bool {
        let above = lowerOpen ? value > lower && !(lower == 0 && value < Self.smallestPositive) : value >= lower
        return above && (upperOpen ? value < upper : value <= upper)
    }

    /// Whether `value` is positive but too small to tell from 0 (below `smallestPositive`) for this range.
    package func underflows(_ value: Double) -> Bool { lowerOpen && lower == 0 && value > 0 && value < Self.smallestPositive }

    /// Whether `value` lies in the range.
    package func contains(_ value: Int) -> Bool { contains(Double(value)) }

    private static func text(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }
}

extension Array where Element == ConfigProblem {
    /// Appends `.outOfRange` for `setting` unless its range holds `value`.
    mutating func check(_ setting: ConfigSetting, _ value: Double, shown: String? = nil) {
        if let r = setting.range, !r.contains(value) { append(ConfigProblem(setting, .outOfRange(value: shown ?? "\(value)"))) }
    }

    /// Appends `.outOfRange` for `setting` unless its range holds `value`.
    mutating func check(_ setting: ConfigSetting, _ value: Int) {
        if let r = setting.range, !r.contains(value) { append(ConfigProblem(setting, .outOfRange(value: "\(value)"))) }
    }

    /// Appends `.entryOutOfRange` for each entry of `values` outside the range of `setting`.
    mutating func checkEach(_ setting: ConfigSetting, _ values: [Double], entry: String) {
        guard let r = setting.range else { return }
        for v in values where !r.contains(v) { append(ConfigProblem(setting, .entryOutOfRange(entry: entry, value: "\(v)"))) }
    }
}
