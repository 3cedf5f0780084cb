import Foundation
import Testing
@testable import NormscopeEngine

/// Same seed and settings give the same bytes, whatever the number of threads.
struct DeterminismTests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 10, dimension: 8, maxPerClass: 80, imbalance: 20,
                                      testPerClass: 10, modesPerClass: 2, latentDimension: 6, noise: 0.5)
    static let config = TrainingConfig(hidden: [24, 16], learningRate: 0.05, batchSize: 32, epochs: 4, seed: 5)

    func resultsJSON(threads: Int, seed: UInt64 = 5) throws -> Data {
        var c = Self.config
        c.seed = seed
        let exp = Experiment(recipe: Self.recipe, config: c)
        return try exp.run(threads: threads, timings: false).encoded()
    }

    @Test func twoRunsGiveByteIdenticalJSON() throws {
        #expect(try resultsJSON(threads: 2) == resultsJSON(threads: 2))
    }

    @Test func oneThreadAndTwoThreadsAgree() throws {
        #expect(try resultsJSON(threads: 1) == resultsJSON(threads: 2))
    }

    @Test func differentSeedsDiffer() throws {
        #expect(try resultsJSON(threads: 2, seed: 5) != resultsJSON(threads: 2, seed: 6))
    }

    @Test func resultsHaveTheDocumentedShape() throws {
        let data = try resultsJSON(threads: 2)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(obj["config"] is [String: Any])
        #expect((obj["classCounts"] as? [Int])?.count == 10)
        #expect((obj["classLabels"] as? [Int])?.count == 10)
        let regimes = try #require(obj["regimes"] as? [[String: Any]])
        #expect(regimes.map { $0["name"] as? String } == ["naive", "l2norm", "wd", "maxnorm", "wd+maxnorm"])
        for r in regimes {
            let norms = try #require(r["norms"] as? [[Double]])
            #expect(norms.count == 5 && norms.allSatisfy { $0.count == 10 })
            #expect((r["trainLoss"] as? [Double])?.count == 5)
            let acc = try #require(r["accuracy"] as? [String: Double])
            #expect(Set(acc.keys) == ["all", "many", "medium", "few"])
            #expect((r["classAccuracy"] as? [Double])?.count == 10)
            #expect(r["seconds"] is Double)
        }
        let decoded = try JSONDecoder().decode(ResultsFile.self, from: data)
        #expect(decoded.program.version == ProgramInfo.currentVersion)
        #expect(decoded.config.training == Self.config)
    }
}
