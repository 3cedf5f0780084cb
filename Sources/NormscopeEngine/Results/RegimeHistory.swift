/// Everything recorded about one regime's run, epoch by epoch.
public struct RegimeHistory: Codable, Equatable, Sendable {
    /// The regime's name ("naive", "wd+maxnorm", "wd>cb+wd+maxnorm", ...).
    public var name: String
    /// `norms[e][k]`: L2 norm of class k's classifier row (bias excluded) after epoch e; e = 0 is before training.
    public var norms: [[Double]]
    /// `trainLoss[e]`: mean training loss over epoch e's batches; `trainLoss[0]` is the loss before training.
    public var trainLoss: [Double]
    /// Final test accuracy (percent).
    public var accuracy: AccuracySummary
    /// Final per-class test accuracy (percent), most frequent class first.
    public var classAccuracy: [Double]
    /// `accuracyHistory[e]`: test accuracy after epoch e (e = 0 before training).
    public var accuracyHistory: [AccuracySummary]
    /// Wall-clock seconds spent training (0 when timings are switched off for byte-identical files).
    public var seconds: Double
    /// The MaxNorm radius in force, if the regime projects.
    public var maxNormRadius: Double?
    /// Set when training stopped at a non-finite loss or weight.
    public var diverged: Divergence?
    /// Index into `norms` where stage 2 starts (nil for stage-1 regimes).
    public var stageBoundary: Int?

    public init(name: String, norms: [[Double]] = [], trainLoss: [Double] = [],
                accuracy: AccuracySummary = AccuracySummary(all: 0, many: 0, medium: 0, few: 0),
                classAccuracy: [Double] = [], accuracyHistory: [AccuracySummary] = [], seconds: Double = 0,
                maxNormRadius: Double? = nil, diverged: Divergence? = nil, stageBoundary: Int? = nil) {
        self.name = name
        self.norms = norms
        self.trainLoss = trainLoss
        self.accuracy = accuracy
        self.classAccuracy = classAccuracy
        self.accuracyHistory = accuracyHistory
        self.seconds = seconds
        self.maxNormRadius = maxNormRadius
        self.diverged = diverged
        self.stageBoundary = stageBoundary
    }

    /// Number of completed epochs (rows of `norms` minus the initial one).
    public var epochsDone: Int { max(0, norms.count - 1) }
}

/// Where and why a regime stopped early.
public struct Divergence: Codable, Equatable, Sendable {
    /// The epoch (1-based) during which the non-finite value appeared.
    public var epoch: Int
    /// What went non-finite ("loss is NaN", "weights are infinite", ...).
    public var reason: String

    public init(epoch: Int, reason: String) {
        self.epoch = epoch
        self.reason = reason
    }
}
