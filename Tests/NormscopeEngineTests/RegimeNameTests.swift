import Foundation
import Testing
@testable import NormscopeEngine

/// Regimes, variants and the reproduce table's rows are named by types: each name is spelled once (the raw
/// values, `RunID.name`), each title once (`RunTitles.swift`), and the results file keeps its spelling.
struct RegimeNameTests {
    @Test func everyRegimeRoundTripsThroughItsName() throws {
        #expect(Regime.allCases.map(\.rawValue) == ["naive", "l2norm", "wd", "maxnorm", "wd+maxnorm"])
        #expect(Regime.all == Regime.allCases)
        for r in Regime.allCases {
            #expect(Regime(rawValue: r.rawValue) == r)
            #expect(RunID(name: r.rawValue) == RunID(r))
            let json = try JSONEncoder().encode([r])
            #expect(String(decoding: json, as: UTF8.self) == "[\"\(r.rawValue)\"]")
            #expect(try JSONDecoder().decode([Regime].self, from: json) == [r])
            for v in Stage2Variant.allCases {
                #expect(RunID(name: "\(r.rawValue)>\(v.rawValue)") == RunID(r, v))
            }
        }
        for bad in ["", "Naive", "wd-maxnorm", "wd+maxnorm "] { #expect(Regime(rawValue: bad) == nil, "\(bad)") }
    }

    @Test func theToolsOfEachRegime() {
        let tools = Regime.allCases.map { [$0.l2Normalized, $0.weightDecay, $0.maxNorm] }
        #expect(tools == [[false, false, false], [true, false, false], [false, true, false], [false, false, true],
                          [false, true, true]])
    }

    @Test func aResultsConfigKeepsItsSpellingAndRefusesUnknownRegimes() throws {
        var config = Experiment(recipe: DeterminismTests.recipe, config: DeterminismTests.config).runConfig
        config.stage2 = Stage2Config(base: .wdMaxnorm)
        let text = String(decoding: try JSONEncoder().encode(config), as: UTF8.self)
        #expect(text.contains(#""regimes":["naive","l2norm","wd","maxnorm","wd+maxnorm"]"#), "\(text)")
        #expect(text.contains(#""bases":["wd+maxnorm"]"#), "\(text)")
        #expect(try JSONDecoder().decode(RunConfig.self, from: Data(text.utf8)) == config)
        let bad = text.replacingOccurrences(of: #","maxnorm","#, with: #","sgd","#)
        do {
            _ = try JSONDecoder().decode(RunConfig.self, from: Data(bad.utf8))
            Issue.record("decoded an unknown regime")
        } catch {
            #expect(ResultsFile.describe(error) == "bad value at 'regimes.3' (unknown regime name)")
        }
    }

    @Test func theTitleTableIsComplete() {
        #expect(Regime.allCases.map(\.title) == ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"])
        #expect(Stage2Variant.allCases.map(\.title)
                == ["L2-norm (post-hoc)", "τ-norm (post-hoc)", "CB & WD", "CB & MaxNorm", "CB & WD & MaxNorm"])
        #expect(RunID(.wd, .cbWDMaxNorm).title == "WD > CB & WD & MaxNorm")
        #expect(RunID(.wdMaxnorm).title == "WD+MaxNorm")
        let all = Regime.allCases.map { RunID($0) } + Regime.allCases.flatMap { r in Stage2Variant.allCases.map { RunID(r, $0) } }
        #expect(Set(all.map(\.title)).count == all.count, "every run has a title of its own")
    }

    @Test func reproduceRowsAreRuns() throws {
        #expect(ReproduceMethod.allCases.map(\.id.name)
                == ["naive", "wd", "wd>posthoc-l2", "wd>posthoc-tau", "wd>cb+wd", "wd>cb+maxnorm", "wd>cb+wd+maxnorm"])
        #expect(ReproduceMethod.allCases.map(\.title)
                == ["Naive (WD=0)", "WD tuned", "+ L2-norm (post-hoc)", "+ τ-norm (post-hoc)", "+ stage 2: CB & WD",
                    "+ stage 2: CB & MaxNorm", "+ stage 2: CB & WD & MaxNorm"])
        for m in ReproduceMethod.allCases {
            #expect(ReproduceMethod(id: m.id) == m)
            let json = try JSONEncoder().encode([m])
            #expect(try JSONDecoder().decode([String].self, from: json) == [m.id.name])
            #expect(try JSONDecoder().decode([ReproduceMethod].self, from: json) == [m])
        }
        #expect(ReproduceMethod(id: RunID(.naive, .cbWD)) == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ReproduceMethod].self, from: Data(#"["l2norm"]"#.utf8)) }
    }
}
