/// The state of the run shown in the header: stage, progress, speed, pause.
package struct StatusModel: Equatable, Sendable {
    /// "stage 1", "stage 2: CB+WD+MaxNorm".
    package var stageLabel: String
    /// Epochs done in the current stage.
    package var epoch: Int
    /// Epochs planned in the current stage.
    package var totalEpochs: Int
    /// The current learning rate, if known.
    package var learningRate: Double?
    /// Wall-clock seconds since the start.
    package var elapsedSeconds: Double
    /// Training throughput, if known.
    package var samplesPerSecond: Double?
    /// Whether the run is paused.
    package var paused: Bool
    /// Whether every regime has finished.
    package var finished: Bool
    /// How the run is paced ("live", "1 epoch/s", "step").
    package var paceLabel: String?
    /// Shown instead of "running" while training is held for another reason than a pause ("intro").
    package var stateNote: String?

    package init(stageLabel: String = "stage 1", epoch: Int = 0, totalEpochs: Int = 0, learningRate: Double? = nil,
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
    package var progress: Double {
        totalEpochs > 0 ? min(1, max(0, Double(epoch) / Double(totalEpochs))) : 0
    }
}
