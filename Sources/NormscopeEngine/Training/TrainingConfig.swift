/// Every hyperparameter of a stage-1 run; with the data set and seed it determines the results exactly.
package struct TrainingConfig: Codable, Equatable, Sendable {
    /// Hidden widths of the MLP feature extractor; the last one is the feature dimension.
    package var hidden: [Int]
    /// Initial learning rate (cosine-annealed to 0 over the run).
    package var learningRate: Double
    /// SGD momentum.
    package var momentum: Double
    /// Mini-batch size.
    package var batchSize: Int
    /// Number of epochs.
    package var epochs: Int
    /// Weight decay used by the regimes that have it (`wd`, `wd+maxnorm`).
    package var weightDecay: Double
    /// MaxNorm radius rule of the `maxnorm` regime.
    package var maxNorm: MaxNormRule
    /// MaxNorm radius rule of the `wd+maxnorm` regime (nil: `maxNorm`, as in files of version 0.1.0, where
    /// one radius served both).
    package var wdMaxNorm: MaxNormRule?
    /// When the MaxNorm projection is applied.
    package var maxNormEvery: ProjectionSchedule
    /// Batch normalization after every hidden layer, before its ReLU: true, or nil for none (absent from
    /// results files without it, so they keep their bytes). Read it as `usesBatchNorm`.
    package var batchNorm: Bool?
    /// Seed for data, initial weights and batch order.
    package var seed: UInt64
    /// Scheduled changes (the file's `changes`), nil for none: absent from results files without changes, so
    /// they keep their bytes. Read it as `changes`.
    private var scheduled: [ConfigChange]?

    /// The file's keys: the Swift names, except `scheduled`, which files call `changes`.
    enum CodingKeys: String, CodingKey {
        case hidden, learningRate, momentum, batchSize, epochs, weightDecay, maxNorm, wdMaxNorm, maxNormEvery
        case batchNorm, seed
        case scheduled = "changes"
    }

    package init(hidden: [Int] = [128, 128, 64], learningRate: Double = 0.01, momentum: Double = 0.9,
                batchSize: Int = 64, epochs: Int = 100, weightDecay: Double = TrainingConfig.defaultWeightDecay,
                maxNorm: MaxNormRule = .radius(TrainingConfig.defaultMaxNormRadius),
                wdMaxNorm: MaxNormRule? = .radius(TrainingConfig.defaultWDMaxNormRadius),
                maxNormEvery: ProjectionSchedule = .step, batchNorm: Bool = false, seed: UInt64 = 0,
                changes: [ConfigChange] = []) {
        self.hidden = hidden
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.epochs = epochs
        self.weightDecay = weightDecay
        self.maxNorm = maxNorm
        self.wdMaxNorm = wdMaxNorm
        self.maxNormEvery = maxNormEvery
        self.batchNorm = batchNorm ? true : nil
        self.seed = seed
        self.changes = changes
    }

    /// Changes of optimizer settings mid-run, in the order they were made (see `ConfigChange`); empty for none.
    /// Where two name the same setting and epoch, the later one holds.
    package var changes: [ConfigChange] {
        get { scheduled ?? [] }
        set { scheduled = newValue.isEmpty ? nil : newValue }
    }

    /// Whether the hidden layers are batch-normalized.
    package var usesBatchNorm: Bool {
        get { batchNorm ?? false }
        set { batchNorm = newValue ? true : nil }
    }

    /// Default stage-1 weight decay (see docs/experiment.md, "Why these defaults").
    package static let defaultWeightDecay = 2e-3
    /// Default MaxNorm radius of the `maxnorm` regime: the naive tail's final norm on the default data, so every
    /// class reaches the cap, as in the paper's panel (d) (see docs/experiment.md, "Why these defaults").
    package static let defaultMaxNormRadius = 1.2
    /// Default MaxNorm radius of the `wd+maxnorm` regime: below the `wd` tail's final norm, so every class ends
    /// at it, small and balanced, as in the paper's panel (e).
    package static let defaultWDMaxNormRadius = 0.6

    /// The MaxNorm rule of `regime`, or nil when it does not project.
    func maxNormRule(of regime: Regime) -> MaxNormRule? {
        guard regime.maxNorm else { return nil }
        return regime.weightDecay ? (wdMaxNorm ?? maxNorm) : maxNorm
    }

    /// Problems with the settings, each naming the setting and its valid range; empty when valid.
    package func validationErrors() -> [ConfigProblem] {
        var e: [ConfigProblem] = []
        if hidden.isEmpty { e.append(ConfigProblem(.hidden, .empty(entry: "width"))) }
        e.checkEach(.hidden, hidden.map(Double.init), entry: "width")
        e.check(.learningRate, learningRate)
        e.check(.momentum, momentum)
        e.check(.batchSize, batchSize)
        e.check(.epochs, epochs)
        e.check(.weightDecay, weightDecay)
        for (rule, setting) in [(maxNorm, ConfigSetting.maxNormRadius), (wdMaxNorm ?? maxNorm, .wdMaxNormRadius)] {
            var p: [ConfigProblem] = []
            switch rule {
            case .radius(let r): p.check(setting, r)
            case .relative(let t): p.check(.maxNormThresh, t)
            }
            for problem in p where !e.contains(problem) { e.append(problem) }
        }
        for c in changes {
            if c.epoch < 0 || c.epoch >= epochs { e.append(ConfigProblem(.changes, .changeEpoch(epoch: c.epoch, epochs: epochs))) }
            e.check(c.setting.configSetting, c.value)
        }
        return e
    }
}

/// How the MaxNorm radius delta is chosen.
package enum MaxNormRule: Codable, Equatable, Sendable {
    /// A fixed radius.
    case radius(Double)
    /// The official code's rule: `min + t * (max - min)` of the classifier's row norms when the stage starts.
    case relative(Double)

    /// The radius for a classifier whose row norms are `norms` at the start of training.
    package func radius(initialNorms norms: [Double]) -> Double {
        switch self {
        case .radius(let r): return r
        case .relative(let t):
            let lo = norms.min() ?? 0, hi = norms.max() ?? 0
            return lo + t * (hi - lo)
        }
    }
}

/// When a projection (MaxNorm) is applied.
package enum ProjectionSchedule: String, Codable, CaseIterable, Sendable {
    /// After every optimizer step, as the paper intends.
    case step
    /// Once at the end of every epoch, as the official code does.
    case epoch
}
