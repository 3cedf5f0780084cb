#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeEngine
import Synchronization

/// Turns SIGINT (and SIGTERM, SIGHUP) into a flag the headless run polls, so Ctrl-C stops training cleanly.
///
/// The first signal raises the flag (the run stops after the epochs under way and writes what it has); a
/// second one quits at once with 128 + signal, writing nothing (the output path keeps its old contents:
/// files are only ever replaced whole).
///
/// The handler is a plain `sigaction` handler, run by whichever thread the signal lands on: a Dispatch signal
/// source (as before) waited for a free worker of Dispatch's pool, which a loaded machine may not give for the
/// length of an epoch, so the first Ctrl-C said nothing for seconds. It only uses async-signal-safe calls:
/// atomics in memory made before it is installed, `write(2)` of bytes prepared in advance, `unlink(2)` and
/// `_exit(2)`. A signal ignored when the program started (`nohup`, a script's background job) stays ignored.
final class InterruptFlag {
    private let signals: [Int32]

    /// What the first signal prints for a run that saves what it has.
    static let savesMessage = "stopping after the epochs under way (Ctrl-C again to quit without saving)"

    /// Starts catching `signals`, printing `firstMessage` on the first; `stop()` gives them back.
    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], firstMessage: String = InterruptFlag.savesMessage) {
        InterruptHandlerState.prepare(firstMessage: "\nnormscope: \(firstMessage)\n")
        self.signals = signals.filter { !SignalDisposition.isIgnored($0) }
        for s in self.signals { SignalDisposition.set(s, interruptHandler) }
    }

    /// Whether a signal has arrived.
    var isRaised: Bool { InterruptHandlerState.count.load(ordering: .relaxed) > 0 }

    /// Stops catching the signals (again: nothing more happens); they end the process again, removing the
    /// temporary file of a write under way (`ExitSignalCleanup`).
    func stop() {
        for s in signals { ExitSignalCleanup.restore(s) }
    }
}

/// What the handler reads and writes: the signals seen, and the first signal's message as bytes. Set up before
/// the handler is installed; the message's bytes are never freed (a handler may be reading them).
private enum InterruptHandlerState {
    static let count = Atomic<Int>(0)
    nonisolated(unsafe) static var message = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    /// Counts from zero and stores `firstMessage`; touches everything the handler uses, so it never runs a
    /// one-time initialization.
    static func prepare(firstMessage: String) {
        count.store(0, ordering: .relaxed)
        let bytes = Array(firstMessage.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        message = buffer
        PendingTemporaryFiles.prepare()
    }
}

/// The handler: the first signal prints the message (the run sees the count); a second removes the temporary
/// file of a write under way and ends the process with 128 + signal.
private func interruptHandler(_ signal: Int32) {
    if InterruptHandlerState.count.wrappingAdd(1, ordering: .relaxed).newValue >= 2 {
        let again: StaticString = "\nnormscope: interrupted again; quitting without writing results\n"
        _ = write(2, again.utf8Start, again.utf8CodeUnitCount)
        PendingTemporaryFiles.removeAll()
        _exit(128 + signal)
    }
    let m = InterruptHandlerState.message
    if let start = m.baseAddress { _ = write(2, start, m.count) }
}
