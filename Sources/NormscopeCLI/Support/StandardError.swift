import Foundation

/// Writes to standard error without buffering surprises.
enum StandardError {
    /// Writes `text`, after flushing what `print` has buffered for stdout, so that the two keep their order.
    static func write(_ text: String) {
        fflush(nil)  // every stdio output stream: stdout is the one buffered
        writeUnflushed(text)
    }

    /// Writes `text` without touching stdout: for the signal handlers, which must never wait on a full pipe
    /// (or on the lock of a `print` blocked on one), or a second Ctrl-C could not quit.
    static func writeUnflushed(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress bars) or a file/pipe (plain lines).
    static var isTerminal: Bool { isatty(2) == 1 }
}
