import Testing
@testable import NormscopeEngine

/// `Experiment.makeTrainers` shares the epoch-0 evaluation between regimes that start alike (every regime starts
/// from the same weights; only an L2-normalised classifier changes a fresh network's outputs): the trainers it
/// makes are those each regime makes on its own, record for record, and they train to the same bits.
struct MakeTrainersTests {
    static let recipe = DeterminismTests.recipe

    static func independent(_ exp: Experiment) -> [RegimeTrainer] {
        let data = TrainingData(exp.dataset)
        return exp.regimes.map { RegimeTrainer(regime: $0, config: exp.config, data: data) }
    }

    @Test("the same epoch-0 records and the same training, with and without BatchNorm, on 1 and 2 threads",
          arguments: [(false, 1), (false, 2), (true, 2)])
    func sharedEqualsIndependent(batchNorm: Bool, threads: Int) {
        var config = DeterminismTests.config
        config.batchNorm = batchNorm
        let exp = Experiment(recipe: Self.recipe, config: config)
        let shared = exp.makeTrainers(data: TrainingData(exp.dataset), threads: threads)
        let alone = Self.independent(exp)
        #expect(shared.map(\.plan.id) == alone.map(\.plan.id))
        for (a, b) in zip(shared, alone) {
            #expect(a.history.records == b.history.records, "\(a.plan.id) at epoch 0")
            a.runEpoch()
            b.runEpoch()
            #expect(a.history.records == b.history.records, "\(a.plan.id) after an epoch")
            #expect(a.network.parameters == b.network.parameters, "\(a.plan.id)'s weights")
        }
    }

    @Test("regimes in any order and subset: each kind's first trainer evaluates, the rest take its numbers")
    func anyOrder() {
        for regimes in [[Regime.wd, .l2norm, .naive], [.l2norm], [.maxnorm, .wdMaxnorm], Array(Regime.all.reversed())] {
            let exp = Experiment(recipe: Self.recipe, config: DeterminismTests.config, regimes: regimes)
            let shared = exp.makeTrainers(data: TrainingData(exp.dataset), threads: 2)
            #expect(shared.map(\.history.records) == Self.independent(exp).map(\.history.records), "\(regimes)")
        }
    }
}
