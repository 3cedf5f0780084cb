/// Settings of stage 2, classifier retraining on frozen features (see PAPER.md).
public struct Stage2Config: Codable, Equatable, Sendable {
    /// The stage-1 regime whose features are reused.
    public var base: String
    public var epochs: Int
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    /// Effective-number beta of the class-balanced loss.
    public var beta: Double
    /// Relative MaxNorm threshold t (radius = min + t (max - min) of the stage-1 classifier's norms).
    public var maxNormThresh: Double
    /// Exponent of the post-hoc tau-normalization.
    public var tau: Double

    public init(base: String = "wd", epochs: Int = 10, learningRate: Double = 0.01, momentum: Double = 0.9,
                weightDecay: Double = 0.1, beta: Double = 0.9999, maxNormThresh: Double = 0.1, tau: Double = 0.5) {
        self.base = base
        self.epochs = epochs
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.beta = beta
        self.maxNormThresh = maxNormThresh
        self.tau = tau
    }
}
