#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file an output replaces, whose permission bits (and, for root, owner and group) the new file keeps.
///
/// A new file is written beside the old one and renamed over it, so it would otherwise get the default mode
/// (0644 less the umask) and its writer as owner: a private 0600 file would become world-readable, and root
/// writing over a user's file would take it over. The replacement is created 0600 (never wider than the old
/// file while it is written), then given exactly the old file's permission bits (set-id and sticky bits are
/// not carried over: never wider) and, when running as root, its owner and group.
package struct ReplacedFile: Sendable {
    /// The old file's permission bits, owner and group; nil when there is no regular file at the path.
    package let old: (mode: mode_t, owner: uid_t, group: gid_t)?

    /// Looks at what is at `path` now (links followed).
    package init(path: String) {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
            old = (info.st_mode & 0o777, info.st_uid, info.st_gid)
        } else {
            old = nil
        }
    }

    /// The mode to create the new file with: 0600 when an old file exists (`adopt` then copies its bits),
    /// otherwise 0644, less the umask.
    package var creationMode: mode_t { old == nil ? 0o644 : 0o600 }

    /// Gives the new file open as `fd` the old file's owner and group (when running as root) and permission
    /// bits; returns 0, or the `errno` of the call that failed. Nothing to do without an old file.
    package func adopt(onto fd: Int32) -> Int32 {
        guard let old else { return 0 }
        if geteuid() == 0 && fchown(fd, old.owner, old.group) != 0 { return errno }
        if fchmod(fd, old.mode) != 0 { return errno }
        return 0
    }

    /// Whether the file at `path` may not be written by this user: no write permission for them (`access`),
    /// or, for root (whom `access` always allows), no write bit at all. False for a missing path.
    package static func isReadOnly(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if geteuid() == 0 { return info.st_mode & 0o222 == 0 }
        return access(path, W_OK) != 0 && errno == EACCES
    }
}
