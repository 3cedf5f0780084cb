import Foundation
import NormscopeEngine

/// A restart whose experiment and run (data generated, initial weights drawn, workers started, held at epoch 0)
/// are built on a helper thread, so the live view keeps drawing and answering keys meanwhile; the UI thread
/// adopts the run when it is ready (`LiveApp.adoptRestart`) and is the only one to touch it from then on.
final class PendingRestart: @unchecked Sendable {
    /// The new run's seed and the panel's settings it applies.
    let seed: UInt64
    let overrides: [String: String]
    /// When it was asked for (Enter, or the second `r`).
    let asked: Date
    /// The flash line once the new run is on screen.
    let message: String
    /// Before and after to show once it is (empty after a plain `r`).
    let before: [Regime: LiveBefore]
    private let lock = NSLock()
    private var built: Result<LiveRun, any Error>?
    /// Whether a later restart took this one's place: its run is stopped once built, never shown.
    private var superseded = false
    private var seconds: (experiment: Double, run: Double) = (0, 0)

    init(seed: UInt64, overrides: [String: String], asked: Date, message: String, before: [Regime: LiveBefore]) {
        self.seed = seed
        self.overrides = overrides
        self.asked = asked
        self.message = message
        self.before = before
    }

    /// The run once built (or why it could not be); nil while building.
    var result: Result<LiveRun, any Error>? { lock.withLock { built } }

    /// Seconds the helper thread spent generating the experiment and starting its run (thread CPU time,
    /// for the latency log: the rest of the wait is the CPU going to training and other programs).
    var buildSeconds: (experiment: Double, run: Double) { lock.withLock { seconds } }

    /// Builds the experiment with `experiment`, then its run with `run`, on a new thread.
    func build(_ experiment: @escaping @Sendable () throws -> Experiment, run: @escaping @Sendable (Experiment) -> LiveRun) {
        Thread.detachNewThread { [self] in
            let t0 = Self.threadCPU()
            let r = Result { try experiment() }
            let t1 = Self.threadCPU()
            let made = r.map(run)
            let t2 = Self.threadCPU()
            let unwanted = lock.withLock { built = made; seconds = (t1 - t0, t2 - t1); return superseded }
            if unwanted, case .success(let unshown) = made { unshown.stop() }
        }
    }

    /// Gives this restart up for a later one: its run, once built, is stopped on the thread that built it (or
    /// on a helper thread now, if it is built already), so its workers do not wait for epochs for ever.
    func supersede() {
        let done = lock.withLock { superseded = true; return built }
        if case .success(let run) = done { RetiredRun(run: run).stopInBackground() }
    }

    /// The calling thread's CPU time in seconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// A run replaced by a restart, handed to the thread that stops it (the UI thread no longer touches it).
private struct RetiredRun: @unchecked Sendable {
    let run: LiveRun

    /// Stops the run on a helper thread of its own: the UI does not wait for its workers.
    func stopInBackground() {
        Thread.detachNewThread { run.stop() }
    }
}

extension LiveApp {
    /// Starts building a new run of `seed` with the panel's `overrides` on a helper thread (the `r` key and the
    /// panel's restarts); the view goes on until it is ready, then shows it from epoch 0 with `message`.
    func startRun(seed next: UInt64, overrides: [String: String], message: String, before: [Regime: LiveBefore]) {
        settings.pending?.supersede()
        let pending = PendingRestart(seed: next, overrides: overrides, asked: clock.now(), message: message, before: before)
        let config = self.config, clock = self.clock
        pending.build({ try LiveApp.makeExperiment(config, seed: next, overrides: overrides) }) { experiment in
            LiveRun(experiment: experiment, threads: config.threads, stage2Epochs: config.stage2.epochs, clock: clock)
        }
        settings.pending = pending
        // The current run's epochs under way hold at their next mini-batch, so both cores build the new run;
        // they go on if it cannot be built, and are abandoned once it is shown.
        current.session.suspendEpochs()
    }

    /// Swaps in the restarted run once its experiment is built; true when the screen changed.
    func adoptRestart() -> Bool {
        guard let pending = settings.pending, let result = pending.result else { return false }
        settings.pending = nil
        switch result {
        case .success(let run):
            latency.restart(asked: pending.asked, work: pending.buildSeconds)
            seed = pending.seed
            // The old run's workers, held since the restart was asked for, stop on a helper thread.
            RetiredRun(run: current).stopInBackground()
            current = run
            paused = false
            holdStarted = nil
            latest = current.frame()
            shown = nil
            settings.overrides = pending.overrides
            settings.before = pending.before
            flash(pending.message)
        case .failure(let error):
            current.session.resumeEpochs()
            flash("restart failed: \(error)", seconds: 12)
        }
        return true
    }

    /// The experiment of `seed` with the panel's settings applied (the flags' own path, as at the start).
    static func makeExperiment(_ config: LiveConfiguration, seed: UInt64, overrides: [String: String]) throws -> Experiment {
        if overrides.isEmpty { return try config.makeExperiment(seed) }
        guard let make = config.makeExperimentOverriding else {
            throw NormscopeError.invalidValue("this live view cannot restart with other settings")
        }
        return try make(overrides, seed)
    }
}
