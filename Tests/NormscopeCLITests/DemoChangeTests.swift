import NormscopeEngine
@testable import NormscopeTerminal
import NormscopeTestSupport
import Testing

/// The tour's one live change (issue 17 item 6): (d)'s MaxNorm radius raised at 70% of stage 1, through the
/// settings panel's path, with a caption saying what changed and what to look for.
@Suite("demo change")
struct DemoChangeTests {
    @Test("at 70% of stage 1 the tour asks for the change once, captions it, and the run records it")
    func raisesTheRadiusOnce() {
        let live = ClockedLiveRun(epochs: 10), run = live.run
        defer { run.stop() }
        func tick(_ seconds: Double) -> DemoScript.Action { live.demoTick(seconds) }
        var demo: DemoScript { live.demo }
        #expect(tick(0) == .continue && demo.holdsTraining)
        #expect(tick(7.1) == .continue && !demo.holdsTraining)
        run.session.epochLimit = 6
        run.session.waitUntilIdleAtLimit()
        #expect(tick(0) == .continue, "60%: not yet")
        run.session.epochLimit = 7
        run.session.waitUntilIdleAtLimit()
        #expect(tick(0) == .change(.maxNormRadius, 2.0))
        let change = run.changeFromNextEpoch(.maxNormRadius, to: 2.0)
        #expect(change.epoch == 7)
        #expect(tick(0) == .continue && demo.caption == DemoScript.changeCaption, "asked once, then captioned")
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(run.changes == [ConfigChange(epoch: 7, setting: .maxNormRadius, value: 2.0)])
        #expect(demo.allCaptions.contains(DemoScript.changeCaption), "the caption area is sized for it too")
    }
}
