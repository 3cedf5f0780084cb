import Foundation
import Testing
@testable import NormscopeEngine

/// Per-class test accuracy and prediction counts: recorded every epoch, exact, and summed up by `PredictionSkew`.
struct PerClassEvaluationTests {
    static let recipe = DeterminismTests.recipe
    static let config = DeterminismTests.config

    /// Stage 1 and every stage-2 variant, trained once for the tests below.
    static let results: ResultsFile = Experiment(recipe: recipe, config: config)
        .run(threads: 2, timings: false, stage2: Stage2Config(epochs: 3))

    @Test func predictionCountsSumToTheTestSetAtEveryEpochOfEveryRun() throws {
        let r = Self.results
        let test = try #require(r.testClassCounts)
        #expect(test == Array(repeating: Self.recipe.testPerClass, count: Self.recipe.classes))
        #expect(r.runs.count == 5 + Stage2Variant.all.count)
        for h in r.runs {
            #expect(!h.records.isEmpty)
            for rec in h.records {
                #expect(rec.predictionCounts.count == Self.recipe.classes, "\(h.name) epoch \(rec.epoch)")
                #expect(rec.predictionCounts.reduce(0, +) == test.reduce(0, +), "\(h.name) epoch \(rec.epoch)")
                #expect(rec.classAccuracy.count == Self.recipe.classes)
                #expect(AccuracySummary(classAccuracy: rec.classAccuracy, groups: Self.groups) == rec.accuracy)
            }
            #expect(h.records.last?.classAccuracy == h.classAccuracy, "\(h.name): the final row is the final accuracy")
        }
    }

    static var groups: [ClassGroup] { recipe.classCounts.map(ClassGroup.init(trainingCount:)) }

    @Test func aHandBuiltClassifierScoresWhatItPredicts() {
        // Logits (x0, x1, 0.5): class 2 wins whenever both features are below 0.5. Class indices follow the
        // training counts (3, 2, 1), so labels 0, 1, 2 keep their indices.
        let test: [([Float], Int)] = [([1, 0], 0), ([2, 1], 0), ([0, 0], 0),   // predicted 0, 0, 2
                                      ([0, 3], 1), ([1, 0], 1),                // predicted 1, 0
                                      ([0.2, 0.1], 2), ([4, 0], 2)]            // predicted 2, 0
        let set = Dataset(name: "hand", dimension: 2, trainFeatures: Array(repeating: 0, count: 12),
                          trainLabels: [0, 0, 0, 1, 1, 2],
                          testFeatures: test.flatMap(\.0), testLabels: test.map(\.1))
        let data = TrainingData(set)
        var rng = SplitMix64(seed: 1, stream: "init")
        let net = Network(sizes: [2, 3], maxBatch: 4, rng: &rng)  // 4 < 7 samples: the pass runs in two chunks
        var p = net.parameters
        let w = net.weightOffset[0], b = net.biasOffset[0]
        for i in 0..<2 { for j in 0..<3 { p[w + i * 3 + j] = i == j ? 1 : 0 } }
        p[b] = 0; p[b + 1] = 0; p[b + 2] = 0.5
        net.parameters = p
        var predictions = [Int32](repeating: 0, count: net.maxBatch)
        let e = data.classEvaluation(of: net, predictions: &predictions)
        #expect(data.testCounts == [3, 2, 2])
        #expect(e.predictionCounts == [4, 1, 2])
        let expected: [Double] = [200.0 / 3, 50, 50]
        #expect(e.accuracy == expected)
    }

    @Test func skewArithmetic() throws {
        // Two Many classes, one Medium, two Few; 10 test samples each (50 in all).
        let groups: [ClassGroup] = [.many, .many, .medium, .few, .few]
        let s = try #require(PredictionSkew(predictionCounts: [20, 15, 10, 5, 0], testCounts: [10, 10, 10, 10, 10],
                                            groups: groups))
        let (manyShare, fewShare, testShare): (Double, Double, Double) = (35.0 / 50, 5.0 / 50, 20.0 / 50)
        #expect(s.manyPredictionShare == manyShare && s.manyTestShare == testShare)
        #expect(s.fewPredictionShare == fewShare && s.fewTestShare == testShare)
        #expect(s.manyRatio == manyShare / testShare)
        #expect(s.fewRatio == fewShare / testShare)
        // An unbiased classifier: ratio 1.
        let flat = try #require(PredictionSkew(predictionCounts: [10, 10, 10, 10, 10],
                                               testCounts: [10, 10, 10, 10, 10], groups: groups))
        #expect(flat.manyRatio == 1 && flat.fewRatio == 1)
        // No Few class: no Few ratio. Nothing to compare: nil.
        #expect(PredictionSkew(predictionCounts: [3, 1], testCounts: [2, 2], groups: [.many, .medium])?.fewRatio == nil)
        #expect(PredictionSkew(predictionCounts: [], testCounts: [], groups: []) == nil)
        #expect(PredictionSkew(predictionCounts: [1, 2], testCounts: [2, 1], groups: [.many]) == nil)
        #expect(PredictionSkew(predictionCounts: [0, 0], testCounts: [0, 0], groups: [.many, .few]) == nil)
        let old = EpochRecord(epoch: 0, norms: [1], trainLoss: 0, accuracy: AccuracySummary(all: 0, many: 0, medium: 0, few: 0))
        #expect(old.predictionSkew(testCounts: [1], groups: [.many]) == nil, "a record without counts has no skew")
    }

    @Test func sameSeedSameCountsAndTheyRoundTrip() throws {
        let again = Experiment(recipe: Self.recipe, config: Self.config)
            .run(threads: 1, timings: false, stage2: Stage2Config(epochs: 3))
        #expect(again == Self.results)
        let bytes = try Self.results.encoded()
        let back = try ResultsFile.decode(bytes, path: "r.json")
        #expect(back == Self.results)
        #expect(try back.encoded() == bytes)
    }
}

/// Results files written before per-class accuracy and prediction counts were recorded.
struct PerClassOlderFileTests {
    @Test func anOlderFileReadsWithTheNewFieldsEmpty() throws {
        // Written by normscope 0.2.0 (stage 1 and stage 2): no classAccuracyHistory, predictionCounts or
        // testClassCounts. A copy of Fuzz/Corpus/Results/stage2.json, kept here so the corpus can move on.
        let path = packageRoot + "/Tests/Fixtures/results-before-per-class.json"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(!text.contains("predictionCounts") && !text.contains("classAccuracyHistory"))
        let r = try ResultsFile.load(path: path)
        #expect(r.runs.count == 10 && r.testClassCounts == nil)
        for h in r.runs {
            #expect(!h.records.isEmpty && h.records.allSatisfy { $0.classAccuracy.isEmpty && $0.predictionCounts.isEmpty })
            #expect(h.records.last!.predictionSkew(testCounts: [2, 2, 2, 2], groups: [.few, .few, .few, .few]) == nil)
        }
        // Written again, it stays without the keys (nothing is made up for it).
        let again = try #require(String(data: try r.encoded(), encoding: .utf8))
        #expect(!again.contains("predictionCounts") && !again.contains("classAccuracyHistory") && !again.contains("testClassCounts"))
        #expect(try ResultsFile.decode(try r.encoded(), path: "again.json") == r)
    }

    @Test func damagedPerClassRowsAreRefused() throws {
        let good = try PerClassEvaluationTests.results.encoded()
        func damaged(_ edit: (inout [String: Any]) -> Void) throws -> String {
            var obj = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])
            var regimes = try #require(obj["regimes"] as? [[String: Any]])
            edit(&regimes[0])
            obj["regimes"] = regimes
            let bytes = try JSONSerialization.data(withJSONObject: obj)
            do {
                _ = try ResultsFile.decode(bytes, path: "r.json")
                return "read"
            } catch {
                return "\(error)"
            }
        }
        func counts(_ r: [String: Any]) -> [[Int]] { r["predictionCounts"] as? [[Int]] ?? [] }
        func accuracies(_ r: [String: Any]) -> [[Double]] { r["classAccuracyHistory"] as? [[Double]] ?? [] }
        let oneRowShort = try damaged { r in r["predictionCounts"] = Array(counts(r).dropLast()) }
        #expect(oneRowShort.contains("predictionCounts"), "\(oneRowShort)")
        let negative = try damaged { r in r["predictionCounts"] = counts(r).map { row in row.map { -$0 - 1 } } }
        #expect(negative.contains("predictionCounts"), "\(negative)")
        let oneClassShort = try damaged { r in r["classAccuracyHistory"] = accuracies(r).map { Array($0.dropLast()) } }
        #expect(oneClassShort.contains("classAccuracyHistory"), "\(oneClassShort)")
        #expect(try damaged { _ in } == "read")
    }
}

/// The paper's argument about predictions, on `PaperClaimTests`' quick configuration: naive training sends the
/// Many classes far more predictions than their share of the test set and almost none to the Few classes;
/// class-balanced stage 2 with WD and MaxNorm leans less. (Stage-1 WD+MaxNorm alone does not lean less than
/// naive here: on seeds 1 to 3 its Many ratio is 3.3 to 4.1 against naive's 3.0 to 3.4, so that is not pinned.)
struct PredictionSkewClaimTests {
    @Test(arguments: [UInt64(1), 2])
    func naiveLeansToTheHeadAndStageTwoLessSo(seed: UInt64) throws {
        var config = PaperClaimTests.config
        config.seed = seed
        let r = Experiment(recipe: PaperClaimTests.recipe, config: config, regimes: [.naive, .wd])
            .run(threads: 2, timings: false, stage2: Stage2Config(variants: [.cbWDMaxNorm]))
        let test = try #require(r.testClassCounts)
        func skew(_ name: String) throws -> PredictionSkew {
            let h = try #require(r.runs.first { $0.name == name })
            return try #require(h.records.last?.predictionSkew(testCounts: test, groups: PaperClaimTests.groups))
        }
        let naive = try skew("naive"), balanced = try skew("wd>cb+wd+maxnorm")
        let (naiveMany, naiveFew) = (try #require(naive.manyRatio), try #require(naive.fewRatio))
        let (balancedMany, balancedFew) = (try #require(balanced.manyRatio), try #require(balanced.fewRatio))
        #expect(naiveMany > 2, "naive: Many classes get \(naiveMany)x their share of predictions")
        #expect(naiveFew < 0.1, "naive: Few classes get \(naiveFew)x their share")
        #expect(balancedMany < naiveMany - 0.3, "stage 2 \(balancedMany) vs naive \(naiveMany)")
        #expect(balancedFew > naiveFew + 0.1, "stage 2 \(balancedFew) vs naive \(naiveFew)")
    }
}
