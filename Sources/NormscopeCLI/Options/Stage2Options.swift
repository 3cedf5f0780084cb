import ArgumentParser
import Foundation
import NormscopeEngine
import NormscopeFlags

/// Flags of stage 2 (classifier retraining) and the post-hoc normalizations, shared by the live view and
/// `run --stage2`. Unset flags keep the paper's defaults (`Stage2Config()`).
struct Stage2Options: ParsableArguments {
    @OptionGroup var retrain: Stage2RetrainOptions

    @Option(name: .customLong("stage2-base"),
            help: ArgumentHelp("Stage-1 regimes whose features stage 2 reuses, comma-separated, or 'all' (default: wd).",
                               valueName: "list"))
    var bases: String?

    @Option(name: .customLong("stage2-variants"),
            help: ArgumentHelp("Variants: posthoc-l2,posthoc-tau,cb+wd,cb+maxnorm,cb+wd+maxnorm or all (default: all).",
                               valueName: "list"))
    var variants: String?

    @Option(name: .customLong("stage2-lr"), parsing: .unconditional, help: FlagTable.stage2LearningRate.argumentHelp(),
            transform: FlagTable.stage2LearningRate.transform)
    var learningRate: Double?

    @Option(name: .customLong("stage2-maxnorm-every"), help: FlagTable.stage2MaxNormEvery.argumentHelp(),
            transform: FlagTable.stage2MaxNormEvery.transform)
    var maxNormEvery: ProjectionSchedule?

    @Option(parsing: .unconditional, help: FlagTable.tau.argumentHelp(), transform: FlagTable.tau.transform)
    var tau: Double?

    init() {}

    func validate() throws {
        do { _ = try config() } catch let e as NormscopeError { throw ValidationError(e.description) }
    }

    /// Whether any stage-2 flag was given.
    var anyGiven: Bool {
        retrain.anyGiven || bases != nil || variants != nil || learningRate != nil || maxNormEvery != nil || tau != nil
    }

    /// The stage-2 settings the flags describe; `regimes` are the trained ones (what `--stage2-base all`
    /// means). Throws naming the first bad flag.
    func config(regimes: [Regime] = Regime.all) throws -> Stage2Config {
        var c = Stage2Config()
        retrain.apply(to: &c)
        if let v = learningRate { c.learningRate = v }
        if let v = maxNormEvery { c.maxNormEvery = v }
        if let v = tau { c.tau = v }
        if let v = variants {
            c.variants = try NameListFlag.variants(v)
        }
        if let v = bases {
            c.bases = try NameListFlag.bases(v, trained: regimes)
        }
        try FlagName.throwFirst(c.validationErrors())
        return c
    }
}
