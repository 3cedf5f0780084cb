#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

/// Writes a command's data to standard output (`-o -`), whole, after anything `print` has buffered.
enum StandardOutput {
    /// Writes `data` to file descriptor 1; throws `writeFailed` when it cannot (a closed pipe: EPIPE when
    /// SIGPIPE is ignored, as `run` does so that it can save the results elsewhere).
    static func write(_ data: Data) throws(NormscopeError) {
        fflush(nil)  // every stdio output stream: stdout is the one buffered
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let n = writeChunk(1, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure != 0 {
            throw .writeFailed("cannot write to standard output: \(String(cString: strerror(failure)))")
        }
    }
}

/// `write(2)` under a name that does not clash with the static method above.
@inline(__always)
private func writeChunk(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
