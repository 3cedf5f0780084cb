import Testing
@testable import NormscopeEngine

/// Class-count profiles and the Many/Medium/Few grouping.
struct ProfileTests {
    @Test func cifar100LTExponentialProfileHas10847Samples() {
        let counts = ImbalanceProfile.exponential.counts(classes: 100, maxPerClass: 500, imbalance: 100)
        #expect(counts.count == 100)
        #expect(counts.reduce(0, +) == 10_847)
        #expect(counts.first == 500)
        #expect(counts.last == 5)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func imbalanceFactorsOfThePaper() {
        #expect(ImbalanceProfile.exponential.counts(classes: 100, maxPerClass: 500, imbalance: 50).reduce(0, +) == 12_608)
        #expect(ImbalanceProfile.exponential.counts(classes: 100, maxPerClass: 500, imbalance: 10).reduce(0, +) == 19_573)
    }

    @Test func stepProfileHalvesTheClasses() {
        let counts = ImbalanceProfile.step.counts(classes: 10, maxPerClass: 500, imbalance: 100)
        #expect(counts == [500, 500, 500, 500, 500, 5, 5, 5, 5, 5])
    }

    @Test func groupsFollowThePaperThresholds() {
        #expect(ClassGroup(trainingCount: 101) == .many)
        #expect(ClassGroup(trainingCount: 100) == .medium)
        #expect(ClassGroup(trainingCount: 20) == .medium)
        #expect(ClassGroup(trainingCount: 19) == .few)
        let groups = ImbalanceProfile.exponential.counts(classes: 100, maxPerClass: 500, imbalance: 100)
            .map(ClassGroup.init(trainingCount:))
        #expect(groups.filter { $0 == .many }.count == 35)
        #expect(groups.filter { $0 == .few }.count == 30)
    }

    @Test func generatorIsDeterministicAndOrdersClassesByFrequency() {
        let recipe = DatasetRecipe(classes: 10, dimension: 8, maxPerClass: 50, imbalance: 10, testPerClass: 5)
        let a = SyntheticGenerator.generate(recipe, seed: 3)
        let b = SyntheticGenerator.generate(recipe, seed: 3)
        let c = SyntheticGenerator.generate(recipe, seed: 4)
        #expect(a == b)
        #expect(a.trainFeatures != c.trainFeatures)
        #expect(a.classCounts == recipe.classCounts)
        #expect(a.testCount == 50)
        #expect(a.trainFeatures.allSatisfy { $0.isFinite })
    }
}
