import Foundation
import NormscopeEngine

/// Writes to standard error without buffering surprises, and without ever failing the command.
///
/// A stderr that cannot take the text (closed, `2>/dev/full`, a pipe whose reader quit) is ignored: there
/// is nowhere else to say it, and the command's real output (a results file, the report on stdout, the exit
/// status) must not be lost over a progress line.
enum StandardError {
    /// Writes `text`, after flushing what `print` has buffered for stdout, so that the two keep their order.
    static func write(_ text: String) {
        fflush(nil)  // every stdio output stream: stdout is the one buffered
        writeUnflushed(text)
    }

    /// Writes `text` without touching stdout: for the signal handlers, which must never wait on a full pipe
    /// (or on the lock of a `print` blocked on one), or a second Ctrl-C could not quit.
    static func writeUnflushed(_ text: String) {
        DescriptorWrite.all(2, text)
    }

    /// Whether standard error is a terminal (progress bars) or a file/pipe (plain lines).
    static var isTerminal: Bool { isatty(2) == 1 }
}
