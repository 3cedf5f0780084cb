#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary files being written at this moment, so that a signal ending the process can remove them.
///
/// `AtomicFile` writes into a hidden temporary file beside the output and renames it when complete; a signal
/// that ends the process in between (SIGTERM, a second Ctrl-C, Ctrl-\) would leave that half-written file
/// behind. Each writer marks its temporary path here while it exists, and the exit paths of the signal
/// handlers call `removeAll()`, which is async-signal-safe: an atomic load and `unlink(2)` on paths copied
/// into memory allocated in advance. At most `slotCount` files are marked at once; more are written unmarked.
package enum PendingTemporaryFiles {
    /// How many temporary files can be marked at once (bits of `armed`).
    static let slotCount = 64
    /// Bytes of one slot: a path up to PATH_MAX and its terminating NUL.
    static let slotBytes = Int(PATH_MAX) + 1

    /// The slots' paths, NUL-terminated, allocated once and never freed (signal handlers read them).
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotBytes)
    /// Slots in use by a writer (claimed before its path is copied in).
    private static let claimed = Atomic<UInt64>(0)
    /// Slots whose path is to be removed by `removeAll()` (set after the path is copied in).
    private static let armed = Atomic<UInt64>(0)

    /// A marked temporary path; `unmark` it once it is renamed or removed.
    package struct Mark: Sendable {
        fileprivate let slot: Int?
    }

    /// Touches the shared state, so that a signal handler never runs its one-time initialization.
    package static func prepare() {
        _ = paths
        _ = armed.load(ordering: .relaxed)
        _ = claimed.load(ordering: .relaxed)
    }

    /// Marks `path` (before the file is created) for removal by `removeAll()`.
    package static func mark(_ path: String) -> Mark {
        let bytes = Array(path.utf8)
        guard bytes.count < slotBytes, !bytes.contains(0) else { return Mark(slot: nil) }
        var current = claimed.load(ordering: .relaxed)
        while true {
            guard current != .max else { return Mark(slot: nil) }
            let slot = (~current).trailingZeroBitCount
            let (exchanged, now) = claimed.compareExchange(expected: current, desired: current | (1 << slot),
                                                           ordering: .acquiringAndReleasing)
            if exchanged {
                let start = paths + slot * slotBytes
                for (i, b) in bytes.enumerated() { start[i] = CChar(bitPattern: b) }
                start[bytes.count] = 0
                armed.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
                return Mark(slot: slot)
            }
            current = now
        }
    }

    /// Forgets a mark: the file was renamed into place or removed.
    package static func unmark(_ mark: Mark) {
        guard let slot = mark.slot else { return }
        armed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
        claimed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    }

    /// Removes every marked file. Async-signal-safe: call it from a handler just before the process ends.
    package static func removeAll() {
        var bits = armed.load(ordering: .acquiring)
        while bits != 0 {
            let slot = bits.trailingZeroBitCount
            bits &= bits - 1
            unlink(paths + slot * slotBytes)
        }
    }
}
