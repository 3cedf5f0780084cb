import NormscopeDraw
import NormscopeEngine

/// Everything one frame of the live view shows of training, read once: the run's histories and progress from
/// one acquisition of the session's mutex, and what the run's plan says about them. The dashboard, the demo's
/// timeline, the hold at the end and an export of that frame all read this value and nothing else of training.
struct LiveFrame: Sendable {
    /// Every history and the progress; the histories of the current stage stand at the header's epoch
    /// (`RunSnapshot.aligned()`), so every panel shows the same moment.
    let run: RunSnapshot
    /// Stage-1 epochs planned.
    let stage1Epochs: Int
    /// Stage-2 epochs planned (as asked for, before stage 2 starts).
    let stage2Epochs: Int
    /// The learning rate of the epoch under way in stage 1 (nil in stage 2 and once stage 1 is done).
    let learningRate: Double?
    /// The changes of setting scheduled so far (from `--change` and live), in the order made.
    var changes: [ConfigChange] = []

    /// Whether stage 2's trainers are in the session.
    var stage2Started: Bool { run.stage2Started }
    /// Whether stage 2 was asked for and its trainers are being made on a worker.
    var preparingStage2: Bool { run.preparingStage2 }
    /// Whether every run has finished and no stage is being prepared.
    var finished: Bool { run.progress.isFinished }
    /// Grows whenever a history changes: a new value means the figure changed.
    var version: UInt64 { run.progress.version }

    /// Epochs the heatmaps are laid out for: stage 1, and stage 2 once it has started.
    var plannedEpochs: Int { stage1Epochs + (stage2Started ? stage2Epochs : 0) }

    /// The stage shown in the header, its epochs done and planned (stage 2 at epoch 0 while it is prepared).
    var stage: (label: String, epoch: Int, epochs: Int) {
        if preparingStage2 { return ("stage 2", 0, stage2Epochs) }
        return stage2Started ? ("stage 2", run.stageEpochsDone, stage2Epochs) : ("stage 1", run.stageEpochsDone, stage1Epochs)
    }

    /// `panel`, the panel of `history`, with the marks of the changes that affect it and, for a stage-1 history,
    /// the MaxNorm radius in force in its latest epoch (a radius change moves the profile's δ line).
    func applyChanges(to panel: inout PanelModel, of history: RunHistory) {
        let regime = history.id.base
        panel.changeMarks = ChangeMark.marks(changes, for: regime)
        guard panel.maxNormRadius != nil, history.stage2StartEpoch == nil, !history.isStage2 else { return }
        for c in ConfigChange.inEpochOrder(changes) where c.epoch < history.epochsDone && c.setting.affects(regime)
            && (c.setting == .maxNormRadius || c.setting == .wdMaxNormRadius) {
            panel.maxNormRadius = c.value
        }
    }

    /// What the panels show: each stage-1 history, continued by its CB & WD & MaxNorm retraining once that runs.
    var panelHistories: [RunHistory] {
        run.stage1.enumerated().map { i, h in
            run.stage2(of: i, .cbWDMaxNorm).map { $0.joined(after: h) } ?? h
        }
    }
}
