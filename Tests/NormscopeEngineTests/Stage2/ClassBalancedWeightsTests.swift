import Testing
@testable import NormscopeEngine

/// The effective-number weights of the class-balanced loss, against values computed by hand.
struct ClassBalancedWeightsTests {
    @Test func matchesHandComputedValues() {
        // raw_c = (1 - 0.9999) / (1 - 0.9999^n_c) for n = 500, 50, 5: 2.04963e-3, 2.00427e-2, 0.200002;
        // rescaled to sum to 3.
        let w = ClassBalancedWeights.weights(counts: [500, 50, 5], beta: 0.9999)
        let expected = [0.027689599633111177, 0.2707630215907054, 2.7015473787761835]
        for (a, b) in zip(w, expected) { #expect(abs(a - b) < 1e-12, "\(a) vs \(b)") }
    }

    @Test func sumsToTheNumberOfClasses() {
        let counts = DatasetRecipe.default.classCounts
        let w = ClassBalancedWeights.weights(counts: counts, beta: 0.9999)
        #expect(abs(w.reduce(0, +) - 100) < 1e-9)
        #expect(zip(w, w.dropFirst()).allSatisfy { $0 <= $1 }, "rarer classes weigh more")
        #expect(w.last! / w.first! > 40, "IF 100 at beta 0.9999: tail about 48 times the head")
    }

    @Test func betaZeroIsPlainCrossEntropy() {
        #expect(ClassBalancedWeights.weights(counts: [500, 7, 1], beta: 0) == [1, 1, 1])
    }

    @Test func aClassWithoutSamplesIsWeightedLikeOneSample() {
        let w = ClassBalancedWeights.weights(counts: [10, 1, 0], beta: 0.9999)
        let expected = [0.14291837725958553, 1.428540811370207, 1.428540811370207]
        for (a, b) in zip(w, expected) { #expect(abs(a - b) < 1e-12) }
    }
}
