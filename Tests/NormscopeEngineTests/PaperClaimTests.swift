import Testing
@testable import NormscopeEngine

/// The qualitative claims of the paper's Fig. 2, checked on a small, quick configuration.
struct PaperClaimTests {
    static let recipe = DatasetRecipe(name: "claims", classes: 20, dimension: 16, maxPerClass: 200, imbalance: 50,
                                      testPerClass: 20, modesPerClass: 3, latentDimension: 8, noise: 0.7)
    static let config = TrainingConfig(hidden: [64, 32], epochs: 30, seed: 1)

    /// Final norms of each regime, trained once for all tests.
    static let results: [String: RunHistory] = {
        let r = Experiment(recipe: recipe, config: config).run(threads: 2, timings: false)
        return Dictionary(uniqueKeysWithValues: r.runs.map { ($0.name, $0) })
    }()
    static let groups = recipe.classCounts.map(ClassGroup.init(trainingCount:))

    func mean(_ v: [Double], _ g: ClassGroup) -> Double {
        let x = zip(v, Self.groups).filter { $0.1 == g }.map(\.0)
        return x.reduce(0, +) / Double(x.count)
    }
    func final(_ name: String) -> [Double] { Self.results[name]!.finalNorms }
    func growth(_ name: String, _ g: ClassGroup) -> Double {
        let h = Self.results[name]!.records
        return mean(h.last!.norms, g) - mean(h[0].norms, g)
    }

    @Test func naiveHeadNormsGrowFasterThanTail() {
        #expect(growth("naive", .many) > 1.3 * growth("naive", .few))
        #expect(mean(final("naive"), .many) > mean(final("naive"), .few))
    }

    @Test func l2NormStaysAtExactlyOne() {
        for r in Self.results["l2norm"]!.records { for n in r.norms { #expect(abs(n - 1) < 1e-5) } }
    }

    @Test func weightDecayKeepsNormsSmallerThanNaive() {
        #expect(mean(final("wd"), .many) < mean(final("naive"), .many))
        #expect(mean(final("wd"), .few) < mean(final("naive"), .few))
        let spread = { (v: [Double]) in v.max()! - v.min()! }
        #expect(spread(final("wd")) < spread(final("naive")))
    }

    @Test func maxNormCapsTheHeadAndLetsTheTailGrow() {
        let r = Self.results["maxnorm"]!.maxNormRadius!
        #expect(final("maxnorm").allSatisfy { $0 <= r * (1 + 1e-5) })
        #expect(mean(final("maxnorm"), .many) > 0.98 * r, "head classes reach the cap")
        #expect(growth("maxnorm", .few) > 0, "tail classes still grow")
        #expect(mean(final("naive"), .many) > r, "without the cap the head would exceed it")
    }

    @Test func weightDecayPlusMaxNormIsSmallAndBalanced() {
        let v = final("wd+maxnorm")
        let ratio = { (v: [Double]) in mean(v, .many) / mean(v, .few) }
        #expect(ratio(v) < ratio(final("naive")))
        #expect(ratio(v) < ratio(final("wd")))
        #expect(v.max()! < final("naive").max()!)
    }

    @Test func longTailHurtsNaiveTraining() {
        let a = Self.results["naive"]!.accuracy
        #expect(a.many > a.few + 20)
    }
}
