#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Synchronization

/// Writes a command's output to standard output, unbuffered, through `DescriptorWrite`, remembering the first
/// failure so that the command can end with the documented status.
///
/// A report (`print`) that cannot be written is not an error of the moment: the command goes on (its files
/// matter more) and `Normscope.finishStandardOutput` turns the failure into exit status 74 at the end — unless
/// the reader simply quit (`| head -1`), which is the reader's choice. Data (`-o -`) is written with `write`,
/// which throws so that the command can save it elsewhere.
enum StandardOutput {
    /// The `errno` of the first failed write to standard output (0: none).
    private static let failure = Atomic<Int32>(0)

    /// The `errno` of the first write to standard output that failed, or nil.
    static var firstFailure: Int32? {
        let code = failure.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    /// Prints `text` and `terminator` like Swift's `print`, but through `write(2)`: a failure is remembered
    /// (see `firstFailure`), never a trap or a signal.
    static func print(_ text: String, terminator: String = "\n") {
        fflush(nil)  // anything stdio still holds goes first
        let code = DescriptorWrite.all(1, text + terminator)
        if code != 0 { _ = failure.compareExchange(expected: 0, desired: code, ordering: .relaxed) }
    }

    /// Writes `data` to file descriptor 1; throws `writeFailed` when it cannot (a closed pipe, EPIPE; a full
    /// disk; a file-size limit), so that the command can save it elsewhere.
    static func write(_ data: Data) throws(NormscopeError) {
        fflush(nil)  // every stdio output stream: stdout is the one buffered
        let code = data.withUnsafeBytes { DescriptorWrite.all(1, $0) }
        if code != 0 {
            throw .writeFailed("cannot write to standard output: \(DescriptorWrite.message(code))")
        }
    }

    /// Whether standard output is a pipe or socket whose reader has gone (`| head -1` after head quit): a
    /// write fails with EPIPE, and that is the reader's choice rather than a failure of the command.
    static var readerQuit: Bool {
        var probe = pollfd(fd: 1, events: Int16(POLLOUT), revents: 0)
        return poll(&probe, 1, 0) == 1 && probe.revents & Int16(POLLERR) != 0
    }
}
