import NormscopeEngine
@testable import NormscopeTerminal
import NormscopeTestSupport
import Testing

/// The pace follows the live view's clock: epochs are released by time, not by how fast the machine trains.
@Suite("live pace by the clock")
struct PaceClockTests {
    @Test("at 0.6 s per epoch: one epoch at once, none until 0.6 s have passed, then one per 0.6 s")
    func oneEpochPerPace() {
        let live = ClockedLiveRun(epochs: 50), clock = live.clock, run = live.run
        defer { run.stop() }
        func tick(_ seconds: Double) {
            clock.advance(by: seconds)
            run.pace(.standard, paused: false, now: clock.now())
            run.session.waitUntilIdleAtLimit()
        }
        tick(0)
        #expect(run.session.epochsDone == 1)
        tick(0.5)
        #expect(run.session.epochsDone == 1, "0.5 s: too early for the next epoch")
        tick(0.2)
        #expect(run.session.epochsDone == 2)
        for _ in 0..<10 { tick(0.6) }
        #expect(run.session.epochsDone == 12, "ten paces, ten epochs")
        tick(30)
        #expect(run.session.epochsDone == 13, "after a stall the pace starts afresh: one epoch, not fifty")
    }
}

/// The demo's timeline follows the live view's clock: its introduction and the pause between the stages last
/// their seconds of that clock, however fast training runs.
@Suite("demo timeline by the clock")
struct DemoClockTests {
    @Test("7 s of introduction hold training, 6 s on stage 1 done, 9 s pointing at a tail class, stage 2, then the end")
    func timeline() {
        let live = ClockedLiveRun(epochs: 3, stage2Epochs: 2), run = live.run
        defer { run.stop() }
        func tick(_ seconds: Double) -> DemoScript.Action { live.demoTick(seconds) }
        var demo: DemoScript { live.demo }
        #expect(tick(0) == .continue && demo.holdsTraining && demo.caption.hasPrefix("Long-tailed data: 4 classes"))
        #expect(tick(6.9) == .continue && demo.holdsTraining, "6.9 s: still the introduction")
        #expect(tick(0.2) == .continue && !demo.holdsTraining, "7.1 s: training starts")
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(tick(0) == .continue && demo.caption.hasPrefix("Stage 1 done"))
        #expect(tick(5.9) == .continue, "5.9 s after stage 1: still the pause")
        #expect(tick(0.2) == .continue && demo.cursor != nil && demo.caption.hasPrefix("Class "),
                "6.1 s: the cursor points at a tail class")
        #expect(tick(8.8) == .continue && demo.cursor != nil, "14.9 s: still pointing")
        #expect(tick(0.2) == .startStage2 && demo.cursor == nil)
        #expect(run.startStage2(Stage2Config(epochs: 2)))
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(tick(0) == .finished && demo.caption.hasPrefix("Done:"))
    }
}
