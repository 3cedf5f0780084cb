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
        let failure = data.withUnsafeBytes { DescriptorWrite.all(1, $0) }
        if failure != 0 {
            throw .writeFailed("cannot write to standard output: \(String(cString: strerror(failure)))")
        }
    }
}
