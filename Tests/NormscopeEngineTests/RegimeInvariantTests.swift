import Testing
@testable import NormscopeEngine

/// The defining property of each regime holds after every single optimizer step.
struct RegimeInvariantTests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 8, dimension: 8, maxPerClass: 60, imbalance: 20,
                                      testPerClass: 10, modesPerClass: 2, latentDimension: 4, noise: 0.5)
    static let config = TrainingConfig(hidden: [16, 12], learningRate: 0.05, batchSize: 16, epochs: 3,
                                       weightDecay: 5e-3, maxNorm: .radius(0.5), wdMaxNorm: .radius(0.5), seed: 11)

    func trainer(_ regime: Regime, config: TrainingConfig = Self.config) -> RegimeTrainer {
        let data = TrainingData(SyntheticGenerator.generate(Self.recipe, seed: config.seed))
        return RegimeTrainer(regime: regime, config: config, data: data)
    }

    @Test func maxNormRowsNeverExceedTheRadiusAfterAnyStep() {
        for regime in [Regime.maxnorm, .wdMaxnorm] {
            let t = trainer(regime)
            var steps = 0
            t.afterStep = { net in
                steps += 1
                for n in net.classifierNorms() { #expect(n <= 0.5 * (1 + 1e-5), "\(regime) step \(steps): \(n)") }
            }
            while !t.isFinished { t.runEpoch() }
            #expect(steps == 3 * ((t.data.trainCount + 15) / 16), "one check per mini-batch of every epoch")
            #expect(t.history.finalNorms.max()! > 0.49, "the cap is reached")
        }
    }

    @Test func eachMaxNormRegimeHasItsOwnRadius() {
        var c = Self.config
        c.maxNorm = .radius(0.7)
        c.wdMaxNorm = .radius(0.3)
        #expect(trainer(.maxnorm, config: c).radius == 0.7 && trainer(.wdMaxnorm, config: c).radius == 0.3)
        c.wdMaxNorm = nil  // results of version 0.1.0: one radius for both
        #expect(trainer(.wdMaxnorm, config: c).radius == 0.7)
        #expect(trainer(.wd, config: c).radius == nil)
        let d = TrainingConfig()
        #expect(d.maxNormRule(of: .maxnorm) == .radius(1.2) && d.maxNormRule(of: .wdMaxnorm) == .radius(0.6))
    }

    @Test func relativeRadiusFollowsTheOfficialRule() {
        var c = Self.config
        c.maxNorm = .relative(0.1)
        let t = trainer(.maxnorm, config: c)
        let initial = t.history.records[0].norms
        let expected = initial.min()! + 0.1 * (initial.max()! - initial.min()!)
        #expect(abs(t.radius! - expected) < 1e-12)
    }

    @Test func l2NormRowsHaveUnitNormAfterEveryStep() {
        let t = trainer(.l2norm)
        var steps = 0
        t.afterStep = { net in
            steps += 1
            for n in net.classifierNorms() { #expect(abs(n - 1) < 1e-5) }
        }
        while !t.isFinished { t.runEpoch() }
        #expect(steps > 0)
        for r in t.history.records { for n in r.norms { #expect(abs(n - 1) < 1e-5) } }
    }

    @Test func everyRegimeStartsFromTheSameWeights() {
        let first = Regime.all.map { trainer($0).network.parameters }
        for p in first.dropFirst() { #expect(p == first[0]) }
    }

    @Test func perEpochProjectionOnlyAtEpochEnds() {
        var c = Self.config
        c.maxNormEvery = .epoch
        c.maxNorm = .radius(0.3)
        let t = trainer(.maxnorm, config: c)
        var exceeded = false
        t.afterStep = { net in if net.classifierNorms().max()! > 0.3 * (1 + 1e-5) { exceeded = true } }
        while !t.isFinished { t.runEpoch() }
        #expect(exceeded, "between epoch ends rows may leave the ball")
        for r in t.history.records.dropFirst() { #expect(r.norms.max()! <= 0.3 * (1 + 1e-5)) }
    }

    @Test func weightDecayShrinksNormsComparedWithNaive() {
        let naive = trainer(.naive), wd = trainer(.wd, config: { var c = Self.config; c.weightDecay = 0.5; return c }())
        while !naive.isFinished { naive.runEpoch() }
        while !wd.isFinished { wd.runEpoch() }
        #expect(wd.history.finalNorms.reduce(0, +) < naive.history.finalNorms.reduce(0, +))
    }

    @Test func divergenceIsRecordedNotCrashed() {
        var c = Self.config
        c.learningRate = 10
        c.epochs = 30
        c.hidden = [64, 64]
        let t = trainer(.naive, config: c)
        while !t.isFinished { t.runEpoch() }
        let d = try! #require(t.history.diverged)
        #expect(d.epoch >= 1 && d.epoch <= 30)
        #expect(!d.reason.isEmpty)
        #expect(t.history.records.count == d.epoch)  // epochs before the bad one are kept
    }
}
