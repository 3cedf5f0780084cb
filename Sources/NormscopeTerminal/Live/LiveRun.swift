import Foundation
import NormscopeEngine

/// One training run shown live: the experiment, its worker session, and the pacing state.
final class LiveRun {
    let experiment: Experiment
    let data: TrainingData
    let stage1: [RegimeTrainer]
    let session: TrainingSession
    let started = Date()
    /// When the pacer last released an epoch.
    private var lastRelease = Date.distantPast
    /// Whether the limit has been lowered for the pause under way.
    private var heldForPause = false

    init(experiment: Experiment, threads: Int) {
        self.experiment = experiment
        data = TrainingData(experiment.dataset)
        stage1 = experiment.makeTrainers(data: data)
        session = TrainingSession(trainers: stage1, threads: threads, epochLimit: 0)
        session.start()
    }

    /// Stage-1 epochs planned.
    var stage1Epochs: Int { experiment.config.epochs }

    /// Lets training advance by at most one epoch per `pace`; flat out removes the limit. Paused, no new
    /// epoch starts (even at flat out, where the limit would otherwise stay open).
    func pace(_ pace: Pace, paused: Bool, now: Date = Date()) {
        if paused {
            if !heldForPause { session.holdAtCurrentEpochs(); heldForPause = true }
            return
        }
        heldForPause = false
        if pace.isFlatOut {
            if session.epochLimit != .max { session.epochLimit = .max }
            return
        }
        if session.epochLimit == .max { session.epochLimit = session.epochsDone + 1; lastRelease = now; return }
        if session.isIdleAtLimit && now.timeIntervalSince(lastRelease) >= pace.secondsPerEpoch {
            session.epochLimit = session.epochsDone + 1
            lastRelease = now
        }
    }

    /// Runs exactly one more epoch (the `n` key; the caller pauses): one beyond the furthest regime.
    func step() {
        let base = heldForPause ? session.epochLimit : session.holdAtCurrentEpochs()
        heldForPause = true
        session.epochLimit = base + 1
    }

    /// Whether stage 2 has been started.
    private(set) var stage2Started = false

    /// Epochs the heatmaps are laid out for: stage 1 plus the stage 2 to come.
    var plannedEpochs: Int { stage1Epochs + stage2Epochs }
    private(set) var stage2Epochs = 0

    /// The stage shown in the header and its planned epochs.
    var stageLabel: (label: String, epochs: Int) {
        stage2Started ? ("stage 2", stage2Epochs) : ("stage 1", stage1Epochs)
    }

    /// The learning rate of the epoch under way in the current stage.
    var learningRate: Double? {
        let e = session.epochsDone
        if stage2Started { return nil }
        guard let plan = stage1.first?.plan, e < plan.epochs else { return nil }
        return plan.learningRate(epoch: e)
    }

    /// Whether `startStage2` can run stage 2 at all: not yet in the live view (the engine's `Stage2` is
    /// used by `run --stage2`); the hints do not offer the `2` key while this is false.
    var canRunStage2: Bool { false }

    /// Starts stage 2 once stage 1 has finished; returns whether stage 2 is running.
    func startStage2(_ config: Stage2Config) -> Bool {
        if stage2Started { return true }
        guard session.isFinished else { return false }
        return false
    }

    /// Stops the worker threads after the epochs under way.
    func stop() { session.cancel() }

    /// The results file of what has been trained so far.
    func results() -> ResultsFile {
        let histories = session.snapshot()
        return ResultsFile(config: experiment.runConfig, classCounts: experiment.dataset.classCounts,
                           classLabels: experiment.dataset.labels, regimes: histories,
                           interrupted: !session.isFinished)
    }
}
