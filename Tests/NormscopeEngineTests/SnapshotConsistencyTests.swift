@testable import NormscopeEngine
import Testing

/// A snapshot is one moment of the session: its histories, its counters and its stage layout are read in one
/// step, so they agree with each other however the workers interleave.
@Suite("snapshots are one moment")
struct SnapshotConsistencyTests {
    /// Checks that everything in `s` tells the same moment.
    static func expectConsistent(_ s: SessionSnapshot) {
        let p = s.progress
        let trained = s.histories.map(\.epochsDone).reduce(0, +)
        #expect(p.epochsTrained == trained, "every finished epoch is in a history, and only those")
        let layoutChanges: UInt64 = s.layout.preparingStage2 ? 1 : s.layout.stage2Config != nil ? 2 : 0
        #expect(p.version == UInt64(trained) + layoutChanges, "the version counts the same epochs")
        let runnable = s.histories.filter { !$0.isFinished }.map(\.epochsDone)
        #expect(p.epochsDone == (runnable.min() ?? s.histories.map(\.epochsDone).max() ?? 0))
        #expect(p.isFinished == (!s.layout.preparingStage2 && s.histories.allSatisfy(\.isFinished)))
        let inSession = s.layout.slots.compactMap { slot -> Int? in
            if case .session(let i, _) = slot { return i } else { return nil }
        }
        #expect(inSession.allSatisfy { $0 >= s.layout.stage1Count && $0 < s.histories.count })
        #expect(s.layout.stage2Config == nil ? s.histories.count == s.layout.stage1Count : !s.layout.slots.isEmpty)
    }

    @Test("snapshots taken while two workers train stage 1 and stage 2 agree with themselves")
    func consistentUnderConcurrentTraining() throws {
        let exp = Experiment(recipe: LongStage2Tests.recipe, config: TrainingConfig(hidden: [4], batchSize: 16, epochs: 200))
        let run = StagedRun(stage1: exp.makeTrainers(data: TrainingData(exp.dataset)), threads: 2, epochLimit: 0)
        defer { run.stop() }
        var s2 = Stage2Config(variants: Stage2Variant.all, epochs: 300)
        s2.bases = [.wd, .naive]
        var seen = 0
        func follow() {
            while true {
                let s = run.session.snapshot()
                Self.expectConsistent(s)
                seen += 1
                if s.progress.isFinished { return }
                run.session.waitForChange(after: s.progress.version, timeout: 1)
            }
        }
        #expect(!run.beginStage2(s2, requests: run.requests(s2)), "stage 2 waits for stage 1")
        run.session.epochLimit = .max
        follow()
        #expect(run.beginStage2(s2, requests: run.requests(s2)))
        #expect(run.beginStage2(s2, requests: run.requests(s2)), "asked twice: started once")
        follow()
        let last = run.snapshot()
        #expect(last.stage2Started && !last.preparingStage2 && last.stage2Config == s2)
        #expect(last.stage2.count == 2 * Stage2Variant.all.count, "each base continued once per variant")
        #expect(last.stage2.filter { $0.plannedEpochs > 0 }.allSatisfy { $0.epochsDone == 300 })
        #expect(seen > 2)
    }
}
