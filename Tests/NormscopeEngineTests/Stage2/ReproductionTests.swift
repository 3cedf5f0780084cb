import Foundation
import Testing
@testable import NormscopeEngine

/// `normscope reproduce` on a tiny configuration: a complete table, deterministic, searched without the test set.
struct ReproductionTests {
    static let config: ReproduceConfig = {
        let recipe = DatasetRecipe(name: "tiny", classes: 10, dimension: 8, maxPerClass: 150, imbalance: 1,
                                   testPerClass: 10, modesPerClass: 2, latentDimension: 6, noise: 0.5)
        var s2 = Stage2Config(epochs: 2)
        s2.bases = [.wd]
        return ReproduceConfig(recipe: recipe, imbalances: [100, 10], seeds: [3, 4],
                               training: TrainingConfig(hidden: [16], learningRate: 0.05, batchSize: 32, epochs: 3),
                               weightDecayGrid: [1e-3, 5e-3], tauGrid: [0, 0.5, 1], stage2: s2)
    }()

    static let report = Reproduction.run(config, threads: 2, timings: false)!

    @Test func tableIsComplete() {
        let r = Self.report
        #expect(r.rows.map(\.method) == ReproduceMethod.allCases)
        for row in r.rows {
            #expect(row.cells.map(\.imbalance) == [100, 10])
            for cell in row.cells {
                #expect(cell.seeds == [3, 4] && cell.perSeed.count == 2)
                #expect(cell.mean.all.isFinite && cell.spread.all >= 0)
                #expect(cell.groupSizes.reduce(0, +) == 10)
            }
        }
        #expect(r.selections.map(\.imbalance) == [100, 10])
        for s in r.selections {
            #expect(s.weightDecayScores.map(\.value) == [1e-3, 5e-3] && [1e-3, 5e-3].contains(s.weightDecay))
            #expect(s.tauScores.map(\.value) == [0, 0.5, 1] && [0, 0.5, 1].contains(s.tau))
        }
        #expect(r.claims.count == 9 && r.claims.allSatisfy { $0.holds != nil })
        #expect(r.notes.isEmpty && r.seconds == 0)
    }

    @Test func meanAndSpreadSummariseTheSeeds() {
        let cell = Self.report.row(.wd)!.cell(100)!
        let v = cell.perSeed.map(\.all)
        #expect(abs(cell.mean.all - (v[0] + v[1]) / 2) < 1e-12)
        #expect(abs(cell.spread.all - abs(v[0] - v[1]) / 2.0.squareRoot()) < 1e-9)
        let c1 = ReproduceReport.Cell(imbalance: 1, seeds: [0], perSeed: [cell.perSeed[0]], groupSizes: [1, 0, 0])
        #expect(c1.spread.all == 0 && c1.mean == cell.perSeed[0])
    }

    @Test func stageTwoRowsRebalanceTheWDModels() {
        // The wd row is the base of the post-hoc rows: tau 0 would reproduce it exactly.
        let r = Self.report
        for s in r.selections where s.tau == 0 {
            #expect(r.row(.posthocTau)!.cell(s.imbalance)!.mean == r.row(.wd)!.cell(s.imbalance)!.mean)
        }
        #expect(r.row(.cbWDMaxNorm)!.cell(100)!.perSeed != r.row(.wd)!.cell(100)!.perSeed)
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let one = Reproduction.run(Self.config, threads: 1, timings: false)!
        #expect(try one.encoded() == Self.report.encoded())
    }

    @Test func markdownShowsEveryRowBesideThePaper() {
        let md = Self.report.markdown(command: "normscope reproduce --tiny", threads: 2)
        #expect(md.contains("| Method | Many | Medium | Few | All IF100 | All IF10 |"))
        for m in ReproduceMethod.allCases { #expect(md.contains("| \(m.title) |")) }
        #expect(md.contains("[64.05]") && md.contains("[53.35]") && md.contains("[68.67]"), "the paper's numbers")
        #expect(md.contains("Command: `normscope reproduce --tiny`"))
        #expect(md.components(separatedBy: "\n").filter { $0.hasPrefix("- **") }.count == 9)
    }

    @Test func fixedHyperparametersSkipTheSearch() {
        var c = Self.config
        c.weightDecay = 2e-3
        c.tau = 0.7
        c.imbalances = [10]
        c.seeds = [1]
        let r = Reproduction.run(c, threads: 2, timings: false)!
        #expect(r.selections == [.init(imbalance: 10, weightDecayScores: [], weightDecay: 2e-3, tauScores: [], tau: 0.7)])
        #expect(r.row(.wd)!.cell(10)!.perSeed.count == 1)
    }

    @Test func stoppingReturnsNothing() {
        #expect(Reproduction.run(Self.config, threads: 2, shouldStop: { true }) == nil)
    }

    @Test func validationSplitHoldsOutTrainingSamplesOnly() {
        let data = SyntheticGenerator.generate(Self.config.recipe(imbalance: 100), seed: 3)
        let split = data.validationSplit(fraction: 0.2, seed: 3)
        #expect(split.trainCount + split.testCount == data.trainCount)
        let counts = data.classCounts, kept = split.classCounts
        var held = [Int](repeating: 0, count: data.classCount)
        for y in split.testLabels { held[Int(y)] += 1 }
        for k in 0..<data.classCount {
            let expected = counts[k] >= 2 ? max(1, Int((0.2 * Double(counts[k])).rounded())) : 0
            #expect(held[k] == expected && kept[k] == counts[k] - expected)
        }
        // Every held-out sample is a training sample of the same class.
        var train = Set<[Float]>()
        for i in 0..<data.trainCount { train.insert(Array(data.trainFeatures[(i * 8)..<((i + 1) * 8)])) }
        for i in 0..<split.testCount { #expect(train.contains(Array(split.testFeatures[(i * 8)..<((i + 1) * 8)]))) }
        #expect(split == data.validationSplit(fraction: 0.2, seed: 3), "fixed by the seed")
    }

    @Test func badSettingsAreNamed() {
        var c = Self.config
        c.imbalances = []
        c.seeds = [1, 1]
        c.validationFraction = 1
        #expect(c.validationErrors() == [ConfigProblem(.imbalances, .empty(entry: "imbalance factor")),
                                        ConfigProblem(.seeds, .repeated(entry: "seed", value: "1")),
                                        ConfigProblem(.validationFraction, .outOfRange(value: "1.0"))])
        #expect(c.validationErrors().map(\.description) == ["imbalances needs at least one imbalance factor",
                                                            "seeds lists 1 twice; give each seed once",
                                                            "validationFraction must be in (0, 1) (got 1.0)"])
        var d = Self.config
        d.imbalances = [10, 5, 10]
        d.stage2.variants = [.cbWD, .cbWD]
        #expect(d.validationErrors().map(\.description) == ["imbalances lists 10 twice; give each factor once",
                                                            "variants lists cb+wd twice; give each variant once"])
        // A recipe key out of range at every factor is reported once.
        var e = Self.config
        e.recipe.classes = 1
        #expect(e.validationErrors() == [ConfigProblem(.classes, .outOfRange(value: "1"))])
    }

    @Test func claimsCompareMeansAtEveryImbalance() {
        let r = Self.report
        let claim = r.claims[0]
        let d100 = r.row(.wd)!.cell(100)!.mean.all - r.row(.naive)!.cell(100)!.mean.all
        let d10 = r.row(.wd)!.cell(10)!.mean.all - r.row(.naive)!.cell(10)!.mean.all
        #expect(claim.holds == (d100 > 0 && d10 > 0))
        #expect(claim.paperHolds == true)
        #expect(claim.detail == String(format: "IF100 %+.1f (paper +7.7); IF10 %+.1f (paper +8.7)", d100, d10))
    }

    @Test func aLossReadsAsANegativeNumber() throws {
        // "Stage 2 gives up some Many-class accuracy": stage 2 minus wd, which holds when negative (paper -4.3).
        let r = Self.report
        let claim = try #require(r.claims.first { $0.statement.contains("gives up some Many-class accuracy") })
        let d100 = r.row(.cbWDMaxNorm)!.cell(100)!.mean.many - r.row(.wd)!.cell(100)!.mean.many
        let d10 = r.row(.cbWDMaxNorm)!.cell(10)!.mean.many - r.row(.wd)!.cell(10)!.mean.many
        #expect(claim.holds == (d100 < 0 && d10 < 0))
        #expect(claim.paperHolds == true)
        #expect(claim.detail == String(format: "IF100 %+.1f (paper -4.3); IF10 %+.1f", d100, d10))
    }

    @Test func theMarkdownNamesTheDataItRanOn() {
        let md = Self.report.markdown()
        #expect(md.contains("Data: `tiny`, synthetic (10 classes, n_max 150,"), "\(md.prefix(400))")
        #expect(!md.contains("analogue"))
        var c = Self.config
        c.recipe = .cifar100LTAnalogue
        var report = Self.report
        report.config = c
        #expect(report.markdown().contains("Data: `cifar100-lt`, the synthetic analogue of CIFAR100-LT (100 classes,"))
    }
}
