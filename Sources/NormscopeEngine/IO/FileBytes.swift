#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file into memory, refusing directories, special files and files above a size limit.
///
/// Every failure is a one-line `NormscopeError.badFile` naming the path, what was wrong and how to fix it.
enum FileBytes {
    /// The bytes of the file at `path`, at most `limit` of them; `what` names the kind of file in messages.
    static func read(path: String, limit: Int, what: String) throws(NormscopeError) -> [UInt8] {
        // O_NONBLOCK so that a FIFO given by mistake is refused below instead of blocking the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT: throw .badFile("\(path): no such file — check the path")
            case ENOTDIR: throw .badFile("\(path): a part of the path is not a directory — check the path")
            default: throw .badFile("\(path): cannot read: \(systemMessage(code)) — check that the file is readable")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .badFile("\(path): cannot read: \(systemMessage(errno)) — check that the file is readable")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            throw .badFile("\(path): is a directory, not a file — name a \(what) file")
        }
        guard type == S_IFREG else {
            throw .badFile("\(path): is not a regular file — name a \(what) file")
        }
        let size = Int(info.st_size)
        if size > limit { throw tooLarge(path: path, size: size, limit: limit, what: what) }

        // Read up to one byte more than the size fstat gave, so a file still growing is noticed.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw tooLarge(path: path, size: count, limit: limit, what: what) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                readChunk(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                throw .badFile("\(path): cannot read: \(systemMessage(code)) — check that the file is readable")
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { throw tooLarge(path: path, size: count, limit: limit, what: what) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The error for a file above `limit` bytes.
    static func tooLarge(path: String, size: Int, limit: Int, what: String) -> NormscopeError {
        .badFile("\(path): file is \(megabytes(size)), larger than the \(megabytes(limit)) limit for a \(what) file"
            + " — use a smaller file")
    }

    /// `bytes` as a short human size, e.g. "512 MB" or "1.5 KB".
    static func megabytes(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (scale, unit) in units where bytes >= scale {
            let value = Double(bytes) / Double(scale)
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// The C library's text for an `errno` value (see `DescriptorWrite.message`).
    static func systemMessage(_ code: Int32) -> String { DescriptorWrite.message(code) }
}

/// `read(2)` under a name that does not clash with the static method above.
@inline(__always)
private func readChunk(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
