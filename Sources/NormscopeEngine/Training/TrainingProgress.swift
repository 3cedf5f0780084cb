import Foundation

/// Where a `TrainingSession` stands at one moment: counters, limits and timing, read together with its
/// histories (`SessionSnapshot`).
package struct TrainingProgress: Sendable, Equatable {
    /// Grows whenever a history changes (or trainers are added).
    package var version: UInt64 = 0
    /// The most epochs any trainer may complete.
    package var epochLimit: Int = 0
    /// Whether every trainer has finished (or diverged) and no stage is being prepared.
    package var isFinished = false
    /// Whether every runnable trainer is idle at the limit.
    package var isIdleAtLimit = false
    /// The pace's reference: the fewest epochs of any trainer that can still run (the most, once all finished).
    package var epochsDone = 0
    /// Epochs completed by all trainers together (each finished epoch adds one).
    package var epochsTrained = 0
    /// Seconds during which at least one worker trained.
    package var elapsedSeconds = 0.0
    /// Training samples per second of `elapsedSeconds`.
    package var samplesPerSecond = 0.0

    package init() {}

    init(version: UInt64, epochLimit: Int, isFinished: Bool, isIdleAtLimit: Bool, epochsDone: Int,
         epochsTrained: Int, elapsedSeconds: Double, samplesPerSecond: Double) {
        self.version = version
        self.epochLimit = epochLimit
        self.isFinished = isFinished
        self.isIdleAtLimit = isIdleAtLimit
        self.epochsDone = epochsDone
        self.epochsTrained = epochsTrained
        self.elapsedSeconds = elapsedSeconds
        self.samplesPerSecond = samplesPerSecond
    }
}
