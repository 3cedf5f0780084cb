#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole buffers to a file descriptor with `write(2)`, returning the error instead of trapping.
///
/// The one write path for standard output, standard error and the files normscope replaces: it retries a
/// write cut short by a signal (`EINTR`) or a full non-blocking pipe (`EAGAIN`, waiting with `poll`), and
/// otherwise returns the `errno` that stopped it (`EPIPE` for a reader that quit, with SIGPIPE ignored;
/// `ENOSPC` for a full disk; `EFBIG` past a file-size limit, with SIGXFSZ ignored; `EBADF` for a closed
/// descriptor). Foundation's `FileHandle.write(_:)` traps on every one of these.
package enum DescriptorWrite {
    /// Writes all of `buffer` to `fd`; returns 0, or the `errno` of the write that failed.
    @discardableResult
    package static func all(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        guard let base = buffer.baseAddress else { return 0 }
        var written = 0
        while written < buffer.count {
            let n = systemWrite(fd, base + written, buffer.count - written)
            if n > 0 {
                written += n
                continue
            }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&waiting, 1, 1000)
                continue
            }
            return code
        }
        return 0
    }

    /// The C library's text for an `errno` value; for EFBIG, also that it is the file-size limit.
    package static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        if code == EFBIG { return String(cString: text) + " (the file-size limit, ulimit -f)" }
        return String(cString: text)
    }

    /// Writes all of `bytes` to `fd`; returns 0, or the `errno` of the write that failed.
    @discardableResult
    package static func all(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { all(fd, $0) }
    }

    /// Writes `text` as UTF-8 to `fd`; returns 0, or the `errno` of the write that failed.
    @discardableResult
    package static func all(_ fd: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { all(fd, UnsafeRawBufferPointer($0)) }
    }
}

/// `write(2)` under a name that does not clash with the static methods above.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
