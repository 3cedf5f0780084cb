import Foundation
import NormscopeEngine

/// A restart whose experiment is built on a helper thread, so the live view keeps drawing and answering keys
/// while the new data are generated; the UI thread adopts it when it is ready (`LiveApp.adoptRestart`).
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
    private var built: Result<Experiment, any Error>?

    init(seed: UInt64, overrides: [String: String], asked: Date, message: String, before: [Regime: LiveBefore]) {
        self.seed = seed
        self.overrides = overrides
        self.asked = asked
        self.message = message
        self.before = before
    }

    /// The experiment once built (or why it could not be); nil while building.
    var result: Result<Experiment, any Error>? { lock.withLock { built } }

    /// Builds the experiment with `make` on a new thread.
    func build(_ make: @escaping @Sendable () throws -> Experiment) {
        Thread.detachNewThread { [self] in
            let r = Result { try make() }
            lock.withLock { built = r }
        }
    }
}

/// A run replaced by a restart, handed to the thread that stops it (the UI thread no longer touches it).
private struct RetiredRun: @unchecked Sendable {
    let run: LiveRun
}

extension LiveApp {
    /// Starts building a new run of `seed` with the panel's `overrides` on a helper thread (the `r` key and the
    /// panel's restarts); the view goes on until it is ready, then shows it from epoch 0 with `message`.
    func startRun(seed next: UInt64, overrides: [String: String], message: String, before: [Regime: LiveBefore]) {
        let pending = PendingRestart(seed: next, overrides: overrides, asked: clock.now(), message: message, before: before)
        let config = self.config
        pending.build { try LiveApp.makeExperiment(config, seed: next, overrides: overrides) }
        settings.pending = pending
    }

    /// Swaps in the restarted run once its experiment is built; true when the screen changed.
    func adoptRestart() -> Bool {
        guard let pending = settings.pending, let result = pending.result else { return false }
        settings.pending = nil
        switch result {
        case .success(let experiment):
            latency.restart(asked: pending.asked, built: clock.now())
            seed = pending.seed
            // The old run's epochs under way finish on a helper thread: the UI does not wait for them.
            let old = RetiredRun(run: current)
            Thread.detachNewThread { old.run.stop() }
            current = LiveRun(experiment: experiment, threads: config.threads, stage2Epochs: config.stage2.epochs,
                              clock: clock)
            paused = false
            holdStarted = nil
            latest = current.frame()
            shown = nil
            settings.overrides = pending.overrides
            settings.before = pending.before
            flash(pending.message)
        case .failure(let error):
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
