import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT (and SIGTERM, SIGHUP) into a flag the headless run polls, so Ctrl-C stops training cleanly.
///
/// The first signal raises the flag (the run stops after the epochs under way and writes what it has); a
/// second one quits at once with 128 + signal, writing nothing (the output path keeps its old contents:
/// files are only ever replaced whole).
final class InterruptFlag: @unchecked Sendable {
    private let raised = Atomic<Bool>(false)
    private let count = Atomic<Int>(0)
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    /// Starts catching `signals`; `stop()` restores their default action.
    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        self.signals = signals
        for s in signals {
            signal(s, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: s, queue: .global())
            src.setEventHandler { [unowned self] in
                if self.count.wrappingAdd(1, ordering: .relaxed).newValue >= 2 {
                    StandardError.writeUnflushed("\nnormscope: interrupted again; quitting without writing results\n")
                    _exit(128 + s)
                }
                StandardError.writeUnflushed("\nnormscope: stopping after the epochs under way (Ctrl-C again to quit without saving)\n")
                self.raised.store(true, ordering: .relaxed)
            }
            src.resume()
            sources.append(src)
        }
    }

    /// Whether a signal has arrived.
    var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Stops catching the signals.
    func stop() {
        for s in sources { s.cancel() }
        sources = []
        for s in signals { signal(s, SIG_DFL) }
    }
}
