import ArgumentParser
import Foundation
import Testing
@testable import NormscopeCLI
import NormscopeEngine

/// `normscope figure`: SVG or CSV from a results file, chosen by flag or extension; bad input is one line.
struct FigureCommandTests {
    /// A temporary directory holding a small results file with stage 2.
    static func fixture() throws -> (dir: URL, results: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-fig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let recipe = DatasetRecipe(name: "tiny", classes: 6, dimension: 4, maxPerClass: 40, imbalance: 10,
                                   testPerClass: 4, modesPerClass: 1, latentDimension: 3, noise: 0.5)
        let r = Experiment(recipe: recipe, config: TrainingConfig(hidden: [8], epochs: 2))
            .run(threads: 1, timings: false, stage2: Stage2Config(epochs: 1))
        let path = dir.appendingPathComponent("r.json").path
        try r.encoded().write(to: URL(fileURLWithPath: path))
        return (dir, path)
    }

    @Test func writesSVGByDefaultAndCSVByExtension() throws {
        let (dir, results) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("fig.svg").path
        try FigureCommand.parse([results, "-o", svg]).run()
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("<svg") && text.contains("id=\"panel-e\""))
        let csv = dir.appendingPathComponent("norms.csv").path
        try FigureCommand.parse([results, "-o", csv]).run()
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("regime,stage,epoch,class,count,norm,accuracy,predicted,change\n"))
        let forced = dir.appendingPathComponent("norms.txt").path
        try FigureCommand.parse([results, "-o", forced, "--format", "csv", "--colormap", "viridis"]).run()
        #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("regime,"))
    }

    @Test func missingOrBadResultsExitWithDataError() throws {
        let (dir, _) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.svg").path
        #expect(throws: ExitCode(65)) { try FigureCommand.parse([dir.appendingPathComponent("none.json").path, "-o", out]).run() }
        let bad = dir.appendingPathComponent("bad.json").path
        try "{}".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(65)) { try FigureCommand.parse([bad, "-o", out]).run() }
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
    }

    @Test func unwritableOutputExitsWithCantCreate() throws {
        let (dir, results) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ExitCode(73)) {
            try FigureCommand.parse([results, "-o", dir.appendingPathComponent("no/such/dir/f.svg").path]).run()
        }
    }

    @Test func badVmaxIsRefused() {
        #expect(throws: (any Error).self) { try FigureCommand.parse(["r.json", "-o", "f.svg", "--vmax", "0"]) }
    }
}
