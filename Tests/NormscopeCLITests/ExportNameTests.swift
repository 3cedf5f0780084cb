import Foundation
import NormscopeEngine
@testable import NormscopeTerminal
import NormscopeTestSupport
import Testing

/// The live view's export names: the clock's second, made unique by `-2`, `-3`, ... instead of written over.
@Suite("export names")
struct ExportNameTests {
    /// The results of a tiny run held at epoch 0 (nothing needs to train for a name).
    static func results() -> (LiveRun, ResultsFile) {
        let exp = Experiment(recipe: ExportAnyMomentTests.recipe, config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 2))
        let run = LiveRun(experiment: exp, threads: 1, stage2Epochs: 0)
        return (run, run.results(of: run.frame().run))
    }

    @Test("three exports at the same clock time write three sets of files, none over another")
    func sameSecond() throws {
        let dir = try Paths.scratch("export-names")
        defer { Paths.removeScratch(dir) }
        let clock = ManualClock()  // 2026-11-30 14:05:35 UTC, standing still
        let (run, results) = Self.results()
        defer { run.stop() }
        let exporter = Exporter(directory: dir)
        var stems: [String] = []
        for _ in 0..<3 {
            let paths = try exporter.export(results, seed: 7, colorMap: .jet, vmax: 2, now: clock.now()).get()
            #expect(paths.count == 3)
            stems.append(((paths[0] as NSString).lastPathComponent as NSString).deletingPathExtension)
        }
        #expect(stems == ["normscope-7-20261130-140535", "normscope-7-20261130-140535-2", "normscope-7-20261130-140535-3"])
        #expect(Paths.contents(dir).count == 9, "\(Paths.contents(dir))")
        for stem in stems {
            #expect(try ResultsFile.load(path: "\(dir)/\(stem).json").runs.count == 5, "\(stem).json is whole")
        }
        clock.advance(by: 1)
        let next = try exporter.export(results, seed: 7, colorMap: .jet, vmax: 2, now: clock.now()).get()
        #expect(exporter.summary(of: next) == "exported normscope-7-20261130-140536 .json .svg .png in \(dir)")
    }

    @Test("a name whose .svg or .png alone exists is taken too; the summary names the numbered files")
    func strayFiles() throws {
        let dir = try Paths.scratch("export-names-stray")
        defer { Paths.removeScratch(dir) }
        let clock = ManualClock()
        let (run, results) = Self.results()
        defer { run.stop() }
        try "mine".write(toFile: dir + "/normscope-7-20261130-140535.png", atomically: true, encoding: .utf8)
        try "mine".write(toFile: dir + "/normscope-7-20261130-140535-2.svg", atomically: true, encoding: .utf8)
        let exporter = Exporter(directory: dir)
        let paths = try exporter.export(results, seed: 7, colorMap: .jet, vmax: 2, now: clock.now()).get()
        #expect(exporter.summary(of: paths) == "exported normscope-7-20261130-140535-3 .json .svg .png in \(dir)")
        #expect(try String(contentsOfFile: dir + "/normscope-7-20261130-140535.png", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: dir + "/normscope-7-20261130-140535-2.svg", encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: dir + "/normscope-7-20261130-140535.json"), "no empty claim left")
    }
}
