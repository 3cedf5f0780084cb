import Testing
@testable import NormscopeEngine

/// A trainer evaluated after its last epoch only (`evaluatesEveryEpoch = false`, as `reproduce` trains) ends with
/// the same network, accuracy, norms and losses as one evaluated after every epoch.
struct FinalOnlyEvaluationTests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 10, dimension: 8, maxPerClass: 80, imbalance: 20,
                                      testPerClass: 10, modesPerClass: 2, latentDimension: 6, noise: 0.5)

    func trained(_ regime: Regime, everyEpoch: Bool) -> RegimeTrainer {
        let config = TrainingConfig(hidden: [24, 16], learningRate: 0.05, batchSize: 32, epochs: 5, seed: 7)
        let data = TrainingData(SyntheticGenerator.generate(Self.recipe, seed: 7))
        let t = RegimeTrainer(regime: regime, config: config, data: data)
        t.evaluatesEveryEpoch = everyEpoch
        while !t.isFinished { t.runEpoch() }
        return t
    }

    @Test(arguments: Regime.allCases)
    func finalStateIsTheSame(_ regime: Regime) {
        let every = trained(regime, everyEpoch: true), last = trained(regime, everyEpoch: false)
        #expect(last.network.parameters == every.network.parameters)
        #expect(last.history.accuracy == every.history.accuracy)
        #expect(last.history.records.last == every.history.records.last)
        #expect(last.history.records.map(\.epoch) == every.history.records.map(\.epoch))
        #expect(last.history.records.map(\.norms) == every.history.records.map(\.norms))
        #expect(last.history.records.map(\.trainLoss) == every.history.records.map(\.trainLoss))
    }

    @Test func epochsBeforeTheLastRepeatTheLastEvaluation() {
        let t = trained(.wd, everyEpoch: false)
        let records = t.history.records
        #expect(records.count == 6)
        for r in records.dropFirst().dropLast() { #expect(r.accuracy == records[0].accuracy) }
    }
}
