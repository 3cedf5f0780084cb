#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeEngine

/// Ctrl-\ (SIGQUIT) in a headless command: one line and exit 131, nothing written, instead of the Swift
/// runtime's crash report (it treats SIGQUIT like a crash and prints a backtrace of every thread).
///
/// Ctrl-\ means "quit now", so nothing is saved (Ctrl-C saves what was trained); output files keep their old
/// contents, as files are only ever replaced whole. A SIGQUIT ignored when the program started (a background
/// job of a script) stays ignored. The live view installs its own handler, which restores the terminal first.
enum QuitSignal {
    /// Installs the handler.
    static func install() {
        PendingTemporaryFiles.prepare()
        guard !SignalDisposition.isIgnored(SIGQUIT) else { return }
        SignalDisposition.set(SIGQUIT, quit)
    }
}

/// The handler: only async-signal-safe calls (write, _exit).
private func quit(_ signal: Int32) {
    let message: StaticString = "\nnormscope: quit (Ctrl-\\); nothing written\n"
    _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
    PendingTemporaryFiles.removeAll()
    _exit(128 + signal)
}
