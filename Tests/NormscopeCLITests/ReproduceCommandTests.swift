import ArgumentParser
import Foundation
import Testing
@testable import NormscopeCLI
import NormscopeEngine

/// `normscope reproduce`: flags to config, one-line errors, and a tiny run writing Markdown and JSON.
struct ReproduceCommandTests {
    static let tiny = ["--classes", "8", "--max-per-class", "60", "--test-per-class", "5", "--epochs", "2",
                       "--hidden", "12", "--seeds", "2", "--imbalances", "20,5", "--stage2-epochs", "1",
                       "--wd-grid", "0.001,0.01", "--tau-grid", "0,1", "--threads", "2", "--quiet", "--no-timings"]

    @Test func defaultsAreThePapersTable() throws {
        let c = try ReproduceCommand.parse([]).makeConfig()
        #expect(c.imbalances == [100, 50, 10] && c.seeds == [0, 1, 2])
        #expect(c.recipe == .cifar100LTAnalogue && c.training == ReproduceConfig.defaultTraining)
        #expect(c.weightDecay == nil && c.tau == nil && c.validationFraction == 0.2)
        #expect(c.stage2.epochs == 10 && c.stage2.weightDecay == 0.1 && c.stage2.beta == 0.9999 && c.stage2.bases == [.wd])
    }

    @Test func flagsReachTheConfig() throws {
        let c = try ReproduceCommand.parse(Self.tiny + ["--seed", "7"]).makeConfig()
        #expect(c.seeds == [7, 8] && c.imbalances == [20, 5] && c.recipe.classes == 8 && c.training.epochs == 2)
        #expect(c.training.hidden == [12] && c.weightDecay == nil && c.tau == nil && c.stage2.epochs == 1)
        #expect(c.weightDecayGrid == [0.001, 0.01] && c.tauGrid == [0, 1])
        let fixed = Self.tiny.filter { !["--wd-grid", "0.001,0.01", "--tau-grid", "0,1"].contains($0) }
        let f = try ReproduceCommand.parse(fixed + ["--weight-decay", "0.002", "--tau", "0.3"]).makeConfig()
        #expect(f.weightDecay == 0.002 && f.tau == 0.3)
    }

    @Test(arguments: [
        (["--imbalances", "100,x"], "--imbalances needs a comma-separated list of numbers (bad entry 'x' in '100,x')"),
        (["--imbalances", "0.5"], "--imbalances: each factor must be between 1 and 1000000 (got 0.5)"),
        (["--classes", "1"], "--classes must be between 2 and 10000 (got 1)"),
        (["--validation-fraction", "0"], "--validation-fraction must be in (0, 1) (got 0.0)"),
        (["--cb-beta", "1"], "--cb-beta must be in [0, 1) (got 1.0)"),
        (["--tau=-1"], "--tau must be in [0, 10] (got -1.0)"),
        (["--weight-decay", "0.001", "--wd-grid", "0.001,0.01"],
         "--weight-decay fixes the weight decay and --wd-grid lists candidates to search; give one of them"),
        (["--tau", "1", "--tau-grid", "0,1"], "--tau fixes tau and --tau-grid lists candidates to search; give one of them"),
        (["--validation-fraction", "4.9e-324"], "--validation-fraction must be in (0, 1) (got 5e-324, too small to tell from 0)"),
    ])
    func badFlagsGiveOneLine(args: [String], message: String) throws {
        // Refused while the flags are validated, before any file is read or anything trained.
        do {
            _ = try ReproduceCommand.parse(args)
            Issue.record("\(args) was accepted")
        } catch {
            #expect(ReproduceCommand.message(for: error) == message)
        }
    }

    @Test("a reproduction too large for memory is refused in one line before any data is made")
    func tooLargeForMemory() async throws {
        // Terabytes of data on any machine: every seed's data is kept while the models train.
        let r = try await Child.normscope(["reproduce", "--classes", "10000", "--max-per-class", "100000",
                                           "--test-per-class", "100000", "--seeds", "1000", "--quiet"])
        #expect(r.status == 64 && r.stderrLines.count == 1 && r.stderr.contains("of memory"), "\(r)")
    }

    @Test func csvDataIsThinnedToEachFactorOrRefusedInOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-repro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("d.csv").path
        // Training counts 4, 2, 1: the exponential profile at IF 4.
        try "label,split,x0\n0,train,1\n0,train,1\n0,train,1\n0,train,1\n1,train,2\n1,train,2\n2,train,3\n0,test,1\n1,test,2\n2,test,3\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let c = try ReproduceCommand.parse(["--dataset", csv]).makeConfig()
        #expect(c.imbalances == [4], "the data's own factor by default")
        #expect(c.data?.classCounts == [4, 2, 1] && c.dataOrigin?.file == csv && c.dataOrigin?.provenance == nil)
        #expect(try ReproduceCommand.parse(["--dataset", csv, "--imbalances", "8,4"]).makeConfig().imbalances == [8, 4])
        #expect(throws: NormscopeError.invalidValue("--imbalances: d cannot be thinned to imbalance factor 2: class 2 (rank 3 of 3) has 1 training samples, the exponential profile from the most frequent class's 4 needs 2; its own factor is 4 — give factors of at least that")) {
            try ReproduceCommand.parse(["--dataset", csv, "--imbalances", "2"]).makeConfig()
        }
        #expect(throws: NormscopeError.self) { try ReproduceCommand.parse(["--dataset", csv, "--classes", "5"]).makeConfig() }
    }

    @Test func digitsAndBatchNormReachTheConfig() throws {
        let c = try ReproduceCommand.parse(["--dataset", "digits-lt", "--batchnorm"]).makeConfig()
        #expect(c.imbalances == [20] && c.data == BuiltinDataset.digitsLT.load())
        #expect(c.dataOrigin?.provenance == BuiltinDataset.digitsLT.provenance && c.training.usesBatchNorm)
        #expect(try ReproduceCommand.parse(["--dataset", "digits-lt", "--imbalances", "100,50,20"]).makeConfig().imbalances == [100, 50, 20])
        #expect(throws: NormscopeError.self) { try ReproduceCommand.parse(["--dataset", "digits-lt", "--imbalances", "10"]).makeConfig() }
        #expect(try ReproduceCommand.parse([]).makeConfig().training.usesBatchNorm == false)
    }

    @Test func tinyRunOnDigitsRecordsTheirProvenance() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-repro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("digits").path
        try ReproduceCommand.parse(["--dataset", "digits-lt", "--imbalances", "20,50", "--batchnorm", "--epochs", "2",
                                    "--hidden", "16", "--seeds", "1", "--stage2-epochs", "1", "--wd-grid", "0.001",
                                    "--tau-grid", "0,1", "--threads", "2", "--quiet", "--no-timings", "-o", base]).run()
        let md = try String(contentsOfFile: base + ".md", encoding: .utf8)
        #expect(md.contains("on digits-lt") && md.contains("CC BY 4.0") && md.contains("64-16-10 with batch normalization"))
        #expect(md.contains("| Method | Many | Medium | Few | All IF20 | All IF50 |"))
        let json = try Data(contentsOf: URL(fileURLWithPath: base + ".json"))
        let report = try JSONDecoder().decode(ReproduceReport.self, from: json)
        #expect(report.config.dataOrigin?.provenance?.license == "CC BY 4.0" && report.config.training.usesBatchNorm)
        #expect(report.rows.allSatisfy { $0.cells.count == 2 })
        // IF 20 is the data as they are: 1 Many, 5 Medium, 4 Few; IF 50 thins them (n_max 120, tail 2).
        #expect(report.row(.naive)?.cell(20)?.groupSizes == [1, 5, 4])
        #expect(report.row(.naive)?.cell(50)?.groupSizes == [1, 4, 5])
    }

    @Test func outputPathsPairMarkdownAndJSON() {
        #expect(ReproduceCommand.outputPaths("out/table") == ("out/table.md", "out/table.json"))
        #expect(ReproduceCommand.outputPaths("t.md") == ("t.md", "t.json"))
        #expect(ReproduceCommand.outputPaths("t.JSON") == ("t.md", "t.json"))
    }

    @Test func tinyRunWritesACompleteTable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-repro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("table").path
        try ReproduceCommand.parse(Self.tiny + ["-o", base]).run()
        let md = try String(contentsOfFile: base + ".md", encoding: .utf8)
        for m in ReproduceMethod.allCases { #expect(md.contains("| \(m.title) |")) }
        #expect(md.contains("| Method | Many | Medium | Few | All IF20 | All IF5 |"))
        let report = try JSONDecoder().decode(ReproduceReport.self, from: Data(contentsOf: URL(fileURLWithPath: base + ".json")))
        #expect(report.rows.count == 7 && report.rows.allSatisfy { $0.cells.count == 2 && $0.cells.allSatisfy { $0.perSeed.count == 2 } })
        #expect(report.selections.count == 2 && report.seconds == 0)
    }
}
