#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeEngine

/// SIGINT, SIGTERM and SIGHUP in a headless command: the temporary file of a write under way is removed, then
/// the process ends of the signal as it would have (exit status 128 + signal).
///
/// Outputs are written to a hidden temporary file and renamed when complete (`AtomicFile`); a signal in
/// between would otherwise leave the half-written temporary file beside the output. `run` and `reproduce`
/// catch these signals while they train (`InterruptFlag`) and hand them back here when they stop. A signal
/// ignored when the program started (a script's background job, `nohup`) stays ignored.
enum ExitSignalCleanup {
    /// The signals handled.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for every signal of `signals` not ignored at start.
    static func install() {
        PendingTemporaryFiles.prepare()
        for s in signals { restore(s) }
    }

    /// Gives `signal` back to the handler (after `InterruptFlag` caught it), or leaves it ignored if it was
    /// ignored when the program started.
    static func restore(_ signal: Int32) {
        guard !ignoredAtStart(signal) else { return }
        SignalDisposition.set(signal, removeTemporaryFilesAndDie)
    }

    /// Whether `signal` was ignored when this was first asked (before any handler of ours replaced it).
    private static func ignoredAtStart(_ signal: Int32) -> Bool {
        Self.startDispositions.first { $0.signal == signal }?.ignored ?? false
    }

    /// The dispositions found at the first call, read before normscope changes any.
    private static let startDispositions: [(signal: Int32, ignored: Bool)] = signals.map {
        ($0, SignalDisposition.isIgnored($0))
    }
}

/// The handler: only async-signal-safe calls (unlink, sigaction, raise). The signal is blocked while it runs,
/// so the raised one ends the process, with its default action, as soon as the handler returns.
private func removeTemporaryFilesAndDie(_ signal: Int32) {
    PendingTemporaryFiles.removeAll()
    SignalDisposition.set(signal, SIG_DFL)
    raise(signal)
}
