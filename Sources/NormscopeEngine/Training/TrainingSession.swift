import Foundation

/// Trains several plans side by side on worker threads, under the control of a driver (headless run or TUI).
///
/// Workers always pick the runnable trainer with the fewest epochs done, so all regimes advance together and
/// the figure fills evenly. The driver bounds progress with `epochLimit` (pace, pause, single steps) and reads
/// copies of the histories with `snapshot()`. Each trainer is run by one thread at a time and its results do
/// not depend on which thread or how many threads: the results are identical for any `threads`.
///
/// The session owns its trainers: once handed over, a trainer is touched only by the worker running it, and
/// outside the session only after it has finished for good (`finishedTrainer(at:)`). Everything else reads
/// immutable copies.
package final class TrainingSession: @unchecked Sendable {
    private let condition = NSCondition()
    private var trainers: [RegimeTrainer]
    private var busy: [Bool]
    private var histories: [RegimeHistory]
    private var limit: Int
    private var cancelled = false
    private var running = 0
    private var threads: [Thread] = []
    private var changeCount: UInt64 = 0
    /// Seconds during which at least one worker was training, up to `activeSince`.
    private var activeSeconds = 0.0
    /// When the workers last went from all idle to at least one training (nil while all are idle).
    private var activeSince: Date?
    private var samplesDone = 0
    /// Number of worker threads.
    package let threadCount: Int
    /// Training samples per epoch (for throughput).
    let samplesPerEpoch: Int
    /// What `elapsedSeconds` is measured with.
    private let clock: any LiveClock

    /// A session over `trainers` (one per regime, in display order) using `threads` workers; `clock` times the
    /// training (`elapsedSeconds`).
    package init(trainers: [RegimeTrainer], threads: Int, epochLimit: Int = .max, clock: any LiveClock = WallClock()) {
        precondition(Self.distinct(trainers), "a trainer was handed to the session twice")
        self.trainers = trainers
        busy = Array(repeating: false, count: trainers.count)
        histories = trainers.map(\.history)
        limit = epochLimit
        threadCount = max(1, min(threads, max(1, trainers.count)))
        samplesPerEpoch = trainers.first?.data.trainCount ?? 0
        self.clock = clock
    }

    /// Starts the worker threads (once).
    package func start() {
        condition.lock()
        defer { condition.unlock() }
        guard threads.isEmpty else { return }
        for i in 0..<threadCount {
            let t = Thread { [self] in workerLoop() }
            t.name = "normscope-train-\(i)"
            t.stackSize = 1 << 22
            threads.append(t)
            running += 1
            t.start()
        }
    }

    /// The most epochs any trainer may complete; raising it lets the workers continue.
    package var epochLimit: Int {
        get { condition.lock(); defer { condition.unlock() }; return limit }
        set { condition.lock(); limit = max(0, newValue); condition.broadcast(); condition.unlock() }
    }

    /// Lowers the epoch limit so that no trainer starts an epoch beyond those already under way (a pause):
    /// trainers behind catch up to the furthest one, then all wait. Returns the new limit.
    @discardableResult
    package func holdAtCurrentEpochs() -> Int {
        condition.lock()
        defer { condition.unlock() }
        var furthest = 0
        for (h, b) in zip(histories, busy) where !h.isFinished { furthest = max(furthest, h.epochsDone + (b ? 1 : 0)) }
        limit = min(limit, furthest)
        condition.broadcast()
        return limit
    }

    /// Asks the workers to stop after their current epoch and waits for them.
    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// A counter that grows whenever a history changes.
    package var version: UInt64 { condition.lock(); defer { condition.unlock() }; return changeCount }

    /// Whether every trainer has finished (or diverged).
    package var isFinished: Bool {
        condition.lock(); defer { condition.unlock() }
        return allFinished
    }

    /// Whether every trainer not yet finished has reached the epoch limit and is idle.
    package var isIdleAtLimit: Bool {
        condition.lock(); defer { condition.unlock() }
        return idleAtLimit
    }

    /// Blocks until every trainer not yet finished has reached the epoch limit and is idle (the state a pace,
    /// a pause or a single step leads to), or the session is cancelled. Returns at once when it already is.
    package func waitUntilIdleAtLimit() {
        condition.lock()
        while !cancelled && !idleAtLimit { condition.wait() }
        condition.unlock()
    }

    /// `isIdleAtLimit`, lock held.
    private var idleAtLimit: Bool {
        zip(trainers, busy).allSatisfy { t, b in !b && (t.isFinished || t.epoch >= limit) }
    }

    /// The fewest epochs completed by any trainer that can still run (the pace's reference: a finished stage 1
    /// does not hold back a longer stage 2); once all have finished, the most epochs any completed.
    package var epochsDone: Int {
        condition.lock(); defer { condition.unlock() }
        return histories.filter { !$0.isFinished }.map(\.epochsDone).min() ?? histories.map(\.epochsDone).max() ?? 0
    }

    /// Copies of all histories as they are now.
    package func snapshot() -> [RegimeHistory] {
        condition.lock(); defer { condition.unlock() }
        return histories
    }

    /// Wall-clock seconds during which training ran: the clock stands still while every worker is idle
    /// (paused, held by the pace, finished, waiting for stage 2).
    package var elapsedSeconds: Double {
        condition.lock(); defer { condition.unlock() }
        return activeSeconds + (activeSince.map { clock.now().timeIntervalSince($0) } ?? 0)
    }

    /// Training throughput over `elapsedSeconds`, in samples per second of training time.
    package var samplesPerSecond: Double {
        let t = elapsedSeconds
        condition.lock(); defer { condition.unlock() }
        return t > 0 ? Double(samplesDone) / t : 0
    }

    /// Waits until the version differs from `seen` or `timeout` seconds pass; returns the current version.
    @discardableResult
    package func waitForChange(after seen: UInt64, timeout: Double) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while changeCount == seen && !allFinished && !cancelled {
            if !condition.wait(until: deadline) { break }
        }
        return changeCount
    }

    /// Blocks until every trainer has finished or the session is cancelled.
    package func waitUntilFinished() {
        condition.lock()
        while !cancelled && !allFinished { condition.wait() }
        condition.unlock()
    }

    /// The trainer at `index` (in the order handed over) once it has finished for good (all epochs run, or
    /// diverged): no worker touches it again, so its network and data may be read. Nil while it can still run.
    func finishedTrainer(at index: Int) -> RegimeTrainer? {
        condition.lock(); defer { condition.unlock() }
        guard trainers.indices.contains(index), !busy[index], trainers[index].isFinished else { return nil }
        return trainers[index]
    }

    /// The number of trainers handed over so far.
    var trainerCount: Int { condition.lock(); defer { condition.unlock() }; return trainers.count }

    /// Hands more trainers to the session (for a new stage), keeping the worker threads; their histories
    /// follow the earlier ones in `snapshot()`.
    package func append(trainers newOnes: [RegimeTrainer]) {
        condition.lock()
        precondition(Self.distinct(trainers + newOnes), "a trainer was handed to the session twice")
        trainers += newOnes
        busy += Array(repeating: false, count: newOnes.count)
        histories += newOnes.map(\.history)
        changeCount &+= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Whether no trainer appears twice (two workers would run it at once).
    private static func distinct(_ trainers: [RegimeTrainer]) -> Bool {
        Set(trainers.map(ObjectIdentifier.init)).count == trainers.count
    }

    /// Whether every trainer is done, judged from the published histories (safe while workers run). Lock held.
    private var allFinished: Bool {
        zip(trainers, histories).allSatisfy { t, h in h.diverged != nil || h.epochsDone >= t.plan.epochs }
    }

    private func workerLoop() {
        condition.lock()
        while true {
            if cancelled { break }
            var pick = -1
            for i in trainers.indices where !busy[i] && !trainers[i].isFinished && trainers[i].epoch < limit {
                if pick < 0 || trainers[i].epoch < trainers[pick].epoch { pick = i }
            }
            if pick < 0 {
                condition.wait()
                continue
            }
            if !busy.contains(true) { activeSince = clock.now() }
            busy[pick] = true
            let trainer = trainers[pick]
            condition.unlock()
            trainer.runEpoch()
            let h = trainer.history
            condition.lock()
            histories[pick] = h
            busy[pick] = false
            samplesDone += samplesPerEpoch
            if !busy.contains(true), let since = activeSince {
                activeSeconds += clock.now().timeIntervalSince(since)
                activeSince = nil
            }
            changeCount &+= 1
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
