/// Settings of stage 2, classifier retraining on frozen features, and of the post-hoc normalizations
/// (see docs/stage2-and-reproduce.md). The defaults are the paper's.
package struct Stage2Config: Codable, Equatable, Sendable {
    /// The stage-1 regimes whose features are reused, each giving one continuation per variant.
    package var bases: [Regime]
    /// The variants run on each base, in the paper's table order by default.
    package var variants: [Stage2Variant]
    /// Epochs of classifier retraining.
    package var epochs: Int
    /// Initial learning rate (cosine-annealed to 0 over the stage).
    package var learningRate: Double
    package var momentum: Double
    /// Weight decay of the variants that have it (classifier weight and bias).
    package var weightDecay: Double
    /// Effective-number beta of the class-balanced loss: class c weighs `(1-beta)/(1-beta^n_c)`.
    package var beta: Double
    /// Relative MaxNorm threshold t (radius = min + t (max - min) of the stage-1 classifier's norms).
    package var maxNormThresh: Double
    /// When the MaxNorm projection is applied (the paper: every step).
    package var maxNormEvery: ProjectionSchedule
    /// Exponent of the post-hoc tau-normalization `w_k / ||w_k||^tau`.
    package var tau: Double

    /// The first base: the one a single-base caller (the TUI) continues.
    package var base: Regime {
        get { bases.first ?? .wd }
        set { bases = [newValue] }
    }

    package init(base: Regime = .wd, variants: [Stage2Variant] = Stage2Variant.all, epochs: Int = 10,
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
    package static let defaultTau = 0.4

    /// Problems with the settings, each naming the setting and its valid range; empty when valid.
    package func validationErrors() -> [ConfigProblem] {
        var e: [ConfigProblem] = []
        if bases.isEmpty { e.append(ConfigProblem(.stage2Bases, .empty(entry: "stage-1 regime"))) }
        if let b = firstRepeat(bases) { e.append(ConfigProblem(.stage2Bases, .repeated(entry: "regime", value: b.rawValue))) }
        if variants.isEmpty { e.append(ConfigProblem(.stage2Variants, .empty(entry: "variant"))) }
        if let v = firstRepeat(variants) { e.append(ConfigProblem(.stage2Variants, .repeated(entry: "variant", value: v.name))) }
        e.check(.stage2Epochs, epochs)
        e.check(.stage2LearningRate, learningRate)
        e.check(.stage2Momentum, momentum)
        e.check(.stage2WeightDecay, weightDecay)
        e.check(.stage2Beta, beta)
        e.check(.stage2MaxNormThresh, maxNormThresh)
        e.check(.tau, tau)
        return e
    }
}
