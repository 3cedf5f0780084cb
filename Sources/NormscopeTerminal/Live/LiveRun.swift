import Foundation
import NormscopeEngine
import NormscopeFlags

/// One training run shown live: the experiment, its staged run, and the pacing state.
///
/// The live view's one interface to training: commands go in through `pace`, `step`, `startStage2` and `stop`,
/// and everything comes out as one `LiveFrame` per frame (`frame()`). No trainer is ever touched here, and
/// nothing here trains on the calling (UI) thread: stage 2's features are extracted on a worker.
final class LiveRun {
    let experiment: Experiment
    private let run: StagedRun
    /// The worker session: pacing here sets its limits; tests drive and wait on it directly.
    var session: TrainingSession { run.session }
    /// When the pacer last released an epoch.
    private var lastRelease = Date.distantPast
    /// Whether the limit has been lowered for the pause under way.
    private var heldForPause = false

    /// A run of `experiment` on `threads` workers, held at epoch 0 until paced; `clock` times the training.
    init(experiment: Experiment, threads: Int, stage2Epochs: Int, clock: any LiveClock = WallClock()) {
        self.experiment = experiment
        self.stage2Epochs = stage2Epochs
        run = StagedRun(stage1: experiment.makeTrainers(data: TrainingData(experiment.dataset), threads: threads), threads: threads,
                        epochLimit: 0, clock: clock, changes: experiment.config.changes)
    }

    /// Stage-1 epochs planned.
    var stage1Epochs: Int { experiment.config.epochs }
    /// Stage-2 epochs planned: as configured, then as stage 2 was started with.
    private(set) var stage2Epochs: Int

    /// Everything training shows now, read in one step: histories, stages and progress together.
    func frame() -> LiveFrame {
        let snapshot = run.snapshot(), changes = self.changes
        let e = snapshot.stageEpochsDone
        let rate = snapshot.stage2Started || snapshot.preparingStage2 || e >= stage1Epochs ? nil
            : TrainingPlan(regime: .naive, config: experiment.config)
                .settings(epoch: e, changes: changes, initialRadius: nil).learningRate
        return LiveFrame(run: snapshot.aligned(), stage1Epochs: stage1Epochs,
                         stage2Epochs: snapshot.stage2Config?.epochs ?? stage2Epochs, learningRate: rate, changes: changes)
    }

    /// Lets training advance by at most one epoch per `pace`; flat out removes the limit. Paused, no new
    /// epoch starts (even at flat out, where the limit would otherwise stay open). `now` is the live view's
    /// clock's time. Only this (UI) thread sets the limit, so reading it back here is consistent.
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
        if now.timeIntervalSince(lastRelease) >= pace.secondsPerEpoch && session.releaseNextEpochIfIdle() {
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

    /// Asks for stage 2 once stage 1 has finished; returns whether stage 2 is running, done or being prepared.
    /// Its trainers are made on a worker (features are extracted from every base), so this returns at once;
    /// frames say `preparingStage2` until they are in, held at epoch 0 until paced.
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
        let now = run.snapshot()
        if now.stage2Started || now.preparingStage2 { return true }  // only this thread asks for stage 2
        // Stage 1 has finished when this succeeds, so a limit of 0 holds nothing back but stage 2's first epoch.
        let limit = session.epochLimit
        session.epochLimit = 0
        let started = run.beginStage2(config, requests: requests)
        if started { stage2Epochs = config.epochs } else { session.epochLimit = limit }
        return started
    }

    /// The results file of `snapshot` (the frame an export was asked on), with the changes made so far and
    /// the `normscope run` command line that writes it again.
    func results(of snapshot: RunSnapshot) -> ResultsFile {
        var r = experiment.results(of: snapshot, stage2: snapshot.stage2Config, interrupted: !snapshot.isFinished,
                                   changes: changes)
        r.command = ReproducingCommand.runLine(for: r.config)
        return r
    }

    /// Stops the worker threads after the epochs under way (at once when they are held for a restart).
    func stop() { run.stop() }
}
