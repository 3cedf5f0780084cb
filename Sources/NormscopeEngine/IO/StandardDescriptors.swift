#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Process-wide guards for the standard streams, set once at start by a headless command.
package enum StandardDescriptors {
    /// Opens `/dev/null` on each of descriptors 0, 1 and 2 that the process was started without
    /// (`2>&-`, `>&-`), so that a file opened later cannot land on one of them: a results file opened as
    /// descriptor 2 would otherwise receive every message meant for stderr.
    package static func holdClosedOnes() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            closedAtStart.bitwiseOr(1 << UInt8(fd), ordering: .relaxed)
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            // open returns the lowest free descriptor, which is `fd`; anything else is not ours to keep.
            if opened >= 0 && opened != fd { close(opened) }
        }
    }

    /// Whether descriptor `fd` (0, 1 or 2) was closed when the process started, as `holdClosedOnes` found it:
    /// data meant for a closed stdout (`-o - >&-`) would go to `/dev/null`, so it is refused instead.
    package static func wasClosedAtStart(_ fd: Int32) -> Bool {
        (0...2).contains(fd) && closedAtStart.load(ordering: .relaxed) & (1 << UInt8(fd)) != 0
    }

    /// Bit `fd` set for each of descriptors 0, 1 and 2 found closed by `holdClosedOnes`.
    private static let closedAtStart = Atomic<UInt8>(0)

    /// Ignores SIGPIPE and SIGXFSZ, so that a reader that quit (`| head -1`) makes a write fail with EPIPE
    /// and a file-size limit (`ulimit -f`) with EFBIG — errors the command reports and survives (saving its
    /// results elsewhere) — instead of ending the process mid-write. Returns what they were, for `restore`.
    package static func ignoreWriteSignals() -> WriteSignals {
        WriteSignals(pipe: signal(SIGPIPE, SIG_IGN), fileSize: signal(SIGXFSZ, SIG_IGN))
    }

    /// The dispositions of SIGPIPE and SIGXFSZ before `ignoreWriteSignals`.
    package struct WriteSignals {
        fileprivate let pipe: (@convention(c) (Int32) -> Void)?
        fileprivate let fileSize: (@convention(c) (Int32) -> Void)?

        /// Puts them back (the live view, whose signal trap restores the terminal on each).
        package func restore() {
            signal(SIGPIPE, pipe)
            signal(SIGXFSZ, fileSize)
        }
    }
}
