#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Foundation
import NormscopeEngine

/// An asciicast v2 file written as it is recorded: a JSON header line, then one JSON event per line
/// (`[time, "o", output]`, `[time, "r", "COLSxROWS"]`).
///
/// Lines go to `<path>.partial` as they come, each whole line with one `write(2)`, so at any moment that file
/// is a valid cast up to the last event (a run killed outright leaves it there, playable). `finish()` syncs
/// it and renames it over `path`: the path itself only ever holds a finished recording (an older one stays
/// intact until then). After a write error nothing more is written; the file is cut back to its last whole
/// line and `finish()` still renames it, so what was recorded is kept. A second terminating signal that ends
/// the process before `finish()` renames the partial file from its handler (`cast_rescue.h`), so a shutdown
/// cut short still leaves the finished path; `abandon()` removes a recording that never started.
final class AsciicastFile {
    /// The finished recording's path (links already resolved).
    let path: String
    /// Where the recording grows until `finish()`.
    let partialPath: String
    private var fd: Int32
    private var committed: off_t = 0
    private var line: [UInt8] = []
    /// The first write error, if any: nothing is written after it.
    private(set) var failure: String?

    /// Creates (or truncates) `<path>.partial`; throws `writeFailed` naming the path when it cannot.
    init(path: String) throws(NormscopeError) {
        self.path = path
        partialPath = path + ".partial"
        // The finished cast replaces `path`: the partial file has the old one's permissions from the start.
        let replaced = ReplacedFile(path: path)
        fd = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, replaced.creationMode)
        guard fd >= 0 else {
            throw .writeFailed("cannot write \(partialPath): \(String(cString: strerror(errno)))")
        }
        let adopted = replaced.adopt(onto: fd)
        if adopted != 0 {
            close(fd)
            unlink(partialPath)
            throw .writeFailed("cannot write \(partialPath): cannot give it the permissions of \(path): \(String(cString: strerror(adopted)))")
        }
        _ = ns_cast_arm(partialPath, path)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends the header line: size, start time (Unix seconds), title and the environment's TERM.
    func header(width: Int, height: Int, timestamp: Int, title: String, term: String?) {
        var s = "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp)"
        s += ", \"title\": "
        line += Array(s.utf8)
        Self.appendJSONString(Array(title.utf8), to: &line)
        if let term {
            line += Array(", \"env\": {\"TERM\": ".utf8)
            Self.appendJSONString(Array(term.utf8), to: &line)
            line += Array("}".utf8)
        }
        line += Array("}\n".utf8)
    }

    /// Appends an event `[time, kind, data]`.
    func event(at seconds: Double, _ kind: String, _ data: [UInt8]) {
        line += Array("[\(Self.time(seconds)), \"\(kind)\", ".utf8)
        Self.appendJSONString(data, to: &line)
        line += Array("]\n".utf8)
    }

    /// Writes the lines appended since the last flush, with one `write(2)` (as long as the kernel takes it).
    func flush() {
        defer { line.removeAll(keepingCapacity: true) }
        guard failure == nil, fd >= 0, !line.isEmpty else { return }
        let code = DescriptorWrite.all(fd, line)
        if code != 0 {
            failure = DescriptorWrite.message(code)
            _ = ftruncate(fd, committed)
            return
        }
        committed += off_t(line.count)
        ns_cast_mark_started()
    }

    /// Flushes, syncs and closes the file and renames it over `path`. Returns nil, or why the recording is
    /// incomplete or not at `path`.
    func finish() -> String? {
        flush()
        guard fd >= 0 else { return failure }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS && failure == nil {
            failure = String(cString: strerror(errno))
        }
        close(fd)
        fd = -1
        defer { ns_cast_disarm() }
        if rename(partialPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            // The partial file is gone when its directory was removed or renamed during the run.
            let kept = access(partialPath, F_OK) == 0 ? "the recording is in \(partialPath)"
                : "the recording is lost (\(partialPath) no longer exists: was its directory removed?)"
            return "cannot rename \(partialPath) to \(path): \(reason); \(kept)"
        }
        return failure.map { "writing stopped early: \($0); the part recorded before is in \(path)" }
    }

    /// Closes and removes the partial file: for a recording that never started (the live view refused to
    /// start), so nothing is left behind.
    func abandon() {
        ns_cast_disarm()
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(partialPath)
    }

    // MARK: - JSON

    /// Seconds with six decimals, locale-free ("12.034500").
    static func time(_ seconds: Double) -> String {
        let micro = Int((max(0, seconds) * 1_000_000).rounded())
        let frac = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    /// Appends `bytes` (UTF-8) as a JSON string: quotes, backslashes and control characters escaped, every
    /// other byte as it is (JSON text is UTF-8).
    static func appendJSONString(_ bytes: [UInt8], to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20, 0x7F:
                out += Array("\\u00".utf8)
                out += [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
