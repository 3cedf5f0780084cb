import Foundation
import Testing
@testable import NormscopeEngine

/// Stage 2 in a headless run: results names and order, determinism across thread counts, validation.
struct Stage2ExperimentTests {
    static let recipe = DeterminismTests.recipe
    static let config = DeterminismTests.config

    func run(threads: Int, stage2: Stage2Config = Stage2Config(epochs: 2)) -> ResultsFile {
        Experiment(recipe: Self.recipe, config: Self.config).run(threads: threads, timings: false, stage2: stage2)
    }

    @Test func resultsListStageOneThenEachBasesVariants() {
        var s = Stage2Config(epochs: 2)
        s.bases = [.wd, .naive]
        let r = run(threads: 2, stage2: s)
        let names = r.runs.map(\.name)
        #expect(Array(names.prefix(5)) == ["naive", "l2norm", "wd", "maxnorm", "wd+maxnorm"])
        #expect(Array(names.dropFirst(5)) == ["wd>posthoc-l2", "wd>posthoc-tau", "wd>cb+wd", "wd>cb+maxnorm", "wd>cb+wd+maxnorm",
                                                 "naive>posthoc-l2", "naive>posthoc-tau", "naive>cb+wd", "naive>cb+maxnorm", "naive>cb+wd+maxnorm"])
        #expect(r.config.stage2 == s)
        #expect(!r.interrupted)
        for h in r.runs.dropFirst(5) {
            #expect(h.stage2StartEpoch == 0 && h.isStage2)
            #expect(h.records.map(\.epoch) == (h.id.variant!.isPostHoc ? [0] : [0, 1, 2]))
        }
        for h in r.runs.prefix(5) { #expect(h.stage2StartEpoch == nil && !h.isStage2) }
    }

    @Test func resultsDoNotDependOnThreads() throws {
        #expect(try run(threads: 1).encoded() == run(threads: 2).encoded())
    }

    @Test func resultsRoundTripThroughJSON() throws {
        let r = run(threads: 2)
        let back = try JSONDecoder().decode(ResultsFile.self, from: try r.encoded())
        #expect(back == r)
    }

    @Test func aBaseThatIsNotTrainedIsReported() {
        let exp = Experiment(recipe: Self.recipe, config: Self.config, regimes: [.naive])
        let errors = exp.stage2Errors(Stage2Config())
        #expect(errors == [ConfigProblem(.stage2Bases, .notTrained(.wd, trained: [.naive]))])
        #expect(errors.map(\.description) == ["bases wd is not among the trained regimes (regimes naive)"])
        var bad = Stage2Config(epochs: 0)
        bad.beta = 1
        #expect(bad.validationErrors() == [ConfigProblem(.stage2Epochs, .outOfRange(value: "0")),
                                          ConfigProblem(.stage2Beta, .outOfRange(value: "1.0"))])
        // The engine names its own keys; the CLI names flags (see FlagName).
        #expect(bad.validationErrors().map(\.description) == ["epochs must be between 1 and 1000000 (got 0)",
                                                              "beta must be in [0, 1) (got 1.0)"])
    }

    @Test func runNamesParse() throws {
        #expect(RunID(name: "wd+maxnorm>cb+wd+maxnorm") == RunID(.wdMaxnorm, .cbWDMaxNorm))
        #expect(RunID(name: "wd+maxnorm") == RunID(.wdMaxnorm))
        for bad in ["", "wd>", ">cb+wd", "wd>cb", "WD", "wd>cb+wd>cb+wd", "x>cb+wd"] { #expect(RunID(name: bad) == nil, "\(bad)") }
        for id in Experiment(recipe: Self.recipe, config: Self.config).resultIDs(stage2: Stage2Config()) {
            #expect(RunID(name: id.name) == id)
        }
    }
}
