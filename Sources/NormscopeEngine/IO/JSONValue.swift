/// A parsed JSON value that remembers where each value and key started, for error messages.
///
/// A tiny strict RFC 8259 parser: the recipe reader needs positions of keys and values, exact integer
/// text, and duplicate-key detection, none of which `JSONSerialization` gives.
indirect enum JSONValue {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// A number, kept as its text so integers stay exact.
    case number(String)
    case bool(Bool)
    case null

    /// A short description of the value's type for "got ..." in messages.
    var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A value and the byte offset where it starts.
struct JSONNode {
    var value: JSONValue
    var offset: Int
}

/// One key of an object, with the byte offset of the key.
struct JSONMember {
    var key: String
    var keyOffset: Int
    var value: JSONNode
}

/// Parses JSON bytes; errors are `.badFile("<file>:<line>:<column>: JSON syntax error: ... — ...")`.
struct JSONParser {
    /// Deepest nesting accepted, so hostile input cannot exhaust the stack.
    static let maxDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    let fileName: String
    private var p = 0

    init(bytes: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    /// The one value of the document (after an optional byte order mark), with nothing but blanks after it.
    mutating func parseDocument() throws(NormscopeError) -> JSONNode {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { p = 3 }
        skipBlanks()
        guard p < bytes.count else { throw error(at: p, "the file is empty", fix: "write a JSON object { ... }") }
        let node = try parseValue(depth: 0)
        skipBlanks()
        if p < bytes.count {
            throw error(at: p, "unexpected text after the end of the JSON value",
                        fix: "remove it, or wrap everything in one object")
        }
        return node
    }

    /// `"<file>:<line>:<column>: <message>"` for byte `offset` of the input.
    func position(_ offset: Int) -> String {
        "\(fileName):\(TextCheck.line(of: offset, in: bytes)):\(TextCheck.characterColumn(of: offset, in: bytes))"
    }

    private func error(at offset: Int, _ what: String, fix: String) -> NormscopeError {
        .badFile("\(position(offset)): JSON syntax error: \(what) — \(fix)")
    }

    private mutating func skipBlanks() {
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x0A || bytes[p] == 0x0D {
            p += 1
        }
    }

    /// A description of the byte at the current position for "found ..." in messages.
    private func found() -> String {
        guard p < bytes.count else { return "the end of the file" }
        let b = bytes[p]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16))"
    }

    private mutating func parseValue(depth: Int) throws(NormscopeError) -> JSONNode {
        guard depth < Self.maxDepth else {
            throw error(at: p, "nested more than \(Self.maxDepth) levels deep", fix: "flatten the document")
        }
        let start = p
        guard p < bytes.count else {
            throw error(at: p, "the file ends where a value was expected", fix: "complete the document")
        }
        switch bytes[p] {
        case 0x7B: return JSONNode(value: try parseObject(depth: depth), offset: start)
        case 0x5B: return JSONNode(value: try parseArray(depth: depth), offset: start)
        case 0x22: return JSONNode(value: .string(try parseString()), offset: start)
        case 0x2D, 0x30...0x39: return JSONNode(value: .number(try parseNumber()), offset: start)
        case 0x74: try literal("true"); return JSONNode(value: .bool(true), offset: start)
        case 0x66: try literal("false"); return JSONNode(value: .bool(false), offset: start)
        case 0x6E: try literal("null"); return JSONNode(value: .null, offset: start)
        case 0x2F: throw error(at: p, "comments are not allowed in JSON", fix: "remove the comment")
        case 0x27: throw error(at: p, "strings need double quotes, not single", fix: "write \"text\"")
        default:
            var end = p
            while end < bytes.count, case let b = bytes[end] | 0x20, b >= 0x61 && b <= 0x7A { end += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[p..<end]), as: UTF8.self)
            if ["true", "false", "null"].contains(word.lowercased()) {
                throw error(at: p, "\(TextCheck.quote(word)) is not a JSON value",
                            fix: "write \(word.lowercased()) in lower case")
            }
            if !word.isEmpty {
                throw error(at: p, "text without quotes (\(TextCheck.quote(word)))", fix: "put strings in double quotes")
            }
            throw error(at: p, "expected a value (number, string, true, false, null, object or array),"
                        + " found \(found())", fix: "check the value")
        }
    }

    private mutating func literal(_ word: String) throws(NormscopeError) {
        let start = p
        for b in word.utf8 {
            guard p < bytes.count, bytes[p] == b else {
                throw error(at: start, "expected \(word)", fix: "check the spelling (true, false and null are lower case)")
            }
            p += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(NormscopeError) -> JSONValue {
        p += 1
        var members: [JSONMember] = []
        skipBlanks()
        if p < bytes.count && bytes[p] == 0x7D { p += 1; return .object(members) }
        while true {
            skipBlanks()
            guard p < bytes.count, bytes[p] == 0x22 else {
                if p < bytes.count && bytes[p] == 0x7D && !members.isEmpty {
                    throw error(at: p, "a comma before }", fix: "remove the comma after the last value")
                }
                throw error(at: p, "expected a key in double quotes, found \(found())",
                            fix: "write keys as \"name\": value")
            }
            let keyOffset = p
            let key = try parseString()
            skipBlanks()
            guard p < bytes.count, bytes[p] == 0x3A else {
                throw error(at: p, "expected ':' after the key \(TextCheck.quote(key)), found \(found())",
                            fix: "write \"key\": value")
            }
            p += 1
            skipBlanks()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipBlanks()
            guard p < bytes.count else {
                throw error(at: p, "the file ends inside an object", fix: "close it with }")
            }
            if bytes[p] == 0x2C { p += 1; continue }
            if bytes[p] == 0x7D { p += 1; return .object(members) }
            throw error(at: p, "expected ',' or '}' after a value, found \(found())",
                        fix: "separate entries with commas")
        }
    }

    private mutating func parseArray(depth: Int) throws(NormscopeError) -> JSONValue {
        p += 1
        var items: [JSONNode] = []
        skipBlanks()
        if p < bytes.count && bytes[p] == 0x5D { p += 1; return .array(items) }
        while true {
            skipBlanks()
            if p < bytes.count && bytes[p] == 0x5D {
                throw error(at: p, "a comma before ]", fix: "remove the comma after the last item")
            }
            items.append(try parseValue(depth: depth + 1))
            skipBlanks()
            guard p < bytes.count else { throw error(at: p, "the file ends inside an array", fix: "close it with ]") }
            if bytes[p] == 0x2C { p += 1; continue }
            if bytes[p] == 0x5D { p += 1; return .array(items) }
            throw error(at: p, "expected ',' or ']' after an item, found \(found())",
                        fix: "separate items with commas")
        }
    }

    private mutating func parseString() throws(NormscopeError) -> String {
        let start = p
        p += 1
        var scalars = String.UnicodeScalarView()
        var runStart = p
        func flush(_ end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]),
                                                  as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard p < bytes.count else {
                throw error(at: start, "unterminated string", fix: "close the string with a double quote")
            }
            let b = bytes[p]
            if b == 0x22 { flush(p); p += 1; return String(scalars) }
            if b < 0x20 {
                throw error(at: p, "a control character (such as a line break) inside a string",
                            fix: "close the string on the same line, or write it as \\n")
            }
            if b != 0x5C { p += 1; continue }
            flush(p)
            let escape = p
            p += 1
            guard p < bytes.count else { throw error(at: start, "unterminated string", fix: "close the string") }
            let e = bytes[p]
            p += 1
            switch e {
            case 0x22: scalars.append("\"")
            case 0x5C: scalars.append("\\")
            case 0x2F: scalars.append("/")
            case 0x62: scalars.append("\u{8}")
            case 0x66: scalars.append("\u{C}")
            case 0x6E: scalars.append("\n")
            case 0x72: scalars.append("\r")
            case 0x74: scalars.append("\t")
            case 0x75:
                var value = try hex4(escape)
                if (0xD800..<0xDC00).contains(value) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard p + 1 < bytes.count, bytes[p] == 0x5C, bytes[p + 1] == 0x75 else {
                        throw error(at: escape, "a lone UTF-16 surrogate escape", fix: "escape the full pair")
                    }
                    p += 2
                    let low = try hex4(escape)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw error(at: escape, "a lone UTF-16 surrogate escape", fix: "escape the full pair")
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else {
                    throw error(at: escape, "a lone UTF-16 surrogate escape", fix: "escape the full pair")
                }
                scalars.append(scalar)
            default:
                throw error(at: escape, "unknown escape in a string", fix: "write a backslash as \\\\")
            }
            runStart = p
        }
    }

    private mutating func hex4(_ escape: Int) throws(NormscopeError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard p < bytes.count else { throw error(at: escape, "\\u needs 4 hex digits", fix: "write \\u0041") }
            let b = bytes[p]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error(at: escape, "\\u needs 4 hex digits", fix: "write \\u0041")
            }
            value = value << 4 | digit
            p += 1
        }
        return value
    }

    private mutating func parseNumber() throws(NormscopeError) -> String {
        let start = p
        func digits() -> Int {
            let s = p
            while p < bytes.count && bytes[p] >= 0x30 && bytes[p] <= 0x39 { p += 1 }
            return p - s
        }
        let bad = { (self: JSONParser) in
            self.error(at: start, "malformed number", fix: "write numbers like 100, 0.35 or 1e-3")
        }
        if bytes[p] == 0x2D { p += 1 }
        let whole = p
        guard digits() > 0 else { throw bad(self) }
        if bytes[whole] == 0x30 && p - whole > 1 {
            throw error(at: start, "a number with a leading zero", fix: "remove the leading zero")
        }
        if p < bytes.count && bytes[p] == 0x2E {
            p += 1
            guard digits() > 0 else { throw bad(self) }
        }
        if p < bytes.count && (bytes[p] == 0x65 || bytes[p] == 0x45) {
            p += 1
            if p < bytes.count && (bytes[p] == 0x2B || bytes[p] == 0x2D) { p += 1 }
            guard digits() > 0 else { throw bad(self) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
    }
}
