import Foundation
import NormscopeEngine

/// One training run shown live: the experiment, its worker session, and the pacing state.
final class LiveRun {
    let experiment: Experiment
    let data: TrainingData
    let stage1: [RegimeTrainer]
    let session: TrainingSession
    /// When the pacer last released an epoch.
    private var lastRelease = Date.distantPast
    /// Whether the limit has been lowered for the pause under way.
    private var heldForPause = false

    init(experiment: Experiment, threads: Int, stage2Epochs: Int) {
        self.experiment = experiment
        self.stage2Epochs = stage2Epochs
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
    private(set) var stage2Started = false

    /// Epochs the heatmaps are laid out for: stage 1 plus the stage 2 that can follow it.
    var plannedEpochs: Int { stage1Epochs + stage2Epochs }
    /// Stage-2 epochs planned.
    private(set) var stage2Epochs: Int

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

    /// The stage-2 work: each panel's continuation (the paper's CB & WD & MaxNorm on that regime's features)
    /// and, on the configured bases, the paper's table variants.
    private(set) var panelContinuations: [String: Stage2Continuation] = [:]
    private(set) var tableContinuations: [Stage2Continuation] = []
    /// The stage-2 settings in force once stage 2 has started (recorded in exports).
    private(set) var stage2Config: Stage2Config?

    /// Starts stage 2 once stage 1 has finished; returns whether stage 2 is running (or done).
    ///
    /// Every stage-1 regime that did not diverge is continued with CB & WD & MaxNorm, so each heatmap goes
    /// on below a boundary; the configured bases (default `wd`) also get every variant of the paper's table.
    func startStage2(_ config: Stage2Config) -> Bool {
        if stage2Started { return true }
        guard session.isFinished else { return false }
        var panelConfig = config
        panelConfig.variants = [.cbWDMaxNorm]
        var trainers: [RegimeTrainer] = []
        for t in stage1 where t.history.diverged == nil {
            // The frozen features are computed once per base and shared by its panel and table continuations.
            let features = Stage2.features(of: t.network, data: data)
            let c = Stage2.continuation(after: t, config: panelConfig, features: features)
            panelContinuations[t.plan.name] = c
            trainers += c.trainers
            if config.bases.contains(t.plan.name) {
                var tableConfig = config
                tableConfig.variants = config.variants.filter { $0 != .cbWDMaxNorm }
                let extra = Stage2.continuation(after: t, config: tableConfig, features: features)
                tableContinuations.append(extra)
                trainers += extra.trainers
            }
        }
        stage2Epochs = config.epochs
        stage2Config = config
        stage2Started = true
        session.epochLimit = 0
        session.append(trainers: trainers)
        return true
    }

    /// What the panels show: each stage-1 history, continued by its stage-2 retraining once that runs.
    func panelHistories(_ snapshot: [RegimeHistory]) -> [RegimeHistory] {
        let stage1Histories = Array(snapshot.prefix(stage1.count))
        guard stage2Started else { return stage1Histories }
        return stage1Histories.map { h in
            guard let c = panelContinuations[h.name],
                  let s2 = c.histories(trained: snapshot).first else { return h }
            return s2.joined(after: h)
        }
    }

    /// The stage-2 results shown as extra rows of the accuracy table (and exported).
    func stage2Histories(_ snapshot: [RegimeHistory]) -> [RegimeHistory] {
        guard stage2Started else { return [] }
        let panels = stage1.compactMap { panelContinuations[$0.plan.name] }
        return (panels + tableContinuations).flatMap { $0.histories(trained: snapshot) }
    }

    /// Stops the worker threads after the epochs under way.
    func stop() { session.cancel() }

    /// The results file of what has been trained so far.
    func results() -> ResultsFile {
        let snapshot = session.snapshot()
        let histories = Array(snapshot.prefix(stage1.count)) + stage2Histories(snapshot)
        var config = experiment.runConfig
        config.stage2 = stage2Config
        return ResultsFile(config: config, classCounts: experiment.dataset.classCounts,
                           classLabels: experiment.dataset.labels, regimes: histories,
                           interrupted: !session.isFinished)
    }
}
