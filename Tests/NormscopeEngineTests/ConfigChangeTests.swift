import Foundation
import NormscopeEngine
import Testing

/// Changes mid-run (`TrainingConfig.changes`): what each epoch trains with, who is affected, how results record
/// them, and how a live session schedules one at the first epoch no regime has started.
@Suite("scheduled changes")
struct ConfigChangeTests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 4, dimension: 3, maxPerClass: 20, imbalance: 5,
                                      testPerClass: 3, modesPerClass: 1, latentDimension: 2, noise: 0.5)

    static func config(epochs: Int = 6, changes: [ConfigChange] = []) -> TrainingConfig {
        TrainingConfig(hidden: [6], batchSize: 16, epochs: epochs, changes: changes)
    }

    static func results(_ config: TrainingConfig, threads: Int = 2) throws -> ResultsFile {
        Experiment(recipe: recipe, config: config).run(threads: threads, timings: false)
    }

    @Test("each epoch reads the settings in force; the learning rate keeps its cosine place with the new base")
    func settingsPerEpoch() {
        let changes = [ConfigChange(epoch: 3, setting: .learningRate, value: 0.1),
                       ConfigChange(epoch: 2, setting: .weightDecay, value: 0.05),
                       ConfigChange(epoch: 4, setting: .wdMaxNormRadius, value: 0.9),
                       ConfigChange(epoch: 4, setting: .wdMaxNormRadius, value: 0.8)]
        let c = Self.config(epochs: 10, changes: changes)
        let wdmn = TrainingPlan(regime: .wdMaxnorm, config: c), naive = TrainingPlan(regime: .naive, config: c)
        let s1 = wdmn.settings(epoch: 1, changes: changes, initialRadius: 0.6)
        #expect(s1.weightDecay == c.weightDecay && s1.radius == 0.6 && s1.learningRate == wdmn.learningRate(epoch: 1))
        let s5 = wdmn.settings(epoch: 5, changes: changes, initialRadius: 0.6)
        #expect(s5.weightDecay == 0.05 && s5.radius == 0.8, "the later of two changes at one epoch holds")
        #expect(s5.learningRate == 0.1 * (1 + cos(Double.pi * 5 / 10)) / 2)
        let n5 = naive.settings(epoch: 5, changes: changes, initialRadius: nil)
        #expect(n5.weightDecay == 0 && n5.radius == nil, "weight decay and radius do not reach naive")
        #expect(n5.learningRate == s5.learningRate, "the learning rate reaches every regime")
    }

    @Test("a weight-decay change leaves epochs before it and the regimes without weight decay untouched")
    func changeAffectsOnlyItsRegimesFromItsEpoch() throws {
        let plain = try Self.results(Self.config())
        let changed = try Self.results(Self.config(changes: [ConfigChange(epoch: 3, setting: .weightDecay, value: 0.2)]))
        for (a, b) in zip(plain.runs, changed.runs) {
            if a.id.base.weightDecay {
                #expect(a.records.prefix(4) == b.records.prefix(4), "\(a.name): epochs 0..2 as before")
                #expect(a.records[4].norms != b.records[4].norms, "\(a.name): epoch index 3 trains with the new decay")
            } else {
                #expect(a.records == b.records, "\(a.name) has no weight decay: unchanged")
            }
        }
    }

    @Test("results record the changes (and read back); without changes the file has no such key")
    func resultsRecordChanges() throws {
        let plain = try Self.results(Self.config(epochs: 2))
        #expect(!String(decoding: try plain.encoded(), as: UTF8.self).contains("\"changes\""))
        let c = ConfigChange(epoch: 1, setting: .maxNormRadius, value: 0.8)
        let changed = try Self.results(Self.config(epochs: 2, changes: [c]))
        let bytes = try changed.encoded()
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"changes\""))
        let back = try ResultsFile.decode(bytes, path: "x.json")
        #expect(back.config.training.changes == [c] && back == changed)
    }

    @Test("a change outside the run or out of its setting's range is refused by validation, naming it")
    func validation() {
        let late = Self.config(epochs: 5, changes: [ConfigChange(epoch: 5, setting: .momentum, value: 0.5)])
        #expect(late.validationErrors().map(\.description) == ["changes at epoch 5 is outside the run: give an epoch from 0 to 4 (epochs 5)"])
        let big = Self.config(epochs: 5, changes: [ConfigChange(epoch: 1, setting: .momentum, value: 1)])
        #expect(big.validationErrors().map(\.description) == ["momentum must be in [0, 1) (got 1.0)"])
    }

    @Test("the same schedule gives the same bits on 1 and 3 threads")
    func deterministic() throws {
        let c = Self.config(changes: [ConfigChange(epoch: 2, setting: .learningRate, value: 0.05),
                                      ConfigChange(epoch: 4, setting: .momentum, value: 0.5)])
        #expect(try Self.results(c, threads: 1).encoded() == Self.results(c, threads: 3).encoded())
    }

    @Test("a live change lands on the first epoch no regime has started, and the run equals one scheduled from the start")
    func sessionSchedulesAtNextEpoch() throws {
        let exp = Experiment(recipe: Self.recipe, config: Self.config())
        let run = StagedRun(stage1: exp.makeTrainers(data: TrainingData(exp.dataset)), threads: 2, epochLimit: 2)
        run.session.waitUntilIdleAtLimit()
        let c = try #require(run.session.changeFromNextEpoch(.weightDecay, to: 0.2))
        #expect(c == ConfigChange(epoch: 2, setting: .weightDecay, value: 0.2))
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(run.session.changeFromNextEpoch(.momentum, to: 0.5) == nil, "no stage-1 epoch left")
        let live = exp.results(of: run.snapshot(), stage2: nil, interrupted: false, changes: run.session.changes)
            .withoutTimings()
        let scheduled = try Self.results(Self.config(changes: [c]))
        #expect(try live.encoded() == scheduled.encoded())
    }
}
