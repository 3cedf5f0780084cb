@testable import NormscopeEngine
import NormscopeTestSupport
import Testing

/// Stage 2 far past the kept-history limit, on every thread count: the stage-2 histories used to be read
/// while their trainers were still training on other threads, which corrupted memory past 1,024 epochs.
struct LongStage2Tests {
    static let recipe = DatasetRecipe(name: "tiny", classes: 3, dimension: 2, maxPerClass: 12, imbalance: 4,
                                      testPerClass: 3, modesPerClass: 1, latentDimension: 2, noise: 0.5)

    /// One run of 3 stage-1 epochs and 5,000 stage-2 epochs of every variant on two bases.
    static func run(threads: Int) throws -> ResultsFile {
        var s2 = Stage2Config(variants: Stage2Variant.all, epochs: 5_000)
        s2.bases = [.wd, .naive]
        let exp = Experiment(recipe: recipe, config: TrainingConfig(hidden: [4], batchSize: 16, epochs: 3))
        var seen = 0
        let r = exp.run(threads: threads, timings: false, stage2: s2, progress: { snap in
            // Snapshots are taken while the workers train: each one must be whole and consistent.
            for h in snap.all { #expect(RunHistory.epochsIncrease(h.records.map(\.epoch)) && h.records.count <= RunHistory.rowLimit) }
            seen += 1
        })
        #expect(seen > 0)
        return r
    }

    @Test("stage 2 of 5,000 epochs passes 20 times in a row, the same every time")
    func twentyInARow() throws {
        let first = try Self.run(threads: 2)
        #expect(!first.interrupted && first.runs.count == 5 + 10)
        for h in first.runs where h.isStage2 {
            #expect(h.diverged == nil && h.epochsDone == (h.id.variant!.isPostHoc ? 0 : 5_000), "\(h.name)")
            #expect(h.records.first?.epoch == 0 && h.records.count <= RunHistory.rowLimit)
        }
        let bytes = try first.encoded()
        for i in 1..<20 {
            #expect(try Self.run(threads: 1 + i % 3).encoded() == bytes, "run \(i) differs")
        }
    }
}

/// The session's clock counts training time only.
struct TrainingClockTests {
    @Test("while training is held (paused), the clock and the throughput stand still")
    func pausedClockStandsStill() throws {
        let clock = ManualClock(step: 0.001)  // every reading moves time on, so training takes time
        let exp = Experiment(recipe: LongStage2Tests.recipe, config: TrainingConfig(hidden: [4], batchSize: 16, epochs: 50))
        let run = StagedRun(stage1: exp.makeTrainers(data: TrainingData(exp.dataset)), threads: 2, epochLimit: 3,
                            clock: clock)
        defer { run.stop() }
        run.session.waitUntilIdleAtLimit()
        let held = run.session.elapsedSeconds
        let throughput = run.session.samplesPerSecond
        #expect(held > 0 && held < 1, "a few readings of the clock during 3 epochs: \(held) s")
        clock.advance(by: 300)
        #expect(run.session.elapsedSeconds == held, "five minutes held: no training, no time")
        #expect(run.session.samplesPerSecond == throughput)
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(run.session.elapsedSeconds > held && run.session.elapsedSeconds < held + 30)
    }
}
