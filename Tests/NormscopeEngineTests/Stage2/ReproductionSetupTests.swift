import Testing
@testable import NormscopeEngine

/// `reproduce`'s trainers set up side by side, with shared initial evaluations, are the trainers each would
/// have been on its own: the same epoch-0 record, bit for bit.
struct ReproductionSetupTests {
    static let config = ReproductionTests.config

    /// A search candidate that evaluates its own initial network (nothing shared).
    static func freshCandidate(imbalance f: Double, weightDecay wd: Double) -> RegimeTrainer {
        let c = config, s0 = c.seeds[0]
        let split = TrainingData(c.dataset(imbalance: f, seed: s0).validationSplit(fraction: c.validationFraction, seed: s0))
        var t = c.training
        t.seed = s0
        t.weightDecay = wd
        return RegimeTrainer(regime: .wd, config: t, data: split)
    }

    @Test func searchCandidatesShareTheInitialEvaluationEachWouldHaveMade() {
        let (trainers, splits) = Reproduction.searchTrainers(Self.config, threads: 2)
        let grid = Self.config.searchedWeightDecays
        #expect(trainers.count == Self.config.imbalances.count * grid.count)
        #expect(Set(splits.keys) == Set(Self.config.imbalances))
        for (n, f) in Self.config.imbalances.enumerated() {
            for (k, wd) in grid.enumerated() {
                let shared = trainers[n * grid.count + k]
                #expect(shared.plan.weightDecay == wd)
                #expect(shared.history.records == Self.freshCandidate(imbalance: f, weightDecay: wd).history.records,
                        "IF \(f) wd \(wd)")
            }
        }
    }

    @Test func wdModelsTakeOverTheirNaiveTwinsInitialEvaluation() {
        let c = Self.config
        let data = Reproduction.trainingData(c, threads: 2)
        let keys = Reproduction.keys(c)
        var naive: [Reproduction.Key: RunHistory] = [:]
        for k in keys { naive[k] = Reproduction.trainer(c, data, .naive, k, wd: 0).history }
        let selections = c.imbalances.map { f in
            ReproduceReport.Selection(imbalance: f, weightDecayScores: [], weightDecay: 5e-3, tauScores: [], tau: 1)
        }
        let (shared, _) = Reproduction.wdTrainers(c, data, selections, naive: naive)
        let (own, _) = Reproduction.wdTrainers(c, data, selections, naive: [:])
        #expect(shared.count == keys.count)
        for (s, o) in zip(shared, own) { #expect(s.history.records == o.history.records) }
    }
}
