import ArgumentParser
import Foundation
import Testing
@testable import NormscopeCLI
import NormscopeEngine

/// `normscope run --stage2`: the stage-2 flags, their defaults and errors.
struct RunStage2Tests {
    @Test func stageTwoIsOffUnlessAsked() throws {
        let plain = try RunCommand.parse([])
        #expect(!plain.stage2Enabled && !plain.stage2.anyGiven)
        #expect(try RunCommand.parse(["--stage2"]).stage2Enabled)
        #expect(try RunCommand.parse(["--stage2-epochs", "3"]).stage2.anyGiven, "any stage-2 flag implies --stage2")
    }

    @Test func flagsReachTheConfig() throws {
        let o = try Stage2Options.parse(["--stage2-epochs", "3", "--stage2-base", "naive,wd", "--stage2-variants", "cb+wd",
                                         "--cb-beta", "0.99", "--tau", "0.7", "--stage2-maxnorm-every", "epoch"])
        let c = try o.config()
        #expect(c.epochs == 3 && c.bases == [.naive, .wd] && c.variants == [.cbWD] && c.beta == 0.99 && c.tau == 0.7)
        #expect(c.maxNormEvery == .epoch && c.weightDecay == 0.1)
        let all = try Stage2Options.parse(["--stage2-base", "all"]).config(regimes: [.naive, .maxnorm])
        #expect(all.bases == [.naive, .maxnorm])
        #expect(try Stage2Options.parse([]).config() == Stage2Config())
    }

    @Test func badValuesAreOneLine() {
        #expect(throws: (any Error).self) { try Stage2Options.parse(["--stage2-epochs", "0"]) }
        #expect(throws: NormscopeError.invalidValue("unknown regime 'x' in --stage2-base; valid: naive,l2norm,wd,maxnorm,wd+maxnorm")) {
            var o = try Stage2Options.parse([])
            o.bases = "x"
            _ = try o.config()
        }
    }

    @Test func runWritesStageTwoRegimes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-run2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json").path
        try RunCommand.parse(["--classes", "6", "--max-per-class", "40", "--test-per-class", "4", "--dim", "4",
                              "--hidden", "8", "--epochs", "2", "--regimes", "naive,wd", "--stage2-epochs", "1",
                              "--no-timings", "--quiet", "--threads", "2", "-o", out]).run()
        let r = try ResultsFile.load(path: out)
        #expect(r.runs.map(\.name) == ["naive", "wd"] + Stage2Variant.all.map { RunID(.wd, $0).name })
        #expect(r.config.stage2?.epochs == 1)
        #expect(throws: ExitCode(64)) {
            try RunCommand.parse(["--regimes", "naive", "--stage2", "--epochs", "1", "--quiet"]).run()
        }
    }
}
