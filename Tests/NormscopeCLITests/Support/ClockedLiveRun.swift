import NormscopeEngine
@testable import NormscopeTerminal
import NormscopeTestSupport

/// A live run of the small test recipe on a manual clock, and the demo's timeline over it: the setup the clock
/// tests (`PaceClockTests`, `DemoClockTests`, `DemoChangeTests`) share. Call `run.stop()` when done (`defer`).
final class ClockedLiveRun {
    let clock = ManualClock()
    let experiment: Experiment
    let run: LiveRun
    /// The demo's timeline, fed by `demoTick`; tests that only pace the run leave it alone.
    var demo: DemoScript

    /// `epochs` of stage 1 (hidden width 6, batches of 16) and `stage2Epochs` of stage 2 on the manual clock.
    init(epochs: Int, stage2Epochs: Int = 0) {
        experiment = Experiment(recipe: ExportAnyMomentTests.recipe,
                                config: TrainingConfig(hidden: [6], batchSize: 16, epochs: epochs))
        run = LiveRun(experiment: experiment, threads: 2, stage2Epochs: stage2Epochs, clock: clock)
        demo = DemoScript(epochs: epochs, classCounts: experiment.dataset.classCounts, regimes: experiment.regimes.count)
    }

    /// Advances the clock by `seconds` and lets the demo act on the run's frame then.
    func demoTick(_ seconds: Double) -> DemoScript.Action {
        clock.advance(by: seconds)
        return demo.tick(now: clock.now(), frame: run.frame())
    }
}
