import ArgumentParser
import Foundation
import NormscopeEngine

/// Flags of stage 2 (classifier retraining) and the post-hoc normalizations, shared by the live view and
/// `run --stage2`. Unset flags keep the paper's defaults (`Stage2Config()`).
struct Stage2Options: ParsableArguments {
    @Option(name: .customLong("stage2-epochs"), parsing: .unconditional,
            help: "Stage-2 epochs of classifier retraining, 1 to 1000000 (paper: 10).")
    var epochs: Int?

    @Option(name: .customLong("stage2-base"),
            help: ArgumentHelp("Stage-1 regimes whose features stage 2 reuses, comma-separated, or 'all' (default: wd).",
                               valueName: "list"))
    var bases: String?

    @Option(name: .customLong("stage2-variants"),
            help: ArgumentHelp("Variants: posthoc-l2,posthoc-tau,cb+wd,cb+maxnorm,cb+wd+maxnorm or all (default: all).",
                               valueName: "list"))
    var variants: String?

    @Option(name: .customLong("stage2-lr"), parsing: .unconditional,
            help: "Initial learning rate of retraining, cosine to 0, in (0, 10] (paper: 0.01).")
    var learningRate: Double?

    @Option(name: .customLong("stage2-weight-decay"), parsing: .unconditional, help: "Weight decay of the CB & WD variants, in [0, 10] (paper: 0.1).")
    var weightDecay: Double?

    @Option(name: .customLong("cb-beta"), parsing: .unconditional, help: "Effective-number beta of the class-balanced loss, in [0, 1) (paper: 0.9999).")
    var beta: Double?

    @Option(name: .customLong("stage2-maxnorm-thresh"), parsing: .unconditional,
            help: "MaxNorm radius of retraining: min + t*(max-min) of the stage-1 row norms, t in [0, 1] (official code: 0.1).")
    var maxNormThresh: Double?

    @Option(name: .customLong("stage2-maxnorm-every"), help: "Project after every step (paper) or every epoch (official code).")
    var maxNormEvery: ProjectionSchedule?

    @Option(parsing: .unconditional, help: "Exponent of the post-hoc tau-normalization w_k/||w_k||^tau, in [0, 10] (default \(Stage2Config.defaultTau)).")
    var tau: Double?

    init() {}

    func validate() throws {
        do { _ = try config() } catch let e as NormscopeError { throw ValidationError(e.description) }
    }

    /// Whether any stage-2 flag was given.
    var anyGiven: Bool {
        epochs != nil || bases != nil || variants != nil || learningRate != nil || weightDecay != nil
            || beta != nil || maxNormThresh != nil || maxNormEvery != nil || tau != nil
    }

    /// The stage-2 settings the flags describe; `regimes` are the trained ones (what `--stage2-base all`
    /// means). Throws naming the first bad flag.
    func config(regimes: [Regime] = Regime.all) throws -> Stage2Config {
        var c = Stage2Config()
        if let v = epochs { c.epochs = v }
        if let v = learningRate { c.learningRate = v }
        if let v = weightDecay { c.weightDecay = v }
        if let v = beta { c.beta = v }
        if let v = maxNormThresh { c.maxNormThresh = v }
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
