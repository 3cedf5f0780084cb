import NormscopeEngine
@testable import NormscopeTerminal
import Testing

/// The live view reads training once per frame: a `LiveFrame` whose panels, header and export are one moment.
@Suite("one live frame, one moment")
struct LiveFrameTests {
    @Test("frames taken while two workers train flat out: every panel at the header's epoch, the export of the frame the same")
    func frameIsOneMoment() {
        let exp = Experiment(recipe: ExportAnyMomentTests.recipe, config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 60))
        let run = LiveRun(experiment: exp, threads: 2, stage2Epochs: 3)
        defer { run.stop() }
        run.session.epochLimit = .max
        var frames = 0
        while true {
            let f = run.frame()
            let epoch = f.stage.epoch
            #expect(f.run.stage1.allSatisfy { $0.epochsDone == epoch }, "every panel at epoch \(epoch)")
            #expect(f.learningRate == (epoch < 60 ? TrainingPlan(regime: .naive, config: exp.config).learningRate(epoch: epoch) : nil))
            let results = run.results(of: f.run)
            #expect(results.runs.map(\.epochsDone) == f.run.stage1.map(\.epochsDone), "the export is the frame")
            #expect(results.interrupted == !f.finished, "the status and the histories agree")
            frames += 1
            if f.finished { break }
            run.session.waitForChange(after: f.version, timeout: 1)
        }
        #expect(frames >= 1)
        #expect(run.startStage2(Stage2Config(epochs: 3)), "returns at once: the features are extracted on a worker")
        let asked = run.frame()
        #expect((asked.preparingStage2 || asked.stage2Started) && !asked.finished && asked.stage.label == "stage 2")
        #expect(asked.stage.epoch == 0 && asked.learningRate == nil)
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        let done = run.frame()
        #expect(done.finished && done.stage2Started && !done.preparingStage2 && done.stage.epoch == 3)
        #expect(done.run.stage2Config?.epochs == 3 && done.plannedEpochs == 63)
    }
}
