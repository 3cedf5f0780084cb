import Foundation
import NormscopeEngine

/// One training run shown live: the experiment, its staged run, and the pacing state.
///
/// It reads training only through `snapshot()` (immutable copies): no trainer is ever touched here.
final class LiveRun {
    let experiment: Experiment
    private let run: StagedRun
    /// The worker session (pacing: epoch limits, pause, progress).
    var session: TrainingSession { run.session }
    /// When the pacer last released an epoch.
    private var lastRelease = Date.distantPast
    /// Whether the limit has been lowered for the pause under way.
    private var heldForPause = false

    /// A run of `experiment` on `threads` workers, held at epoch 0 until paced; `clock` times the training.
    init(experiment: Experiment, threads: Int, stage2Epochs: Int, clock: any LiveClock = WallClock()) {
        self.experiment = experiment
        self.stage2Epochs = stage2Epochs
        run = StagedRun(stage1: experiment.makeTrainers(data: TrainingData(experiment.dataset)), threads: threads,
                        epochLimit: 0, clock: clock)
    }

    /// Stage-1 epochs planned.
    var stage1Epochs: Int { experiment.config.epochs }

    /// Lets training advance by at most one epoch per `pace`; flat out removes the limit. Paused, no new
    /// epoch starts (even at flat out, where the limit would otherwise stay open). `now` is the live view's
    /// clock's time.
    func pace(_ pace: Pace, paused: Bool, now: Date) {
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
            // Keep to the schedule (release times one pace apart), so polling jitter does not slow the pace;
            // after a stall (training slower than the pace) start the schedule afresh.
            let scheduled = lastRelease.addingTimeInterval(pace.secondsPerEpoch)
            lastRelease = now.timeIntervalSince(scheduled) < pace.secondsPerEpoch ? scheduled : now
        }
    }

    /// Runs exactly one more epoch (the `n` key; the caller pauses): one beyond the furthest regime.
    func step() {
        let base = heldForPause ? session.epochLimit : session.holdAtCurrentEpochs()
        heldForPause = true
        session.epochLimit = base + 1
    }

    /// Whether stage 2 has been started.
    var stage2Started: Bool { run.stage2Started }

    /// Epochs the heatmaps are laid out for: stage 1, and stage 2 once it has started.
    var plannedEpochs: Int { stage1Epochs + (stage2Started ? stage2Epochs : 0) }
    /// Stage-2 epochs planned.
    private(set) var stage2Epochs: Int

    /// The stage shown in the header and its planned epochs.
    var stageLabel: (label: String, epochs: Int) {
        stage2Started ? ("stage 2", stage2Epochs) : ("stage 1", stage1Epochs)
    }

    /// The learning rate of the epoch under way in the current stage (stage 1 only).
    var learningRate: Double? {
        let e = snapshot().stageEpochsDone
        guard !stage2Started, e < stage1Epochs else { return nil }
        return TrainingPlan(regime: .naive, config: experiment.config).learningRate(epoch: e)
    }

    /// Starts stage 2 once stage 1 has finished; returns whether stage 2 is running (or done).
    ///
    /// Every stage-1 regime is continued with CB & WD & MaxNorm, so each heatmap goes on below a boundary;
    /// the configured bases (default `wd`) also get the other variants of the paper's table.
    func startStage2(_ config: Stage2Config) -> Bool {
        var panel = config
        panel.variants = [.cbWDMaxNorm]
        var table = config
        table.variants = config.variants.filter { $0 != .cbWDMaxNorm }
        var requests: [StagedRun.Request] = []
        for i in run.stage1IDs.indices {
            requests.append(StagedRun.Request(base: i, config: panel))
            if !table.variants.isEmpty && config.bases.contains(run.stage1IDs[i].base) {
                requests.append(StagedRun.Request(base: i, config: table))
            }
        }
        let started = run.startStage2(config, requests: requests)
        if started {
            stage2Epochs = config.epochs
            session.epochLimit = 0
        }
        return started
    }

    /// An immutable copy of every history as it is now.
    func snapshot() -> RunSnapshot { run.snapshot() }

    /// What the panels show: each stage-1 history, continued by its CB & WD & MaxNorm retraining once that runs.
    static func panelHistories(_ snapshot: RunSnapshot) -> [RegimeHistory] {
        snapshot.stage1.enumerated().map { i, h in
            snapshot.stage2(of: i, .cbWDMaxNorm).map { $0.joined(after: h) } ?? h
        }
    }

    /// Stops the worker threads after the epochs under way.
    func stop() { run.stop() }

    /// The results file of what has been trained so far.
    func results() -> ResultsFile {
        let snapshot = run.snapshot()
        return experiment.results(of: snapshot, stage2: run.stage2Config, interrupted: !snapshot.isFinished)
    }
}
