/// Settings of stage 2, classifier retraining on frozen features, and of the post-hoc normalizations
/// (see docs/stage2-and-reproduce.md). The defaults are the paper's.
public struct Stage2Config: Codable, Equatable, Sendable {
    /// The stage-1 regimes whose features are reused, each giving one continuation per variant.
    public var bases: [String]
    /// The variants run on each base, in the paper's table order by default.
    public var variants: [Stage2Variant]
    /// Epochs of classifier retraining.
    public var epochs: Int
    /// Initial learning rate (cosine-annealed to 0 over the stage).
    public var learningRate: Double
    public var momentum: Double
    /// Weight decay of the variants that have it (classifier weight and bias).
    public var weightDecay: Double
    /// Effective-number beta of the class-balanced loss: class c weighs `(1-beta)/(1-beta^n_c)`.
    public var beta: Double
    /// Relative MaxNorm threshold t (radius = min + t (max - min) of the stage-1 classifier's norms).
    public var maxNormThresh: Double
    /// When the MaxNorm projection is applied (the paper: every step).
    public var maxNormEvery: ProjectionSchedule
    /// Exponent of the post-hoc tau-normalization `w_k / ||w_k||^tau`.
    public var tau: Double

    /// The first base: the one a single-base caller (the TUI) continues.
    public var base: String {
        get { bases.first ?? "wd" }
        set { bases = [newValue] }
    }

    public init(base: String = "wd", variants: [Stage2Variant] = Stage2Variant.all, epochs: Int = 10,
                learningRate: Double = 0.01, momentum: Double = 0.9, weightDecay: Double = 0.1,
                beta: Double = 0.9999, maxNormThresh: Double = 0.1, maxNormEvery: ProjectionSchedule = .step,
                tau: Double = Stage2Config.defaultTau) {
        self.bases = [base]
        self.variants = variants
        self.epochs = epochs
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.beta = beta
        self.maxNormThresh = maxNormThresh
        self.maxNormEvery = maxNormEvery
        self.tau = tau
    }

    /// Default tau of the post-hoc tau-normalization (chosen on a validation split, see docs/stage2-and-reproduce.md).
    public static let defaultTau = 0.4

    /// Problems with the settings, each naming the flag and its valid range; empty when valid.
    public func validationErrors() -> [String] {
        var e: [String] = []
        if bases.isEmpty { e.append("--stage2-base needs at least one stage-1 regime") }
        if let b = firstRepeat(bases) { e.append("--stage2-base lists \(b) twice; give each regime once") }
        if variants.isEmpty { e.append("--stage2-variants needs at least one variant") }
        if let v = firstRepeat(variants) { e.append("--stage2-variants lists \(v.name) twice; give each variant once") }
        if epochs < 1 || epochs > 1_000_000 { e.append("--stage2-epochs must be between 1 and 1000000 (got \(epochs))") }
        if !(learningRate > 0 && learningRate <= 10) { e.append("--stage2-lr must be in (0, 10] (got \(learningRate))") }
        if !(momentum >= 0 && momentum < 1) { e.append("--stage2-momentum must be in [0, 1) (got \(momentum))") }
        if !(weightDecay >= 0 && weightDecay <= 10) {
            e.append("--stage2-weight-decay must be in [0, 10] (got \(weightDecay))")
        }
        if !(beta >= 0 && beta < 1) { e.append("--cb-beta must be in [0, 1) (got \(beta))") }
        if !(maxNormThresh >= 0 && maxNormThresh <= 1) {
            e.append("--stage2-maxnorm-thresh must be in [0, 1] (got \(maxNormThresh))")
        }
        if !(tau >= 0 && tau <= 10) { e.append("--tau must be in [0, 10] (got \(tau))") }
        return e
    }
}
