import NormscopeEngine

/// How the command line names the engine's settings: the one place that turns a `ConfigProblem` into a
/// message about flags (`--epochs must be between 1 and 1000000 (got 0)`).
enum FlagName {
    /// The flag that sets `setting`, or a description for the few that only a recipe file sets.
    static func of(_ setting: ConfigSetting) -> String {
        switch setting {
        case .name: "the recipe's name"
        case .classes: "--classes"
        case .dimension: "--dim"
        case .maxPerClass: "--max-per-class"
        case .imbalance: "--imbalance"
        case .profile: "--profile"
        case .testPerClass: "--test-per-class"
        case .modesPerClass: "--modes"
        case .latentDimension: "the recipe's latentDimension"
        case .noise: "--noise"
        case .seed: "--seed"
        case .hidden: "--hidden"
        case .learningRate: "--lr"
        case .momentum: "--momentum"
        case .batchSize: "--batch-size"
        case .epochs: "--epochs"
        case .weightDecay: "--weight-decay"
        case .maxNormRadius: "--maxnorm-radius"
        case .wdMaxNormRadius: "--wd-maxnorm-radius"
        case .maxNormThresh: "--maxnorm-thresh"
        case .regimes: "--regimes"
        case .changes: "--change"
        case .stage2Bases: "--stage2-base"
        case .stage2Variants: "--stage2-variants"
        case .stage2Epochs: "--stage2-epochs"
        case .stage2LearningRate: "--stage2-lr"
        case .stage2Momentum: "the stage-2 momentum"
        case .stage2WeightDecay: "--stage2-weight-decay"
        case .stage2Beta: "--cb-beta"
        case .stage2MaxNormThresh: "--stage2-maxnorm-thresh"
        case .tau: "--tau"
        case .imbalances: "--imbalances"
        case .seeds: "--seeds"
        case .weightDecayGrid: "--wd-grid"
        case .tauGrid: "--tau-grid"
        case .validationFraction: "--validation-fraction"
        }
    }

    /// `problem` as a usage error naming flags.
    static func error(_ problem: ConfigProblem) -> NormscopeError {
        .invalidValue(problem.message(naming: of))
    }

    /// Throws the first of `problems`, if any, as a usage error naming flags.
    static func throwFirst(_ problems: [ConfigProblem]) throws(NormscopeError) {
        if let first = problems.first { throw error(first) }
    }
}
