import Foundation
import NormscopeEngine

/// The one `normscope ...` command line that reproduces a run: what the live view shows and results files carry.
///
/// Minimal: only flags whose value differs from the default, in the flag table's order (data, training,
/// regimes, stage 2, pace), then the `--change` entries sorted by epoch. Values are spelled so that they read
/// back to the same numbers; words that a shell would split or expand are single-quoted.
package enum ReproducingCommand {
    /// The command line of the live view that reproduces `config` (`normscope --epochs 50 --change ...`); `pace`
    /// adds the live view's pace.
    package static func line(for config: RunConfig, pace: Double? = nil) -> String {
        (["normscope"] + arguments(for: config, pace: pace)).map(quoted).joined(separator: " ")
    }

    /// The headless command that writes the same results file (`normscope run ...`), as results files carry it.
    package static func runLine(for config: RunConfig) -> String {
        (["normscope", "run"] + arguments(for: config)).map(quoted).joined(separator: " ")
    }

    /// The arguments after `normscope` (unquoted, one per word).
    package static func arguments(for config: RunConfig, pace: Double? = nil) -> [String] {
        var a = dataArguments(config.dataset, seed: config.training.seed)
        a += trainingArguments(config.training)
        if config.regimes != Regime.all {
            a += ["--regimes", config.regimes.map(\.name).joined(separator: ",")]
        }
        if let s = config.stage2 { a += stage2Arguments(s, regimes: config.regimes) }
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
        func add<V: Equatable>(_ spec: FlagSpec<V>, _ value: V, _ old: V) {
            if value != old { a += [spec.flag, spec.spell(value)] }
        }
        add(FlagTable.classes, recipe.classes, base.classes)
        add(FlagTable.imbalance, recipe.imbalance, base.imbalance)
        add(FlagTable.profile, recipe.profile, base.profile)
        add(FlagTable.maxPerClass, recipe.maxPerClass, base.maxPerClass)
        add(FlagTable.testPerClass, recipe.testPerClass, base.testPerClass)
        add(FlagTable.dimension, recipe.dimension, base.dimension)
        add(FlagTable.noise, recipe.noise, base.noise)
        add(FlagTable.modes, recipe.modesPerClass, base.modesPerClass)
        return a
    }

    /// The training flags that differ from the defaults (the changes aside).
    private static func trainingArguments(_ t: TrainingConfig) -> [String] {
        var a: [String] = []
        let d = TrainingConfig()
        func add<V: Equatable>(_ spec: FlagSpec<V>, _ value: V, _ old: V) {
            if value != old { a += [spec.flag, spec.spell(value)] }
        }
        add(FlagTable.epochs, t.epochs, d.epochs)
        add(FlagTable.hidden, t.hidden, d.hidden)
        add(FlagTable.learningRate, t.learningRate, d.learningRate)
        add(FlagTable.momentum, t.momentum, d.momentum)
        add(FlagTable.batchSize, t.batchSize, d.batchSize)
        add(FlagTable.weightDecay, t.weightDecay, d.weightDecay)
        switch (t.maxNorm, t.wdMaxNorm ?? t.maxNorm) {
        case (.relative(let x), .relative(let y)) where x == y:
            add(FlagTable.maxNormThresh, x, .nan)
        case (let m, let w):
            if case .radius(let r) = m { add(FlagTable.maxNormRadius, r, TrainingConfig.defaultMaxNormRadius) }
            if case .radius(let r) = w { add(FlagTable.wdMaxNormRadius, r, TrainingConfig.defaultWDMaxNormRadius) }
        }
        add(FlagTable.maxNormEvery, t.maxNormEvery, d.maxNormEvery)
        if t.usesBatchNorm { a.append("--batchnorm") }
        return a
    }

    /// `--stage2` and the stage-2 flags that differ from the paper's defaults.
    private static func stage2Arguments(_ s: Stage2Config, regimes: [Regime]) -> [String] {
        var a = ["--stage2"]
        let d = Stage2Config()
        func add<V: Equatable>(_ spec: FlagSpec<V>, _ value: V, _ old: V) {
            if value != old { a += [spec.flag, spec.spell(value)] }
        }
        add(FlagTable.stage2Epochs, s.epochs, d.epochs)
        add(FlagTable.stage2WeightDecay, s.weightDecay, d.weightDecay)
        add(FlagTable.cbBeta, s.beta, d.beta)
        add(FlagTable.stage2MaxNormThresh, s.maxNormThresh, d.maxNormThresh)
        if s.bases != d.bases { a += ["--stage2-base", s.bases.map(\.name).joined(separator: ",")] }
        if s.variants != d.variants { a += ["--stage2-variants", s.variants.map(\.name).joined(separator: ",")] }
        add(FlagTable.stage2LearningRate, s.learningRate, d.learningRate)
        add(FlagTable.stage2MaxNormEvery, s.maxNormEvery, d.maxNormEvery)
        add(FlagTable.tau, s.tau, d.tau)
        return a
    }

    /// `word` as a shell reads it back: as is when it has only safe characters, else in single quotes.
    package static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
