import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT (and SIGTERM, SIGHUP) into a flag the headless run polls, so Ctrl-C stops training cleanly.
final class InterruptFlag: @unchecked Sendable {
    private let raised = Atomic<Bool>(false)
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    /// Starts catching `signals`; `stop()` restores their default action.
    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        self.signals = signals
        for s in signals {
            signal(s, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: s, queue: .global())
            src.setEventHandler { [unowned self] in self.raised.store(true, ordering: .relaxed) }
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
