import Foundation
import Testing
@testable import NormscopeEngine

/// A MaxNorm run counts how often its projection shortened a row, so a screen can say when it never acted; the
/// count travels through the results file, and files without it still read.
struct MaxNormClipsTests {
    func train(_ regime: Regime, radius: Double) -> RunHistory {
        var c = RegimeInvariantTests.config
        c.maxNorm = .radius(radius)
        c.wdMaxNorm = .radius(radius)
        let data = TrainingData(SyntheticGenerator.generate(RegimeInvariantTests.recipe, seed: c.seed))
        let t = RegimeTrainer(regime: regime, config: c, data: data)
        while !t.isFinished { t.runEpoch() }
        return t.history
    }

    @Test func aBindingRadiusCountsClipsAndALooseOneCountsNone() {
        #expect((train(.maxnorm, radius: 0.5).maxNormClips ?? 0) > 0, "a tight ball shortens rows")
        #expect(train(.maxnorm, radius: 0.5).maxNormLastClipEpoch == 3, "it acts to the end")
        #expect(train(.maxnorm, radius: 1000).maxNormClips == 0, "a huge ball never acts")
        #expect(train(.maxnorm, radius: 1000).maxNormLastClipEpoch == nil)
        #expect(train(.wd, radius: 0.5).maxNormClips == nil, "no MaxNorm, no count")
    }

    @Test func theCountRoundTripsAndOlderFilesStillRead() throws {
        let h = train(.maxnorm, radius: 0.5)
        let data = try JSONEncoder().encode(h)
        #expect(try JSONDecoder().decode(RunHistory.self, from: data) == h)
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["maxNormClips"] = nil
        json["maxNormLastClipEpoch"] = nil
        let old = try JSONDecoder().decode(RunHistory.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.maxNormClips == nil && old.maxNormRadius == 0.5)
        json["maxNormClips"] = -1
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RunHistory.self, from: JSONSerialization.data(withJSONObject: json)) }
    }
}
