#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

/// Where a command writes its output: a regular file, replaced atomically, or standard output (`-`).
///
/// Every command that writes (`run -o`, `figure -o`, `dataset -o`, `reproduce -o`) makes its target with
/// `check` BEFORE any work, so a long run is never trained in vain and a refused path is never touched.
/// A path is accepted when it is a regular file or a new name in an existing, writable directory, and is
/// not the same file as any of the command's inputs. Anything else (a directory, `/dev/null`, a FIFO, a
/// socket, a device, a name too long for the file system) is refused with one line naming the path and
/// what it is (`NormscopeError.writeFailed`, exit status 73).
///
/// Symbolic links are followed: a link to a regular file has its TARGET replaced atomically (the link
/// stays a link, as editors do), and a dangling link creates its target.
struct OutputTarget: Sendable {
    /// What is written to.
    enum Destination: Equatable, Sendable {
        /// Standard output (`-o -`): the data goes there and all other messages to stderr.
        case standardOutput
        /// The file that is replaced: the path with its symbolic links resolved (it may not exist yet).
        case file(String)
    }

    /// The path as the user gave it, for messages.
    let path: String
    /// What is written to.
    let destination: Destination
    /// The flag that gave the path (`--output`), for messages.
    let flag: String
    /// Whether a read-only file may be replaced (`--force`); it keeps its permission bits either way.
    var force = false

    /// Whether the data goes to standard output, so that every other message must go to stderr.
    var isStandardOutput: Bool { destination == .standardOutput }

    /// The canonical name of the file written, to tell whether two targets are the same file: the real
    /// path of its directory and its name (nil for standard output).
    var canonicalPath: String? {
        guard case .file(let real) = destination else { return nil }
        let (directory, name) = Self.split(real)
        guard let resolved = realpath(directory, nil) else { return real }
        defer { free(resolved) }
        let dir = String(cString: resolved)
        return (dir == "/" ? "/" : dir + "/") + name
    }

    /// The directory part and the last component of `path` (`.` for a bare name).
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
    }
}
