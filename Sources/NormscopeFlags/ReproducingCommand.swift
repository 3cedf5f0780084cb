import Foundation
import NormscopeEngine

/// The one `normscope ...` command line that reproduces a run: what the live view shows and results files carry.
///
/// Minimal: only flags whose value differs from the default, in the flag table's order (data, training,
/// regimes, stage 2, pace), then the `--change` entries sorted by epoch. Values are spelled so that they read
/// back to the same numbers; words that a shell would split or expand are single-quoted.
package enum ReproducingCommand {
    /// The command line of the live view that reproduces `config` (`normscope --epochs 50 --change ...`); `pace`
    /// adds the live view's pace. The live view has no `--stage2` (its stage 2 starts with the `2` key): the line
    /// keeps the stage-2 flags that differ from the defaults, which the live view takes, without that word.
    package static func line(for config: RunConfig, pace: Double? = nil) -> String {
        (["normscope"] + arguments(for: config, pace: pace, stage2Switch: false)).map(quoted).joined(separator: " ")
    }

    /// The headless command that writes the same results file (`normscope run ...`), as results files carry it.
    package static func runLine(for config: RunConfig) -> String {
        (["normscope", "run"] + arguments(for: config)).map(quoted).joined(separator: " ")
    }

    /// The arguments after `normscope` (unquoted, one per word); `stage2Switch` false leaves out `--stage2`.
    package static func arguments(for config: RunConfig, pace: Double? = nil, stage2Switch: Bool = true) -> [String] {
        var a = dataArguments(config.dataset, seed: config.training.seed)
        a += trainingArguments(config.training)
        if config.regimes != Regime.all {
            a += ["--regimes", config.regimes.map(\.name).joined(separator: ",")]
        }
        if let s = config.stage2 { a += (stage2Switch ? ["--stage2"] : []) + stage2Arguments(s) }
        if let pace { a += [FlagTable.pace.flag, FlagTable.spellNumber(pace)] }
        for c in ConfigChange.inEpochOrder(config.training.changes) { a += ["--change", FlagTable.spell(c)] }
        return a
    }

    /// `--dataset` and the recipe flags that differ from the recipe it names (or the default one).
    private static func dataArguments(_ origin: DataOrigin, seed: UInt64) -> [String] {
        if let file = origin.file { return ["--dataset", file] + (seed != 0 ? ["--seed", "\(seed)"] : []) }
        guard let recipe = origin.recipe else { return seed != 0 ? ["--seed", "\(seed)"] : [] }
        var a: [String] = []
        var base = DatasetRecipe.default
        if recipe.name != base.name, let builtin = BuiltinRecipe.named(recipe.name) {
            base = builtin.recipe
            a += ["--dataset", builtin.name]
        }
        if seed != (base.seed ?? 0) { a += [FlagTable.seed.flag, "\(seed)"] }
        return a + ReproducedFlag.words(recipeFlags, for: recipe, against: base)
    }

    /// The training flags that differ from the defaults (the changes aside).
    private static func trainingArguments(_ t: TrainingConfig) -> [String] {
        ReproducedFlag.words(trainingFlags, for: t, against: TrainingConfig())
    }

    /// The stage-2 flags that differ from the paper's defaults.
    private static func stage2Arguments(_ s: Stage2Config) -> [String] {
        ReproducedFlag.words(stage2Flags, for: s, against: Stage2Config())
    }

    // MARK: - Tables

    /// The recipe's flags, in the flag table's order.
    private static var recipeFlags: [ReproducedFlag<DatasetRecipe>] {
        [.init(FlagTable.classes, \.classes), .init(FlagTable.imbalance, \.imbalance), .init(FlagTable.profile, \.profile),
         .init(FlagTable.maxPerClass, \.maxPerClass), .init(FlagTable.testPerClass, \.testPerClass),
         .init(FlagTable.dimension, \.dimension), .init(FlagTable.noise, \.noise), .init(FlagTable.modes, \.modesPerClass)]
    }

    /// The training flags, in the flag table's order.
    private static var trainingFlags: [ReproducedFlag<TrainingConfig>] {
        [.init(FlagTable.epochs, \.epochs), .init(FlagTable.hidden, \.hidden), .init(FlagTable.learningRate, \.learningRate),
         .init(FlagTable.momentum, \.momentum), .init(FlagTable.batchSize, \.batchSize),
         .init(FlagTable.weightDecay, \.weightDecay), .init { t, _ in maxNormWords(t) },
         .init(FlagTable.maxNormEvery, \.maxNormEvery), .init { t, _ in t.usesBatchNorm ? ["--batchnorm"] : [] }]
    }

    /// The stage-2 flags, in the flag table's order (the bases and variants, which it has no rows for, among them).
    private static var stage2Flags: [ReproducedFlag<Stage2Config>] {
        [.init(FlagTable.stage2Epochs, \.epochs), .init(FlagTable.stage2WeightDecay, \.weightDecay),
         .init(FlagTable.cbBeta, \.beta), .init(FlagTable.stage2MaxNormThresh, \.maxNormThresh),
         .init("--stage2-base", \.bases) { $0.map(\.name).joined(separator: ",") },
         .init("--stage2-variants", \.variants) { $0.map(\.name).joined(separator: ",") },
         .init(FlagTable.stage2LearningRate, \.learningRate), .init(FlagTable.stage2MaxNormEvery, \.maxNormEvery),
         .init(FlagTable.tau, \.tau)]
    }

    /// The MaxNorm radii: the relative threshold when both MaxNorm regimes share one, else each absolute radius
    /// that differs from its default.
    private static func maxNormWords(_ t: TrainingConfig) -> [String] {
        switch (t.maxNorm, t.wdMaxNorm ?? t.maxNorm) {
        case (.relative(let x), .relative(let y)) where x == y:
            return [FlagTable.maxNormThresh.flag, FlagTable.maxNormThresh.spell(x)]
        case (let m, let w):
            var a: [String] = []
            if case .radius(let r) = m { a += FlagTable.maxNormRadius.words(r, unless: TrainingConfig.defaultMaxNormRadius) }
            if case .radius(let r) = w { a += FlagTable.wdMaxNormRadius.words(r, unless: TrainingConfig.defaultWDMaxNormRadius) }
            return a
        }
    }

    /// `word` as a shell reads it back: as is when it has only safe characters, else in single quotes.
    package static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
