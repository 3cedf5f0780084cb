import Foundation

/// The one pipeline every driver uses (`run`, the live view, `reproduce`): stage-1 trainers in a
/// `TrainingSession`, then, on request, their stage-2 continuations in the same session.
///
/// It owns the session and through it every trainer; drivers see only `RunSnapshot`s, immutable copies taken
/// in one acquisition of the session's mutex (the stage layout lives there too). A base that diverged in
/// stage 1 gets, for every variant asked of it, a history marked diverged at epoch 0 ("base regime wd
/// diverged at epoch 3"), so every driver reports the same thing.
package final class StagedRun: Sendable {
    /// The worker session (thread-safe; for pacing: epoch limits, pause, wait).
    package let session: TrainingSession
    /// The stage-1 runs, in the order given.
    package let stage1IDs: [RunID]

    /// Takes over `stage1` (no one else may keep using them) and starts `threads` workers under `epochLimit`;
    /// `clock` times the training; `changes` is the schedule of mid-run changes the trainers start with.
    package init(stage1: sending [RegimeTrainer], threads: Int, epochLimit: Int = .max, clock: any LiveClock = WallClock(),
                 changes: [ConfigChange] = []) {
        stage1IDs = stage1.map(\.plan.id)
        session = TrainingSession(trainers: stage1, threads: threads, epochLimit: epochLimit, clock: clock,
                                  changes: changes)
        session.start()
    }

    /// Stage-2 settings once stage 2's trainers are in the session (recorded in results).
    package var stage2Config: Stage2Config? { session.snapshot().layout.stage2Config }

    /// Whether stage 2 has been started (its trainers are in the session).
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

    /// Starts stage 2 on the calling thread once every stage-1 run has finished; returns whether stage 2 is
    /// running (or done, or being prepared). `config` is what results record; each request may narrow its
    /// variants or change its tau. Frozen features are computed once per base, however many requests name it.
    @discardableResult
    package func startStage2(_ config: Stage2Config, requests: [Request]) -> Bool {
        guard let claimed = claimStage2() else { return false }
        if claimed { prepareStage2(config, requests: requests) }
        return true
    }

    /// `startStage2` on a worker thread, for a driver that must not block (the live view): returns at once.
    /// Until the stage-2 trainers are in, snapshots say `preparingStage2` and the session is not finished.
    @discardableResult
    package func beginStage2(_ config: Stage2Config, requests: [Request]) -> Bool {
        guard let claimed = claimStage2() else { return false }
        if claimed {
            let t = Thread { [self] in prepareStage2(config, requests: requests) }
            t.name = "normscope-stage2"
            t.stackSize = 1 << 22
            t.start()
        }
        return true
    }

    /// Marks stage 2 as being prepared if stage 1 has finished and stage 2 was not asked for yet: true when
    /// this call claimed it, false when it was claimed before, nil while stage 1 is still running.
    private func claimStage2() -> Bool? {
        session.updateLayout { layout, finished -> Bool? in
            if layout.stage2Config != nil || layout.preparingStage2 { return false }
            guard finished else { return nil }
            layout.preparingStage2 = true
            return true
        }
    }

    /// Makes the stage-2 trainers (features extracted from each finished base) and hands them to the
    /// session with their layout, in one step.
    private func prepareStage2(_ config: Stage2Config, requests: [Request]) {
        var layout = session.snapshot().layout
        let continued = continuations(requests)
        var trainers: [RegimeTrainer] = []
        var next = session.trainerCount
        for (i, r) in requests.enumerated() {
            guard let base = session.finishedTrainer(at: r.base) else { continue }
            if let d = base.history.diverged {
                for v in r.config.variants {
                    let h = RunHistory(id: RunID(base.plan.id.base, v), plannedEpochs: v.isPostHoc ? 0 : r.config.epochs,
                                          diverged: Divergence(epoch: 0, reason: "base regime \(base.plan.id.name) diverged at epoch \(d.epoch)"),
                                          stage2StartEpoch: 0)
                    layout.slots.append(.fixed(h, base: r.base))
                }
                continue
            }
            for run in continued[i]!.runs {
                switch run {
                case .training(let t):
                    trainers.append(t)
                    layout.slots.append(.session(index: next, base: r.base))
                    next += 1
                case .finished(let h):
                    layout.slots.append(.fixed(h, base: r.base))
                }
            }
        }
        layout.stage2Config = config
        layout.preparingStage2 = false
        session.append(trainers: trainers, layout: layout)
    }

    /// The continuation of every request on a finished base that did not diverge, by request index. Each base's
    /// features are extracted once, however many requests name it; the bases are worked on side by side on the
    /// session's threads (each only reads its own finished network and data, so the same results as one by one).
    private func continuations(_ requests: [Request]) -> [Int: Stage2Continuation] {
        var bases: [Int] = []
        var finished: [Int: RegimeTrainer] = [:]
        for r in requests where finished[r.base] == nil {
            guard let t = session.finishedTrainer(at: r.base), t.history.diverged == nil else { continue }
            finished[r.base] = t
            bases.append(r.base)
        }
        let made = Parallel.map(bases.indices, width: session.threadCount) { b -> [(Int, Stage2Continuation)] in
            let base = finished[bases[b]]!
            let feats = Stage2.features(of: base.network, data: base.data)
            return requests.indices.filter { requests[$0].base == bases[b] }.map { i in
                (i, Stage2.continuation(after: base, config: requests[i].config, features: feats))
            }
        }
        return Dictionary(uniqueKeysWithValues: made.joined().map { $0 })
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

    /// Every history and the progress at one moment (one acquisition of the session's mutex).
    package func snapshot() -> RunSnapshot {
        let s = session.snapshot()
        return s.layout.runSnapshot(s)
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

    /// Stops the workers after the epochs under way, or at once when they are held (`session.suspendEpochs`),
    /// and waits for them.
    package func stop() { session.cancel() }
}

