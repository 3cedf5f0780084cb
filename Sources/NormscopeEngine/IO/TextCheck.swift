/// Byte-level checks shared by the CSV and JSON readers: binary content, positions, quoting cells in messages.
enum TextCheck {
    /// Why a byte sequence is not text.
    enum Problem: Equatable {
        case nul
        case invalidUTF8

        var text: String { self == .nul ? "it contains a NUL byte" : "it is not valid UTF-8" }
    }

    /// The offset of the first NUL byte or invalid UTF-8 sequence in `bytes`, or nil for clean UTF-8 text.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: Problem)? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return (i, .nul) }
                i += 1
                continue
            }
            // Lead byte: the number of continuation bytes and the valid range of the first one.
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return (i, .invalidUTF8)
            }
            guard i + need < n else { return (i, .invalidUTF8) }
            let first = bytes[i + 1]
            guard first >= low && first <= high else { return (i, .invalidUTF8) }
            var k = 2
            while k <= need {
                if bytes[i + k] & 0xC0 != 0x80 { return (i, .invalidUTF8) }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// The 1-based physical line of byte `offset` (LF, CRLF and a lone CR each end a line).
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A) {
                line += 1
            }
            i += 1
        }
        return line
    }

    /// The start offset of the physical line holding byte `offset`.
    static func lineStart(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(offset, bytes.count)
        while i > 0 && bytes[i - 1] != 0x0A && bytes[i - 1] != 0x0D { i -= 1 }
        return i
    }

    /// The 1-based character column of byte `offset` within its line (UTF-8 continuation bytes do not count).
    static func characterColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for i in lineStart(of: offset, in: bytes)..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }

    /// `text` in double quotes for an error message: quotes and backslashes escaped, control and invisible
    /// characters spelled out as `DisplayText` does, cut to `limit` characters.
    static func quote(_ text: String, limit: Int = 32) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { out += "…"; break }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if DisplayText.needsEscape(scalar) {
                    out += DisplayText.spelling(of: scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "\"" + out + "\""
    }

    /// Whether `b` is a space or a tab, the blanks trimmed around cells.
    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}
