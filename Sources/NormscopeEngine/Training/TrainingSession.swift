import Foundation
import Synchronization

/// Trains several plans side by side on worker threads, under the control of a driver (headless run or TUI).
///
/// Workers always pick the runnable trainer with the fewest epochs done, so all regimes advance together and
/// the figure fills evenly. The driver bounds progress with `epochLimit` (pace, pause, single steps) and reads
/// everything at one moment with `snapshot()`. Each trainer is run by one thread at a time and its results do
/// not depend on which thread or how many threads: the results are identical for any `threads`.
///
/// The session owns its trainers: once handed over (`sending`), a trainer is touched only by the worker running
/// it, and outside the session only after it has finished for good (`finishedTrainer(at:)`). Everything else
/// reads immutable copies. All mutable state is behind one lock (`ConditionLock`, `Mutex`'s API with a
/// condition to wait on), so the compiler checks the class is `Sendable`.
package final class TrainingSession: Sendable {
    private let state: ConditionLock<SessionState>
    /// Number of worker threads.
    package let threadCount: Int
    /// Training samples per epoch (for throughput).
    let samplesPerEpoch: Int
    /// What `elapsedSeconds` is measured with.
    private let clock: any LiveClock
    /// `suspended` of the state, read without the lock before every mini-batch (the lock is taken only while set).
    private let holding = Atomic<Bool>(false)

    /// A session over `trainers` (one per regime, in display order) using `threads` workers; `clock` times the
    /// training (`elapsedSeconds`). `layout` says how a `StagedRun` reads the histories (default: all stage 1).
    /// `changes` is the schedule the trainers start with (see `changeFromNextEpoch`).
    package init(trainers: sending [RegimeTrainer], threads: Int, epochLimit: Int = .max,
                 clock: any LiveClock = WallClock(), layout: StageLayout? = nil, changes: [ConfigChange] = []) {
        precondition(SessionState.distinct(trainers), "a trainer was handed to the session twice")
        threadCount = max(1, min(threads, max(1, trainers.count)))
        samplesPerEpoch = trainers.first?.data.trainCount ?? 0
        self.clock = clock
        state = ConditionLock(SessionState(trainers: trainers, limit: epochLimit,
                                   layout: layout ?? StageLayout(stage1Count: trainers.count), changes: changes))
    }

    /// Runs `body` on the state under the lock and wakes every waiter.
    func change<R: Sendable>(_ body: (inout SessionState) -> R) -> R {
        state.withLock(notify: true) { s in body(&s) }
    }

    /// Reads the state under the lock.
    func read<R: Sendable>(_ body: (borrowing SessionState) -> R) -> R {
        state.withLock { s in body(s) }
    }

    /// Blocks until `done` holds of the state.
    private func wait(until done: (borrowing SessionState) -> Bool) {
        state.wait(done)
    }

    /// Starts the worker threads (once).
    package func start() {
        let count = change { s -> Int in
            guard !s.started else { return 0 }
            s.started = true
            s.running = threadCount
            return threadCount
        }
        for i in 0..<count {
            let t = Thread { [self] in workerLoop() }
            t.name = "normscope-train-\(i)"
            t.stackSize = 1 << 22
            t.start()
        }
    }

    /// The most epochs any trainer may complete; raising it lets the workers continue.
    package var epochLimit: Int {
        get { read(\.limit) }
        set { change { $0.limit = max(0, newValue) } }
    }

    /// Lowers the epoch limit so that no trainer starts an epoch beyond those already under way (a pause):
    /// trainers behind catch up to the furthest one, then all wait. Returns the new limit.
    @discardableResult
    package func holdAtCurrentEpochs() -> Int {
        change { s in
            var furthest = 0
            for (h, b) in zip(s.histories, s.busy) where !h.isFinished { furthest = max(furthest, h.epochsDone + (b ? 1 : 0)) }
            s.limit = min(s.limit, furthest)
            return s.limit
        }
    }

    /// Releases one more epoch when every runnable trainer is idle at the limit: the limit becomes the pace's
    /// reference (`epochsDone`) plus one. Returns whether it did (one step of a pace, atomically).
    @discardableResult
    package func releaseNextEpochIfIdle() -> Bool {
        change { s in
            guard s.idleAtLimit else { return false }
            s.limit = s.epochsDone + 1
            return true
        }
    }

    /// Holds the epochs under way at their next mini-batch (a live restart: the old run gives the CPU to the
    /// building of the new one at once, rather than after its epochs). `resumeEpochs` lets them go on as if never
    /// held (the same results); `cancel` abandons them half-way, and their trainers are never used again.
    package func suspendEpochs() {
        change { $0.suspended = true }
        holding.store(true, ordering: .sequentiallyConsistent)
    }

    /// Lets the epochs held by `suspendEpochs` go on.
    package func resumeEpochs() {
        holding.store(false, ordering: .sequentiallyConsistent)
        change { $0.suspended = false }
    }

    /// Whether an epoch under way may go on to its next mini-batch: at once unless held; held, it waits for
    /// `resumeEpochs` (true) or `cancel` (false).
    private func mayContinueEpoch() -> Bool {
        guard holding.load(ordering: .sequentiallyConsistent) else { return true }
        change { $0.held += 1 }
        defer { change { $0.held -= 1 } }
        return state.waitFor { s -> Bool? in s.cancelled ? false : (s.suspended ? nil : true) }
    }

    /// Blocks until `count` workers are held in their epochs (see `suspendEpochs`) or the session is cancelled,
    /// at most `timeout` seconds; returns whether they are.
    @discardableResult
    package func waitUntilHeld(_ count: Int, timeout: Double) -> Bool {
        state.wait(until: Date().addingTimeInterval(timeout)) { $0.cancelled || $0.held >= count }
            && read { $0.held >= count }
    }

    /// Asks the workers to stop after their current epoch (or at once, in an epoch held by `suspendEpochs`) and
    /// waits for them.
    package func cancel() {
        change { $0.cancelled = true }
        wait { $0.running == 0 }
    }

    /// Whether the session was cancelled (its workers stop, or have stopped).
    package var isCancelled: Bool { read(\.cancelled) }

    /// A counter that grows whenever a history changes.
    package var version: UInt64 { read(\.changeCount) }

    /// Whether every trainer has finished (or diverged) and no stage is being prepared.
    package var isFinished: Bool { read(\.allFinished) }

    /// Whether every trainer not yet finished has reached the epoch limit and is idle (and no stage is being
    /// prepared).
    package var isIdleAtLimit: Bool { read(\.idleAtLimit) }

    /// Blocks until every trainer not yet finished has reached the epoch limit and is idle (the state a pace,
    /// a pause or a single step leads to), or the session is cancelled. Returns at once when it already is.
    package func waitUntilIdleAtLimit() { wait { $0.cancelled || $0.idleAtLimit } }

    /// The fewest epochs completed by any trainer that can still run (the pace's reference: a finished stage 1
    /// does not hold back a longer stage 2); once all have finished, the most epochs any completed.
    package var epochsDone: Int { read(\.epochsDone) }

    /// Every history, the stage layout and the progress, all at one moment (one acquisition of the lock).
    package func snapshot() -> SessionSnapshot {
        let now = clock.now()
        return read { s in
            SessionSnapshot(histories: s.histories, layout: s.layout,
                            progress: s.progress(now: now, samplesPerEpoch: samplesPerEpoch))
        }
    }

    /// Wall-clock seconds during which training ran: the clock stands still while every worker is idle
    /// (paused, held by the pace, finished, waiting for stage 2).
    package var elapsedSeconds: Double { snapshot().progress.elapsedSeconds }

    /// Training throughput over `elapsedSeconds`, in samples per second of training time.
    package var samplesPerSecond: Double { snapshot().progress.samplesPerSecond }

    /// Waits until the version differs from `seen` or `timeout` seconds pass; returns the current version.
    @discardableResult
    package func waitForChange(after seen: UInt64, timeout: Double) -> UInt64 {
        let deadline = Date().addingTimeInterval(timeout)
        state.wait(until: deadline) { $0.changeCount != seen || $0.allFinished || $0.cancelled }
        return version
    }

    /// Blocks until every trainer has finished or the session is cancelled.
    package func waitUntilFinished() { wait { $0.cancelled || $0.allFinished } }

    /// The trainer at `index` (in the order handed over) once it has finished for good (all epochs run, or
    /// diverged): no worker touches it again, so its network and data may be read. Nil while it can still run.
    func finishedTrainer(at index: Int) -> RegimeTrainer? {
        read { s in s.finishedLease(at: index) }?.trainer
    }

    /// The number of trainers handed over so far.
    var trainerCount: Int { read(\.trainers.count) }

    /// Changes the stage layout (a `StagedRun` marks stage 2 as being prepared); `body` also gets whether every
    /// trainer has finished, read in the same step. A change of stage counts as a change (`version`). Returns
    /// what `body` returns.
    func updateLayout<R: Sendable>(_ body: (inout StageLayout, Bool) -> R) -> R {
        change { s in
            let finished = s.allFinished
            let before = (s.layout.preparingStage2, s.layout.stage2Config)
            let r = body(&s.layout, finished)
            if before != (s.layout.preparingStage2, s.layout.stage2Config) { s.changeCount &+= 1 }
            return r
        }
    }

    /// Hands more trainers to the session (for a new stage), keeping the worker threads; their histories
    /// follow the earlier ones in `snapshot()`. `layout` (if given) replaces the stage layout in the same step,
    /// so no snapshot sees the new trainers without it.
    package func append(trainers newOnes: sending [RegimeTrainer], layout: StageLayout? = nil) {
        change { s in
            s.append(newOnes)
            if let layout { s.layout = layout }
        }
    }

    private func workerLoop() {
        while let lease = nextTrainer() {
            // An epoch abandoned half-way (held, then cancelled) is not recorded: the session is over.
            guard lease.trainer.runEpoch(changes: lease.changes, mayContinue: { [self] in mayContinueEpoch() }) else { break }
            let h = lease.trainer.history
            let now = clock.now()
            change { s in s.finishEpoch(lease.index, history: h, now: now) }
        }
        change { $0.running -= 1 }
    }

    /// Waits for a trainer to run and marks it busy; nil once the session is cancelled.
    private func nextTrainer() -> TrainerLease? {
        state.waitFor { s -> TrainerLease?? in
            switch s.pick(now: clock.now()) {
            case .cancelled: return .some(nil)
            case .lease(let l): return l
            case .none: return nil
            }
        }
    }
}
