#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

extension OutputTarget {
    /// The target `path` names, checked as far as it can be without writing it; throws `writeFailed`
    /// naming the path, what is wrong and how to fix it.
    ///
    /// Refused: an empty path; a path ending in `/`; a directory, device, FIFO, socket or other file that is
    /// not regular (symbolic links followed); the same file as one of `inputs` (compared by device and
    /// inode, so `./r.json`, `r.json`, links and hard links are all caught); a missing directory; a name too
    /// long for the file system; a directory that does not accept new files (tested by creating and
    /// removing a probe file: `access` says yes to root on a read-only file system). `-` (or `/dev/stdout`)
    /// is standard output; the fixes suggest it only when `standardOutputHint` (a flag that takes `-`).
    /// `consequence` ends each message's first part ("nothing was trained").
    /// A read-only file (no write permission for this user; for root, no write bit) is refused unless `force`
    /// (`--force`).
    static func check(_ path: String, flag: String = "--output", inputs: [Input] = [], standardOutputHint: Bool = true,
                      force: Bool = false, consequence: String) throws(NormscopeError) -> OutputTarget {
        let shortFlag = flag == "--output" ? "-o" : flag
        let pickAnother = "pick another \(flag)"
        let regularOrNew = "give \(flag) a regular file or a new path"
            + (standardOutputHint ? " (\(shortFlag) - writes to standard output)" : "")
        func failure(_ reason: String, _ fix: String) -> NormscopeError {
            .writeFailed("cannot write \(path): \(reason); \(consequence) — \(fix)")
        }

        guard !path.isEmpty else {
            throw .writeFailed("\(flag) is empty; \(consequence) — give it a file path"
                               + (standardOutputHint ? ", or - for standard output" : ""))
        }
        if path == "-" || standardOutputNames.contains(path) {
            if StandardDescriptors.wasClosedAtStart(1) {
                throw .writeFailed("cannot write to standard output (\(shortFlag) \(path)): it was closed when normscope"
                    + " started (>&-); \(consequence) — give \(flag) a file, or leave standard output open")
            }
            return OutputTarget(path: path, destination: .standardOutput, flag: flag)
        }
        if let blank = blankEdge(of: split(path).name) {
            throw .writeFailed("cannot write '\(path)': the file name \(blank) with a blank, which is easy to miss and"
                + " hides its extension; \(consequence) — remove the blank (check the quoting)")
        }

        var info = stat()
        if stat(path, &info) == 0 {
            let kind = FileKind(mode: info.st_mode)
            if kind == .directory { throw failure("it is a directory", regularOrNew) }
            guard kind == .regular else { throw failure("it is \(kind.phrase), not a regular file", regularOrNew) }
            for input in inputs {
                var other = stat()
                if stat(input.path, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino {
                    throw failure("it is the same file as \(input.name)",
                                  "\(pickAnother): writing there would destroy the input")
                }
            }
        } else {
            let code = errno
            if path.hasSuffix("/") { throw failure("a path ending in / names a directory", "give \(flag) a file name") }
            switch code {
            case ENOENT: break  // a new path, or a dangling link whose target is created: checked below
            case ENOTDIR: throw failure("a part of the path is not a directory", "check the path")
            case ENAMETOOLONG: throw failure(nameTooLong(path), "use a shorter name")
            case ELOOP: throw failure("too many levels of symbolic links", "check the links")
            default: throw failure(systemMessage(code), pickAnother)
            }
        }

        guard let real = resolveLinks(path) else { throw failure("too many levels of symbolic links", "check the links") }
        let via = real == path ? "" : "it is a link to \(real), and "
        let (directory, name) = split(real)
        var dirInfo = stat()
        guard stat(directory, &dirInfo) == 0, FileKind(mode: dirInfo.st_mode) == .directory else {
            throw failure("\(via)directory \(directory) does not exist", "create it first or \(pickAnother)")
        }
        let limit = pathconf(directory, Int32(_PC_NAME_MAX))
        if limit > 0 && name.utf8.count > limit {
            throw failure("\(via)the file name is \(name.utf8.count) bytes long, more than the \(limit) this file system allows",
                          "use a shorter name")
        }
        if let code = DirectoryProbe.creationError(in: directory) {
            if code == ENOENT { throw failure("\(via)directory \(directory) does not accept new files", pickAnother) }
            throw failure("\(via)cannot create files in \(directory): \(systemMessage(code))", pickAnother)
        }
        if !force && ReplacedFile.isReadOnly(real) {
            throw failure("\(via)it is read-only (\(modeText(real)))",
                          "give --force to replace it anyway (it stays read-only), or \(pickAnother)")
        }
        var target = OutputTarget(path: path, destination: .file(real), flag: flag)
        target.force = force
        return target
    }

    /// The permission bits of the file at `path` as `ls -l` and `chmod` show them: "mode 0444, r--r--r--".
    static func modeText(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "no write permission" }
        let bits = Int(info.st_mode & 0o777)
        let letters = (0..<9).map { i in bits & (0o400 >> i) != 0 ? Array("rwx")[i % 3] : "-" as Character }
        return String(format: "mode %04o, ", bits) + String(letters)
    }

    /// "starts" or "ends" when a file name starts or ends with white space (`-o "fig.png "`: a file nobody can
    /// see is misnamed, written as SVG since `.png ` is no extension); nil otherwise.
    static func blankEdge(of name: String) -> String? {
        if name.first?.isWhitespace == true { return "starts" }
        if name.last?.isWhitespace == true { return "ends" }
        return nil
    }

    /// Names of standard output that mean `-`: followed as links, they would name the file or pipe the
    /// shell opened, and replacing that file would lose everything else printed to it.
    static let standardOutputNames: Set<String> = ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

    /// `path` with its symbolic links followed to the file they end at, which need not exist: a dangling
    /// link gives the path its target would be created at. Nil for a loop of links.
    static func resolveLinks(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, FileKind(mode: info.st_mode) == .symbolicLink else { return current }
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = buffer.withUnsafeMutableBytes { readlink(current, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count - 1) }
            guard n > 0 else { return current }
            let target = String(decoding: buffer[0..<n], as: UTF8.self)
            let directory = split(current).directory
            current = target.hasPrefix("/") ? target : (directory == "/" ? "/" : directory + "/") + target
        }
        return nil
    }

    /// The C library's text for an `errno` value.
    static func systemMessage(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Why `path` is too long (ENAMETOOLONG): which component, or the whole path, exceeds the limits.
    static func nameTooLong(_ path: String) -> String {
        let longest = path.split(separator: "/").map(\.utf8.count).max() ?? 0
        let nameMax = Int(NAME_MAX)
        if longest > nameMax {
            return "a file name in it is \(longest) bytes long, more than the \(nameMax) the file system allows"
        }
        return "the path is \(path.utf8.count) bytes long, more than the file system allows"
    }
}
