import ArgumentParser
import NormscopeEngine

/// Flags of stage 2 (classifier retraining), shared by the live view and `run --stage2`.
struct Stage2Options: ParsableArguments {
    @Option(name: .customLong("stage2-epochs"), help: "Stage-2 epochs (1 to 10000).")
    var epochs: Int = Stage2Config().epochs

    @Option(name: .customLong("stage2-weight-decay"), help: "Stage-2 weight decay, in [0, 10].")
    var weightDecay: Double = Stage2Config().weightDecay

    @Option(name: .customLong("stage2-base"), help: "Stage-1 regime whose features stage 2 reuses.")
    var base: String = Stage2Config().base

    @Option(help: "Exponent of the post-hoc tau-normalization w/||w||^tau, in [0, 2].")
    var tau: Double = Stage2Config().tau

    func validate() throws {
        do { _ = try config() } catch let e as NormscopeError { throw ValidationError(e.description) }
    }

    /// The stage-2 settings the flags describe.
    func config() throws -> Stage2Config {
        if epochs < 1 || epochs > 10_000 { throw NormscopeError.invalidValue("--stage2-epochs must be between 1 and 10000 (got \(epochs))") }
        if !(weightDecay >= 0 && weightDecay <= 10) { throw NormscopeError.invalidValue("--stage2-weight-decay must be in [0, 10] (got \(weightDecay))") }
        if !(tau >= 0 && tau <= 2) { throw NormscopeError.invalidValue("--tau must be in [0, 2] (got \(tau))") }
        guard Regime.named(base) != nil else {
            throw NormscopeError.invalidValue("unknown regime '\(base)' for --stage2-base; valid: \(Regime.all.map(\.name).joined(separator: ","))")
        }
        var c = Stage2Config()
        c.epochs = epochs
        c.weightDecay = weightDecay
        c.base = base.lowercased()
        c.tau = tau
        return c
    }
}
