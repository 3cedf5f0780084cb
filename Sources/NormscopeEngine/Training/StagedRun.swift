/// The one pipeline every driver uses (`run`, the live view, `reproduce`): stage-1 trainers in a
/// `TrainingSession`, then, on request, their stage-2 continuations in the same session.
///
/// It owns the session and through it every trainer; drivers see only `RunSnapshot`s, immutable copies.
/// A base that diverged in stage 1 gets, for every variant asked of it, a history marked diverged at epoch 0
/// ("base regime wd diverged at epoch 3"), so every driver reports the same thing. Driven from one thread.
package final class StagedRun {
    /// The worker session (thread-safe; for pacing: epoch limits, pause, wait).
    package let session: TrainingSession
    /// The stage-1 runs, in the order given.
    package let stage1IDs: [RunID]
    /// Stage-2 settings once stage 2 has started (recorded in results).
    package private(set) var stage2Config: Stage2Config?
    /// Where each stage-2 history comes from, in results order.
    private var slots: [Slot] = []

    /// One stage-2 result: trained in the session at an index, or already final.
    private enum Slot {
        case session(index: Int, base: Int)
        case fixed(RegimeHistory, base: Int)

        var base: Int {
            switch self {
            case .session(_, let b), .fixed(_, let b): return b
            }
        }
    }

    /// Takes over `stage1` (no one else may keep using them) and starts `threads` workers under `epochLimit`;
    /// `clock` times the training.
    package init(stage1: [RegimeTrainer], threads: Int, epochLimit: Int = .max, clock: any LiveClock = WallClock()) {
        stage1IDs = stage1.map(\.plan.id)
        session = TrainingSession(trainers: stage1, threads: threads, epochLimit: epochLimit, clock: clock)
        session.start()
    }

    /// Whether stage 2 has been started.
    package var stage2Started: Bool { stage2Config != nil }

    /// What stage 2 continues: a stage-1 run (its index) with the variants and settings of `config`.
    package struct Request: Sendable {
        package var base: Int
        package var config: Stage2Config

        package init(base: Int, config: Stage2Config) {
            self.base = base
            self.config = config
        }
    }

    /// Starts stage 2 once every stage-1 run has finished; returns whether stage 2 is running (or done).
    /// `config` is what results record; each request may narrow its variants or change its tau.
    /// Frozen features are computed once per base, however many requests name it.
    @discardableResult
    package func startStage2(_ config: Stage2Config, requests: [Request]) -> Bool {
        if stage2Started { return true }
        guard session.isFinished else { return false }
        var features: [Int: TrainingData] = [:]
        var trainers: [RegimeTrainer] = []
        var next = session.trainerCount
        for r in requests {
            guard let base = session.finishedTrainer(at: r.base) else { continue }
            if let d = base.history.diverged {
                for v in r.config.variants {
                    let h = RegimeHistory(id: RunID(base.plan.id.base, v), plannedEpochs: v.isPostHoc ? 0 : r.config.epochs,
                                          diverged: Divergence(epoch: 0, reason: "base regime \(base.plan.id.name) diverged at epoch \(d.epoch)"),
                                          stage2StartEpoch: 0)
                    slots.append(.fixed(h, base: r.base))
                }
                continue
            }
            let feats = features[r.base] ?? Stage2.features(of: base.network, data: base.data)
            features[r.base] = feats
            for run in Stage2.continuation(after: base, config: r.config, features: feats).runs {
                switch run {
                case .training(let t):
                    trainers.append(t)
                    slots.append(.session(index: next, base: r.base))
                    next += 1
                case .finished(let h):
                    slots.append(.fixed(h, base: r.base))
                }
            }
        }
        stage2Config = config
        session.append(trainers: trainers)
        return true
    }

    /// The requests of `config` on this run: every base it names that is among the stage-1 runs, with its variants.
    package func requests(_ config: Stage2Config) -> [Request] {
        config.bases.compactMap { base in
            stage1IDs.firstIndex(of: RunID(base)).map { Request(base: $0, config: config) }
        }
    }

    /// The trained network of stage-1 run `index` once it has finished (nil before, or if it diverged).
    func finishedStage1(_ index: Int) -> RegimeTrainer? {
        guard index < stage1IDs.count, let t = session.finishedTrainer(at: index), t.history.diverged == nil else { return nil }
        return t
    }

    /// An immutable copy of every history as it is now.
    package func snapshot() -> RunSnapshot {
        let all = session.snapshot()
        let stage2 = slots.map { slot -> RegimeHistory in
            switch slot {
            case .session(let i, _): return all[i]
            case .fixed(let h, _): return h
            }
        }
        return RunSnapshot(stage1: Array(all.prefix(stage1IDs.count)), stage2: stage2,
                           stage2Bases: slots.map(\.base), stage2Started: stage2Started)
    }

    /// Trains to the end: stage 1, then (with `stage2`) its continuations of `requests` (default:
    /// `requests(stage2)`). `progress` gets a snapshot whenever an epoch finishes; `shouldStop` is polled a few
    /// times a second and, when true, stops after the epochs under way. Returns whether everything planned was
    /// trained.
    func runToEnd(stage2: Stage2Config?, requests: [Request]? = nil,
                         progress: (RunSnapshot) -> Void = { _ in },
                         shouldStop: () -> Bool = { false }) -> Bool {
        var seen: UInt64 = 0
        defer { session.cancel() }
        while true {
            // A stop asked for is honoured even when the workers have just finished (a tiny run can finish
            // before the first poll): the caller asked for nothing to be reported.
            if shouldStop() { return false }
            if session.isFinished {
                guard let s = stage2, !stage2Started else { break }
                startStage2(s, requests: requests ?? self.requests(s))
                progress(snapshot())
                continue
            }
            let v = session.waitForChange(after: seen, timeout: 0.1)
            if v != seen { seen = v; progress(snapshot()) }
        }
        return true
    }

    /// Stops the workers after the epochs under way (and waits for them).
    package func stop() { session.cancel() }
}

/// Every history of a `StagedRun` at one moment: immutable, safe to keep, draw and write.
package struct RunSnapshot: Sendable {
    /// Stage-1 histories, in run order.
    package var stage1: [RegimeHistory]
    /// Stage-2 histories, in results order (bases in request order, each with its variants).
    package var stage2: [RegimeHistory]
    /// For each stage-2 history, the index in `stage1` of its base.
    package var stage2Bases: [Int]
    /// Whether stage 2 has started.
    package var stage2Started: Bool

    package init(stage1: [RegimeHistory], stage2: [RegimeHistory] = [], stage2Bases: [Int] = [],
                stage2Started: Bool = false) {
        self.stage1 = stage1
        self.stage2 = stage2
        self.stage2Bases = stage2Bases
        self.stage2Started = stage2Started
    }

    /// Every history, stage 1 first: the order of a results file.
    package var all: [RegimeHistory] { stage1 + stage2 }

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
    package func stage2(of base: Int, _ variant: Stage2Variant) -> RegimeHistory? {
        zip(stage2, stage2Bases).first { $0.1 == base && $0.0.id.variant == variant }?.0
    }
}
