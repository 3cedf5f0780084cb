import Testing
@testable import NormscopeEngine

/// Thinning read data to other imbalance factors (`reproduce --dataset digits-lt`).
struct ResampleTests {
    static let digits = BuiltinDataset.digitsLT.load()

    @Test func atItsOwnFactorTheDataComeBackUnchanged() {
        #expect(Self.digits.imbalanceFactor == 20)
        #expect(Self.digits.resampleProblem(imbalance: 20) == nil)
        #expect(Self.digits.resampled(imbalance: 20, seed: 5) == Self.digits)
    }

    @Test func aLargerFactorThinsTheTrainingPartAlongTheProfile() {
        let d = Self.digits.resampled(imbalance: 100, seed: 1)
        let want = ImbalanceProfile.exponential.counts(classes: 10, maxPerClass: 120, imbalance: 100)
        #expect(d.classCounts == want.sorted(by: >))
        #expect(d.testFeatures == Self.digits.testFeatures)
        #expect(d.testLabels.map { d.labels[Int($0)] } == Self.digits.testLabels.map { Self.digits.labels[Int($0)] })
        // Every kept sample is one of the original's, with its label.
        let dim = 64
        var original: [[Float]: Int] = [:]
        for i in 0..<Self.digits.trainCount {
            original[Array(Self.digits.trainFeatures[(i * dim)..<((i + 1) * dim)])] = Self.digits.labels[Int(Self.digits.trainLabels[i])]
        }
        for i in 0..<d.trainCount {
            #expect(original[Array(d.trainFeatures[(i * dim)..<((i + 1) * dim)])] == d.labels[Int(d.trainLabels[i])])
        }
        #expect(d != Self.digits.resampled(imbalance: 100, seed: 2), "another seed keeps other samples")
        #expect(d == Self.digits.resampled(imbalance: 100, seed: 1))
    }

    @Test func aSmallerFactorIsRefused() {
        let p = Self.digits.resampleProblem(imbalance: 10)
        #expect(p == "digits-lt cannot be thinned to imbalance factor 10: class 2 (rank 2 of 10) has 86 training samples, the exponential profile from the most frequent class's 120 needs 92; its own factor is 20 — give factors of at least that")
        var c = ReproduceConfig(imbalances: [10], data: Self.digits)
        #expect(c.validationErrors().first == ConfigProblem(.imbalances, .cannotThin(reason: p!)))
        c.imbalances = [50, 20]
        #expect(c.validationErrors().isEmpty)
    }
}
