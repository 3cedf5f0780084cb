@testable import NormscopeEngine
import Testing

/// Epochs held half-way (a live restart gives the CPU to the new run at once): let go, they give the same bits
/// as epochs never held; cancelled, they are abandoned and nothing half-done is recorded.
@Suite("epochs held at a mini-batch")
struct SuspendEpochsTests {
    /// A few hundred samples in batches of 16: an epoch has many mini-batches to be held at.
    static let experiment = Experiment(
        recipe: DatasetRecipe(name: "held", classes: 6, dimension: 8, maxPerClass: 80, imbalance: 10, seed: 3),
        config: TrainingConfig(hidden: [16, 8], batchSize: 16, epochs: 3))

    static func trainers() -> [RegimeTrainer] {
        experiment.makeTrainers(data: TrainingData(experiment.dataset))
    }

    @Test("an epoch asked before every mini-batch and let go is the epoch never asked; told no, it is abandoned")
    func trainerEpoch() {
        let plain = Self.trainers()[0], asked = Self.trainers()[0], abandoned = Self.trainers()[0]
        var questions = 0
        #expect(plain.runEpoch())
        #expect(asked.runEpoch(mayContinue: { questions += 1; return true }))
        #expect(questions == (plain.data.trainCount + 15) / 16, "asked once per mini-batch")
        #expect(asked.history.records == plain.history.records)
        var left = 3
        #expect(!abandoned.runEpoch(mayContinue: { left -= 1; return left >= 0 }))
        #expect(abandoned.history.records.count == 1 && abandoned.epoch == 0, "only epoch 0's record, no epoch counted")
    }

    @Test("held workers go on when let go: the histories of a session never held")
    func resumed() {
        let never = TrainingSession(trainers: Self.trainers(), threads: 2)
        never.start()
        never.waitUntilFinished()
        let held = TrainingSession(trainers: Self.trainers(), threads: 2)
        held.suspendEpochs()
        held.start()
        #expect(held.waitUntilHeld(2, timeout: 120), "both workers held in their first epochs")
        #expect(held.snapshot().progress.epochsTrained == 0)
        held.resumeEpochs()
        held.waitUntilFinished()
        #expect(held.snapshot().histories.map(\.records) == never.snapshot().histories.map(\.records))
    }

    @Test("held workers stop at once when the session is cancelled, and their half epochs are not recorded")
    func cancelled() {
        let session = TrainingSession(trainers: Self.trainers(), threads: 2)
        session.suspendEpochs()
        session.start()
        #expect(session.waitUntilHeld(2, timeout: 120), "both workers held in their first epochs")
        session.cancel()
        let s = session.snapshot()
        #expect(s.progress.epochsTrained == 0 && s.histories.allSatisfy { $0.records.count == 1 })
        #expect(session.read(\.running) == 0 && session.read(\.held) == 0)
    }
}
