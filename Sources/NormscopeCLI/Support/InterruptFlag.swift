import Dispatch
import Foundation
import NormscopeEngine
import Synchronization

/// Turns SIGINT (and SIGTERM, SIGHUP) into a flag the headless run polls, so Ctrl-C stops training cleanly.
///
/// The first signal raises the flag (the run stops after the epochs under way and writes what it has); a
/// second one quits at once with 128 + signal, writing nothing (the output path keeps its old contents:
/// files are only ever replaced whole).
///
/// The signal handlers run on a Dispatch queue while the run polls `isRaised`: all they share with it is
/// `State`, two atomics. The flag itself (and its signal sources) belongs to the thread that made it.
final class InterruptFlag {
    /// What the handlers write and the run reads.
    private final class State: Sendable {
        let raised = Atomic<Bool>(false)
        let count = Atomic<Int>(0)
    }

    private let state = State()
    private let sources: [DispatchSourceSignal]
    private let signals: [Int32]

    /// What the first signal prints for a run that saves what it has.
    static let savesMessage = "stopping after the epochs under way (Ctrl-C again to quit without saving)"

    /// Starts catching `signals`, printing `firstMessage` on the first; `stop()` restores their default action.
    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], firstMessage: String = InterruptFlag.savesMessage) {
        self.signals = signals
        let state = self.state
        sources = signals.map { s in
            signal(s, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: s, queue: .global())
            src.setEventHandler {
                if state.count.wrappingAdd(1, ordering: .relaxed).newValue >= 2 {
                    StandardError.writeUnflushed("\nnormscope: interrupted again; quitting without writing results\n")
                    PendingTemporaryFiles.removeAll()
                    _exit(128 + s)
                }
                StandardError.writeUnflushed("\nnormscope: \(firstMessage)\n")
                state.raised.store(true, ordering: .relaxed)
            }
            src.resume()
            return src
        }
    }

    /// Whether a signal has arrived.
    var isRaised: Bool { state.raised.load(ordering: .relaxed) }

    /// Stops catching the signals (again: nothing more happens); they end the process again, removing the
    /// temporary file of a write under way (`ExitSignalCleanup`).
    func stop() {
        for s in sources { s.cancel() }
        for s in signals {
            signal(s, SIG_DFL)
            ExitSignalCleanup.restore(s)
        }
    }
}
