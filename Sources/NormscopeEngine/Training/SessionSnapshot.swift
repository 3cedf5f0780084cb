/// Everything a `TrainingSession` holds that a reader may see, taken in one acquisition of its mutex: no
/// history is newer than another or than the progress.
package struct SessionSnapshot: Sendable {
    /// Every history, in the order the trainers were handed over.
    package var histories: [RunHistory]
    /// How a `StagedRun` reads them.
    package var layout: StageLayout
    /// Counters, limits and timing at the same moment.
    package var progress: TrainingProgress
}
