import Foundation

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress bars) or a file/pipe (plain lines).
    static var isTerminal: Bool { isatty(2) == 1 }
}
