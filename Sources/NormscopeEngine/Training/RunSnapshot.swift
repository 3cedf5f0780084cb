/// Every history of a `StagedRun` and its progress at one moment: immutable, safe to keep, draw and write.
package struct RunSnapshot: Sendable {
    /// Stage-1 histories, in run order.
    package var stage1: [RunHistory]
    /// Stage-2 histories, in results order (bases in request order, each with its variants).
    package var stage2: [RunHistory]
    /// For each stage-2 history, the index in `stage1` of its base.
    package var stage2Bases: [Int]
    /// Whether stage 2 has started (its trainers are in the session).
    package var stage2Started: Bool
    /// The stage-2 settings once stage 2 has started (what results record).
    package var stage2Config: Stage2Config?
    /// Whether stage 2 has been asked for and its trainers are still being made.
    package var preparingStage2: Bool
    /// The session's counters and timing, read with these histories.
    package var progress: TrainingProgress

    package init(stage1: [RunHistory], stage2: [RunHistory] = [], stage2Bases: [Int] = [],
                 stage2Started: Bool = false, stage2Config: Stage2Config? = nil, preparingStage2: Bool = false,
                 progress: TrainingProgress = TrainingProgress()) {
        self.stage1 = stage1
        self.stage2 = stage2
        self.stage2Bases = stage2Bases
        self.stage2Started = stage2Started
        self.stage2Config = stage2Config
        self.preparingStage2 = preparingStage2
        self.progress = progress
    }

    /// Every history, stage 1 first: the order of a results file.
    package var all: [RunHistory] { stage1 + stage2 }

    /// Whether every history has finished (trained all its planned epochs, or diverged).
    package var isFinished: Bool { all.allSatisfy(\.isFinished) }

    /// Epochs trained over all histories, a diverged one counting as complete (for progress bars).
    package var epochsDone: Int {
        all.map { $0.diverged != nil ? $0.plannedEpochs : min($0.plannedEpochs, $0.epochsDone) }.reduce(0, +)
    }

    /// Epochs done in the current stage: the fewest of the runs of that stage that have not diverged (the
    /// most, when all diverged); post-hoc normalizations, which have no epochs, do not count.
    package var stageEpochsDone: Int {
        let runs = stage2Started ? stage2.filter { $0.plannedEpochs > 0 } : stage1
        let alive = runs.filter { $0.diverged == nil }
        guard let fewest = alive.map(\.epochsDone).min() else { return runs.map(\.epochsDone).max() ?? 0 }
        return fewest
    }

    /// Every history of the current stage as it stood at `stageEpochsDone` (a run ahead of the others shows
    /// the same epoch as they do); histories of a finished stage are left whole.
    package func aligned() -> RunSnapshot {
        let e = stageEpochsDone
        var s = self
        if stage2Started { s.stage2 = stage2.map { $0.truncated(through: e) } } else { s.stage1 = stage1.map { $0.truncated(through: e) } }
        return s
    }

    /// The stage-2 history of `variant` on stage-1 run `base`, if stage 2 has it.
    package func stage2(of base: Int, _ variant: Stage2Variant) -> RunHistory? {
        zip(stage2, stage2Bases).first { $0.1 == base && $0.0.id.variant == variant }?.0
    }
}
