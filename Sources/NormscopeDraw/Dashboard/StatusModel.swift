/// The state of the run shown in the header: stage, progress, speed, pause.
public struct StatusModel: Equatable, Sendable {
    /// "stage 1", "stage 2: CB+WD+MaxNorm".
    public var stageLabel: String
    /// Epochs done in the current stage.
    public var epoch: Int
    /// Epochs planned in the current stage.
    public var totalEpochs: Int
    /// The current learning rate, if known.
    public var learningRate: Double?
    /// Wall-clock seconds since the start.
    public var elapsedSeconds: Double
    /// Training throughput, if known.
    public var samplesPerSecond: Double?
    /// Whether the run is paused.
    public var paused: Bool
    /// Whether every regime has finished.
    public var finished: Bool
    /// How the run is paced ("live", "1 epoch/s", "step").
    public var paceLabel: String?
    /// Shown instead of "running" while training is held for another reason than a pause ("intro").
    public var stateNote: String?

    public init(stageLabel: String = "stage 1", epoch: Int = 0, totalEpochs: Int = 0, learningRate: Double? = nil,
                elapsedSeconds: Double = 0, samplesPerSecond: Double? = nil, paused: Bool = false,
                finished: Bool = false, paceLabel: String? = nil) {
        self.stageLabel = stageLabel
        self.epoch = epoch
        self.totalEpochs = totalEpochs
        self.learningRate = learningRate
        self.elapsedSeconds = elapsedSeconds
        self.samplesPerSecond = samplesPerSecond
        self.paused = paused
        self.finished = finished
        self.paceLabel = paceLabel
    }

    /// Progress through the stage in 0...1.
    public var progress: Double {
        totalEpochs > 0 ? min(1, max(0, Double(epoch) / Double(totalEpochs))) : 0
    }
}
