import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeImage
@testable import NormscopeTerminal
import NormscopeTestSupport
import Testing

/// The live view's export (`e`) at any moment of a run, through the exact code path of the key: the run's
/// results as they stand, written by the live view's exporter, read back as `normscope figure` reads them.
@Suite("export at any moment", .serialized)
struct ExportAnyMomentTests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 4, dimension: 3, maxPerClass: 20, imbalance: 5,
                                      testPerClass: 3, modesPerClass: 1, latentDimension: 2, noise: 0.5)

    /// Exports `run` now into `dir` and checks that the JSON loads, the SVG is well-formed XML and the PNG is
    /// the raster figure of what the JSON holds.
    /// The figures are drawn with the live view's colour scale `vmax`.
    func exportAndCheck(_ run: LiveRun, _ dir: String, _ moment: String, at second: Int, vmax: Double = 2) throws {
        let exporter = Exporter(directory: dir)
        let result = exporter.export(run.results(of: run.frame().run), seed: 0, colorMap: .jet, vmax: vmax,
                                     now: Date(timeIntervalSince1970: Double(second)))
        let paths = try result.get()
        #expect(paths.count == 3, "\(moment)")
        let r = try ResultsFile.load(path: paths[0])
        #expect(r.runs.count >= 5, "\(moment)")
        let svg = try String(contentsOfFile: paths[1], encoding: .utf8)
        #expect(XMLCheck.problem(in: svg) == nil, "\(moment): well-formed SVG")
        _ = FigureCSV.render(results: r)
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: paths[2])))
        #expect(paths[2].hasSuffix(".png") && png == FigureImages.png(FigureRaster(results: r, vmax: vmax)), "\(moment)")
        #expect(svg == FigureSVG.render(results: r, vmax: vmax), "\(moment)")
    }

    @Test("the export's message names the files once and fits the key-hint line")
    func exportSummary() {
        let paths = ["/tmp/x/normscope-0-20261130-140535.json", "/tmp/x/normscope-0-20261130-140535.svg",
                     "/tmp/x/normscope-0-20261130-140535.png"]
        #expect(Exporter(directory: "/tmp/x").summary(of: paths)
                 == "exported normscope-0-20261130-140535 .json .svg .png in /tmp/x")
        #expect(Exporter(directory: ".").summary(of: paths.map { "./" + ($0 as NSString).lastPathComponent })
                 == "exported normscope-0-20261130-140535 .json .svg .png")
        #expect(Exporter(directory: "/tmp/\u{1b}[2J").summary(of: paths).hasSuffix("in /tmp/\\x1b[2J"))
    }

    @Test("the exported figures use the live view's colour scale (--vmax), not the default")
    func exportUsesLiveScale() throws {
        let dir = try Paths.scratch("export-vmax")
        defer { Paths.removeScratch(dir) }
        let exp = Experiment(recipe: Self.recipe, config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 3))
        let run = LiveRun(experiment: exp, threads: 2, stage2Epochs: 0)
        defer { run.stop() }
        run.session.epochLimit = .max
        settle(run)
        try exportAndCheck(run, dir, "vmax 0.5", at: 1, vmax: 0.5)
        let name = try #require(Paths.contents(dir).first { $0.hasSuffix(".svg") })
        let svg = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        #expect(svg != FigureSVG.render(results: run.results(of: run.frame().run), vmax: 2), "a scale of 0.5 draws another figure than 2")
    }

    /// Waits until the workers are idle at the epoch limit.
    func settle(_ run: LiveRun) {
        run.session.waitUntilIdleAtLimit()
        #expect(run.session.isIdleAtLimit)
    }

    @Test("epoch 0, 1, mid, last, paused, flat out, and in stage 2 past 1,024 epochs")
    func everyMoment() throws {
        let dir = try Paths.scratch("export-moments")
        defer { Paths.removeScratch(dir) }
        let exp = Experiment(recipe: Self.recipe, config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 40))
        let run = LiveRun(experiment: exp, threads: 2, stage2Epochs: 1_500)
        defer { run.stop() }
        var second = 0
        func export(_ moment: String) throws { second += 1; try exportAndCheck(run, dir, moment, at: second) }

        try export("epoch 0")
        for (limit, moment) in [(1, "epoch 1"), (20, "mid stage 1")] {
            run.session.epochLimit = limit
            settle(run)
            try export(moment)
        }
        run.session.epochLimit = 30
        run.session.holdAtCurrentEpochs()
        try export("paused")
        run.session.epochLimit = .max
        for i in 0..<5 { try export("flat out \(i)") }
        run.session.waitUntilFinished()
        try export("last epoch")
        #expect(run.startStage2(Stage2Config(epochs: 1_500)))
        try export("stage 2 epoch 0")
        run.session.epochLimit = 1
        settle(run)
        try export("stage 2 epoch 1")
        run.session.epochLimit = .max
        var exports = 0
        while !run.session.isFinished || exports < 3 {
            try export("stage 2 flat out \(exports)")
            exports += 1
        }
        try export("stage 2 finished")
        let final = run.results(of: run.frame().run)
        #expect(!final.interrupted && final.runs.filter(\.isStage2).allSatisfy { $0.isFinished })
        #expect(exports >= 3)
    }
}

/// Pacing and the epoch count across stages: a finished stage 1 neither holds back a longer stage 2 nor
/// stands in for its epoch.
@Suite("live pacing across stages", .serialized)
struct LivePacingTests {
    @Test("a paced stage 2 longer than stage 1 runs to its end, and pausing stops it where it is")
    func pacedLongStageTwo() throws {
        let clock = ManualClock()
        let exp = Experiment(recipe: ExportAnyMomentTests.recipe, config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 3))
        let run = LiveRun(experiment: exp, threads: 2, stage2Epochs: 40, clock: clock)
        defer { run.stop() }
        let pace = Pace(index: Pace.levels.count - 2)  // the fastest pace short of flat out
        /// The live view's loop with time moved by hand: one pace step, training settles, one pace later.
        func drive(until done: () -> Bool) {
            for _ in 0..<200 where !done() {
                run.pace(pace, paused: false, now: clock.now())
                run.session.waitUntilIdleAtLimit()
                clock.advance(by: pace.secondsPerEpoch)
            }
        }
        drive { run.session.isFinished }
        #expect(run.frame().run.stageEpochsDone == 3)
        #expect(run.startStage2(Stage2Config(epochs: 40)))
        drive { run.frame().run.stageEpochsDone >= 10 }
        run.pace(pace, paused: true, now: clock.now())
        run.session.waitUntilIdleAtLimit()
        let held = run.frame().run.stageEpochsDone
        #expect(held == 10, "pausing at stage-2 epoch 10 stops there, not at stage 1's last epoch (\(held))")
        clock.advance(by: 60)
        run.pace(pace, paused: true, now: clock.now())
        run.session.waitUntilIdleAtLimit()
        #expect(run.frame().run.stageEpochsDone == 10, "a minute paused: not one epoch more")
        drive { run.session.isFinished }
        let snap = run.frame().run
        #expect(run.session.isFinished && snap.stageEpochsDone == 40)
        #expect(snap.stage2.filter { $0.plannedEpochs > 0 }.allSatisfy { $0.epochsDone == 40 })
    }
}
