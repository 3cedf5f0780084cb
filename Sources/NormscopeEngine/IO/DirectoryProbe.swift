#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether new files can be created in a directory, found by creating one: permissions, read-only mounts and
/// special file systems (`/proc`) all answer truthfully, as no check of mode bits can.
package enum DirectoryProbe {
    /// The `errno` of creating a hidden probe file in `directory`, or nil when it could be created (it is
    /// removed at once). `directory` must name a directory; "/" is fine.
    package static func creationError(in directory: String) -> Int32? {
        let probe = (directory.hasSuffix("/") ? directory : directory + "/")
            + ".normscope-probe-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let mark = PendingTemporaryFiles.mark(probe)
        defer { PendingTemporaryFiles.unmark(mark) }
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return errno }
        close(fd)
        unlink(probe)
        return nil
    }
}
