/// How the histories of a `StagedRun`'s session are read as stages: the first `stage1Count` are stage 1, then
/// each stage-2 result is a history of the session or one already final. Kept in the session's mutex with the
/// histories, so a snapshot never sees stage-2 trainers without their layout.
package struct StageLayout: Sendable {
    /// One stage-2 result: trained in the session at an index, or already final.
    enum Slot: Sendable {
        case session(index: Int, base: Int)
        case fixed(RunHistory, base: Int)

        /// The stage-1 run it continues.
        var base: Int {
            switch self {
            case .session(_, let b), .fixed(_, let b): return b
            }
        }
    }

    /// How many histories belong to stage 1.
    var stage1Count: Int
    /// Where each stage-2 history comes from, in results order.
    var slots: [Slot] = []
    /// The stage-2 settings, once its trainers are in the session (recorded in results).
    var stage2Config: Stage2Config?
    /// Whether stage 2 has been asked for and its trainers are being made (features extracted) on a worker.
    var preparingStage2 = false

    init(stage1Count: Int) { self.stage1Count = stage1Count }

    /// The histories of a session snapshot read as stages.
    func runSnapshot(_ s: SessionSnapshot) -> RunSnapshot {
        let stage2 = slots.map { slot -> RunHistory in
            switch slot {
            case .session(let i, _): return s.histories[i]
            case .fixed(let h, _): return h
            }
        }
        return RunSnapshot(stage1: Array(s.histories.prefix(stage1Count)), stage2: stage2,
                           stage2Bases: slots.map(\.base), stage2Started: stage2Config != nil,
                           stage2Config: stage2Config, preparingStage2: preparingStage2, progress: s.progress)
    }
}
