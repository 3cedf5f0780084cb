/// The fully resolved recipe for training one classifier: what a `RegimeTrainer` executes.
///
/// Stage-1 regimes and stage-2 variants both become a plan: stage 2 sets `classifierOnly` and `classWeights`.
package struct TrainingPlan: Equatable, Sendable {
    /// The run this plan trains (recorded in results).
    package var id: RunID
    package var epochs: Int
    package var learningRate: Double
    package var momentum: Double
    package var batchSize: Int
    /// Weight decay actually applied (0 for none).
    package var weightDecay: Double
    /// MaxNorm rule, or nil for no projection.
    package var maxNorm: MaxNormRule?
    package var maxNormEvery: ProjectionSchedule
    package var l2Normalized: Bool
    /// Only the classifier (weight and bias) is trained; the feature extractor is frozen.
    var classifierOnly: Bool
    /// Per-class loss weights (class-balanced loss), or nil for plain cross-entropy.
    var classWeights: [Float]?
    /// Seed of the batch order (the same for every regime of a run).
    package var seed: UInt64
    /// Changes scheduled mid-run (a stage-1 plan's are its config's); a trainer outside a session reads these,
    /// one in a session the session's (see `settings(epoch:changes:initialRadius:)`).
    package var changes: [ConfigChange] = []

    package init(id: RunID, epochs: Int, learningRate: Double, momentum: Double, batchSize: Int,
                weightDecay: Double, maxNorm: MaxNormRule?, maxNormEvery: ProjectionSchedule,
                l2Normalized: Bool, classifierOnly: Bool = false, classWeights: [Float]? = nil, seed: UInt64) {
        self.id = id
        self.epochs = epochs
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.weightDecay = weightDecay
        self.maxNorm = maxNorm
        self.maxNormEvery = maxNormEvery
        self.l2Normalized = l2Normalized
        self.classifierOnly = classifierOnly
        self.classWeights = classWeights
        self.seed = seed
    }

    /// The stage-1 plan of `regime` under `config`.
    package init(regime: Regime, config: TrainingConfig) {
        self.init(id: RunID(regime), epochs: config.epochs, learningRate: config.learningRate,
                  momentum: config.momentum, batchSize: config.batchSize,
                  weightDecay: regime.weightDecay ? config.weightDecay : 0,
                  maxNorm: config.maxNormRule(of: regime), maxNormEvery: config.maxNormEvery,
                  l2Normalized: regime.l2Normalized, seed: config.seed)
        changes = config.changes
    }

    /// Cosine-annealed learning rate of epoch `e` (0-based), stepped once per epoch like PyTorch's
    /// `CosineAnnealingLR(T_max = epochs)`: `lr * (1 + cos(pi * e / epochs)) / 2`.
    package func learningRate(epoch e: Int) -> Double {
        Self.annealed(learningRate, epoch: e, of: epochs)
    }

    /// `base` cosine-annealed at epoch `e` of `epochs`.
    static func annealed(_ base: Double, epoch e: Int, of epochs: Int) -> Double {
        base * (1 + _cos(Double.pi * Double(e) / Double(epochs))) / 2
    }
}
