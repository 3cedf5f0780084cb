#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes whole files atomically: into a temporary file in the same directory, then renamed over the target.
///
/// Readers see either the old file or the complete new one, never a partial file; the new file keeps the old
/// one's permission bits, and for root its owner (see `ReplacedFile`); on failure the temporary file is removed and `NormscopeError.writeFailed("cannot write <path>: <reason>")` is thrown.
package enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any file there.
    package static func write(bytes: [UInt8], to path: String) throws(NormscopeError) {
        var failure: NormscopeError?
        bytes.withUnsafeBytes { buffer in
            do throws(NormscopeError) { try write(buffer, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `data` to `path`, replacing any file there.
    package static func write(data: Data, to path: String) throws(NormscopeError) {
        var failure: NormscopeError?
        data.withUnsafeBytes { buffer in
            do throws(NormscopeError) { try write(buffer, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `text` as UTF-8 to `path`, replacing any file there.
    package static func write(text: String, to path: String) throws(NormscopeError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws(NormscopeError) {
        func failure(_ reason: String) -> NormscopeError { .writeFailed("cannot write \(path): \(reason)") }
        guard !path.isEmpty else { throw failure("the path is empty") }
        guard !path.hasSuffix("/") else { throw failure("the path names a directory") }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // The temporary name is up to 24 bytes longer than `base`: a long name is not repeated in it, so any
        // name the file system accepts can be written (a 250-byte name would otherwise fail after the work).
        let stem = base.utf8.count <= 200 ? base : "normscope"
        let temporary = (directory == "/" ? "/" : directory + "/")
            + ".\(stem).tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"

        let replaced = ReplacedFile(path: path)
        // A signal that ends the process before the rename removes the temporary file (see PendingTemporaryFiles).
        let mark = PendingTemporaryFiles.mark(temporary)
        defer { PendingTemporaryFiles.unmark(mark) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replaced.creationMode)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw failure("directory \(directory) does not exist") }
            throw failure(FileBytes.systemMessage(code))
        }
        let adopted = replaced.adopt(onto: fd)
        if adopted != 0 {
            close(fd)
            unlink(temporary)
            throw failure("cannot give the new file the old one's permissions: \(FileBytes.systemMessage(adopted))")
        }
        let code = DescriptorWrite.all(fd, buffer)
        if code != 0 {
            close(fd)
            unlink(temporary)
            throw failure(FileBytes.systemMessage(code))
        }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            let code = errno
            close(fd)
            unlink(temporary)
            throw failure(FileBytes.systemMessage(code))
        }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(FileBytes.systemMessage(code))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            if code == EISDIR || code == ENOTEMPTY || code == EEXIST { throw failure("it is a directory") }
            throw failure(FileBytes.systemMessage(code))
        }
    }
}
