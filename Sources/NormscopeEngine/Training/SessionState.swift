import Foundation

/// Everything about a `TrainingSession` that changes, kept behind its one lock.
struct SessionState {
    var trainers: [RegimeTrainer]
    var busy: [Bool]
    var histories: [RunHistory]
    /// How a `StagedRun` reads the histories.
    var layout: StageLayout
    var limit: Int
    var cancelled = false
    /// Whether the epochs under way are held at their next mini-batch (`TrainingSession.suspendEpochs`).
    var suspended = false
    /// How many workers are held now.
    var held = 0
    var started = false
    var running = 0
    var changeCount: UInt64 = 0
    /// Seconds during which at least one worker was training, up to `activeSince`.
    var activeSeconds = 0.0
    /// When the workers last went from all idle to at least one training (nil while all are idle).
    var activeSince: Date?
    /// Epochs completed by all trainers together.
    var epochsTrained = 0
    /// The schedule of changes every trainer reads when it starts an epoch (handed out with its lease).
    var changes: [ConfigChange]

    init(trainers: [RegimeTrainer], limit: Int, layout: StageLayout, changes: [ConfigChange] = []) {
        self.trainers = trainers
        self.changes = changes
        busy = Array(repeating: false, count: trainers.count)
        histories = trainers.map(\.history)
        self.limit = limit
        self.layout = layout
    }

    /// Whether no trainer appears twice (two workers would run it at once).
    static func distinct(_ trainers: [RegimeTrainer]) -> Bool {
        Set(trainers.map(ObjectIdentifier.init)).count == trainers.count
    }

    /// Adds the trainers of a new stage.
    mutating func append(_ newOnes: [RegimeTrainer]) {
        precondition(Self.distinct(trainers + newOnes), "a trainer was handed to the session twice")
        trainers += newOnes
        busy += Array(repeating: false, count: newOnes.count)
        histories += newOnes.map(\.history)
        changeCount &+= 1
    }

    /// Whether every trainer is done, judged from the published histories (safe while workers run), and no
    /// further stage is being prepared.
    var allFinished: Bool {
        !layout.preparingStage2
            && zip(trainers, histories).allSatisfy { t, h in h.diverged != nil || h.epochsDone >= t.plan.epochs }
    }

    /// Whether every trainer not yet finished has reached the limit and is idle, and no stage is being prepared.
    var idleAtLimit: Bool {
        !layout.preparingStage2 && zip(trainers, busy).allSatisfy { t, b in !b && (t.isFinished || t.epoch >= limit) }
    }

    /// The fewest epochs completed by any trainer that can still run; once all have finished, the most.
    var epochsDone: Int {
        histories.filter { !$0.isFinished }.map(\.epochsDone).min() ?? histories.map(\.epochsDone).max() ?? 0
    }

    /// What a worker finds to do.
    enum Pick { case lease(TrainerLease), none, cancelled }

    /// The runnable trainer with the fewest epochs, marked busy (and the training clock started if all were
    /// idle); `.none` when nothing may run now.
    mutating func pick(now: Date) -> Pick {
        if cancelled { return .cancelled }
        var pick = -1
        for i in trainers.indices where !busy[i] && !trainers[i].isFinished && trainers[i].epoch < limit {
            if pick < 0 || trainers[i].epoch < trainers[pick].epoch { pick = i }
        }
        guard pick >= 0 else { return .none }
        if !busy.contains(true) { activeSince = now }
        busy[pick] = true
        return .lease(TrainerLease(index: pick, trainer: trainers[pick], changes: changes))
    }

    /// Publishes the history of the trainer at `index` after an epoch and marks it idle.
    mutating func finishEpoch(_ index: Int, history: RunHistory, now: Date) {
        histories[index] = history
        busy[index] = false
        epochsTrained += 1
        if !busy.contains(true), let since = activeSince {
            activeSeconds += now.timeIntervalSince(since)
            activeSince = nil
        }
        changeCount &+= 1
    }

    /// The trainer at `index` if it has finished for good (no worker will touch it again).
    func finishedLease(at index: Int) -> TrainerLease? {
        guard trainers.indices.contains(index), !busy[index], trainers[index].isFinished else { return nil }
        return TrainerLease(index: index, trainer: trainers[index], changes: changes)
    }

    /// The progress at `now`.
    func progress(now: Date, samplesPerEpoch: Int) -> TrainingProgress {
        let elapsed = activeSeconds + (activeSince.map { now.timeIntervalSince($0) } ?? 0)
        let samples = Double(epochsTrained * samplesPerEpoch)
        return TrainingProgress(version: changeCount, epochLimit: limit, isFinished: allFinished,
                                isIdleAtLimit: idleAtLimit, epochsDone: epochsDone, epochsTrained: epochsTrained,
                                elapsedSeconds: elapsed, samplesPerSecond: elapsed > 0 ? samples / elapsed : 0)
    }
}

/// A trainer handed out of the session's mutex: to the one worker that marked it busy, or to a reader once it
/// has finished for good.
///
/// The session's other unchecked part (with `ConditionLock`): the compiler cannot see that a class reference
/// taken out of the lock is used by one thread at a time; the session's `busy` flags guarantee it (a trainer is leased to a
/// worker only while no other worker has it, and to a reader only when no worker will run it again).
struct TrainerLease: @unchecked Sendable {
    let index: Int
    let trainer: RegimeTrainer
    /// The schedule of changes when the lease was taken: what the epoch it runs trains with.
    let changes: [ConfigChange]
}
