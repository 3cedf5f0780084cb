import Foundation
import Testing

/// The code rule "no function over 80 lines", checked on every Swift file in Sources/.
struct FunctionLengthTests {
    static let limit = 80

    static let sources: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Sources")
    }()

    @Test func noFunctionInSourcesIsOverTheLimit() throws {
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "Sources/ not found at \(Self.sources.path)")
        var long: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let path = file.path.dropFirst(Self.sources.deletingLastPathComponent().path.count + 1)
            for body in BodyScan.bodies(in: text) where body.lines > Self.limit {
                long.append("\(path):\(body.line): \(body.name) is \(body.lines) lines")
            }
        }
        #expect(long.isEmpty, """
            over \(Self.limit) lines (declaration to closing brace); split into phases that return values:
            \(long.joined(separator: "\n"))
            """)
    }

    @Test func theScanMeasuresDeclarationToClosingBraceAndSeesThroughCommentsAndStrings() {
        let filler = (0..<79).map { "    x += \($0)  // }" }.joined(separator: "\n")
        let source = """
        struct S {
            func short() { }
            /// A doc comment with a brace {
            static func long(_ a: Int = { 1 }(),
                             b: String = "}") -> Int {
                var x = "\\(a + 1) }"
        \(filler)
            }
            var computed: Int {
                let s = #\"""
                }}}
                \"""#
                return s.count
            }
            init?(y: Int) where Y: P { self.init() }
        }
        """
        let bodies = BodyScan.bodies(in: source)
        #expect(bodies.map(\.name) == ["func short", "func long", "var computed", "init"])
        #expect(bodies.first { $0.name == "func long" }.map { [$0.line, $0.lines] } == [4, 83])
        #expect(bodies.first { $0.name == "var computed" }.map { [$0.line, $0.lines] } == [87, 6])
    }
}

/// Declarations with a body in Swift source: functions, initializers, subscripts and computed or
/// closure-initialized properties, each with its first line and its length from that line to the closing brace.
enum BodyScan {
    struct Body: Equatable {
        let name: String
        let line: Int
        let lines: Int
    }

    static func bodies(in text: String) -> [Body] {
        let code = blanked(Array(text.utf8))
        var lineOf: [Int] = []
        lineOf.reserveCapacity(code.count)
        var n = 1
        for b in code { lineOf.append(n); if b == 0x0A { n += 1 } }
        var out: [Body] = []
        var i = 0
        while i < code.count {
            guard isWordStart(code, i), let keyword = keyword(code, at: i) else { i += 1; continue }
            let after = i + keyword.utf8.count
            if let open = bodyStart(code, from: after, sameLine: keyword == "var" || keyword == "let"),
               let close = matchingBrace(code, open) {
                let name = keyword + word(code, after)
                out.append(Body(name: name, line: lineOf[i], lines: lineOf[close] - lineOf[i] + 1))
            }
            i = after
        }
        return out
    }

    static let keywords = ["func", "init", "deinit", "subscript", "var", "let"]

    static func keyword(_ code: [UInt8], at i: Int) -> String? {
        keywords.first { matches(code, at: i, $0) }
    }

    /// Whether `word` stands at `i`, not followed by more of a name.
    static func matches(_ code: [UInt8], at i: Int, _ word: String) -> Bool {
        let end = i + word.utf8.count
        return end <= code.count && code[i..<end].elementsEqual(word.utf8) && (end == code.count || !isIdentifier(code[end]))
    }

    /// The name after a keyword (" short"), empty for `init` and its kin.
    static func word(_ code: [UInt8], _ from: Int) -> String {
        var i = from
        while i < code.count, code[i] == 0x20 { i += 1 }
        var j = i
        while j < code.count, isIdentifier(code[j]) { j += 1 }
        return j > i ? " " + String(decoding: code[i..<j], as: UTF8.self) : ""
    }

    /// The body's opening brace: the first `{` outside brackets and parentheses, before the signature ends.
    static func bodyStart(_ code: [UInt8], from: Int, sameLine: Bool) -> Int? {
        var depth = 0, i = from
        while i < code.count {
            switch code[i] {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "{") where depth == 0: return i
            case UInt8(ascii: "}") where depth == 0: return nil
            case UInt8(ascii: "\n") where depth == 0:
                if sameLine || startsDeclaration(code, after: i) { return nil }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Whether the line after `newline` starts a new declaration or closes a scope (a body-less requirement ends).
    static func startsDeclaration(_ code: [UInt8], after newline: Int) -> Bool {
        var i = newline + 1
        while i < code.count, code[i] == 0x20 || code[i] == 0x09 { i += 1 }
        guard i < code.count else { return true }
        if code[i] == UInt8(ascii: "@") || code[i] == UInt8(ascii: "}") { return true }
        let starters = ["func", "init", "deinit", "subscript", "var", "let", "static", "private", "fileprivate",
                        "internal", "package", "public", "mutating", "nonisolated", "override", "final", "case",
                        "typealias", "associatedtype", "struct", "class", "enum", "extension", "protocol", "actor"]
        return starters.contains { matches(code, at: i, $0) }
    }

    static func matchingBrace(_ code: [UInt8], _ open: Int) -> Int? {
        var depth = 0
        for i in open..<code.count {
            if code[i] == UInt8(ascii: "{") { depth += 1 }
            if code[i] == UInt8(ascii: "}") { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }

    static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
    }

    /// A keyword starts here: not inside a longer name, not a member (`.init(`).
    static func isWordStart(_ code: [UInt8], _ i: Int) -> Bool {
        i == 0 || (!isIdentifier(code[i - 1]) && code[i - 1] != UInt8(ascii: "."))
    }

    // MARK: - Comments and literals

    /// The code with comments and the text of string literals replaced by spaces (line breaks kept);
    /// interpolations stay code.
    static func blanked(_ text: [UInt8]) -> [UInt8] {
        var out = text
        var i = 0
        skipCode(text, &out, &i, untilParen: false)
        return out
    }

    /// Walks code from `i`, blanking comments and literals; with `untilParen`, stops after the `)` that closes
    /// an interpolation.
    static func skipCode(_ t: [UInt8], _ out: inout [UInt8], _ i: inout Int, untilParen: Bool) {
        var depth = 0
        while i < t.count {
            let b = t[i]
            if b == UInt8(ascii: "/"), i + 1 < t.count, t[i + 1] == UInt8(ascii: "/") {
                while i < t.count, t[i] != 0x0A { out[i] = 0x20; i += 1 }
            } else if b == UInt8(ascii: "/"), i + 1 < t.count, t[i + 1] == UInt8(ascii: "*") {
                blockComment(t, &out, &i)
            } else if b == UInt8(ascii: "\"") || (b == UInt8(ascii: "#") && rawQuote(t, i) != nil) {
                stringLiteral(t, &out, &i)
            } else {
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    if untilParen && depth == 0 { i += 1; return }
                    depth -= 1
                }
                i += 1
            }
        }
    }

    static func blockComment(_ t: [UInt8], _ out: inout [UInt8], _ i: inout Int) {
        var depth = 0
        repeat {
            if t[i] == UInt8(ascii: "/"), i + 1 < t.count, t[i + 1] == UInt8(ascii: "*") {
                depth += 1; out[i] = 0x20; out[i + 1] = 0x20; i += 2
            } else if t[i] == UInt8(ascii: "*"), i + 1 < t.count, t[i + 1] == UInt8(ascii: "/") {
                depth -= 1; out[i] = 0x20; out[i + 1] = 0x20; i += 2
            } else {
                if t[i] != 0x0A { out[i] = 0x20 }
                i += 1
            }
        } while depth > 0 && i < t.count
    }

    /// The number of `#`s before a quote starting at `i`, if `#`s and then `"` start there.
    static func rawQuote(_ t: [UInt8], _ i: Int) -> Int? {
        var j = i
        while j < t.count, t[j] == UInt8(ascii: "#") { j += 1 }
        return j < t.count && t[j] == UInt8(ascii: "\"") ? j - i : nil
    }

    /// Blanks a string literal (plain, multi-line or raw) starting at `i`, keeping its interpolations as code.
    static func stringLiteral(_ t: [UInt8], _ out: inout [UInt8], _ i: inout Int) {
        let hashes = rawQuote(t, i) ?? 0
        i += hashes
        let multi = i + 2 < t.count && t[i + 1] == UInt8(ascii: "\"") && t[i + 2] == UInt8(ascii: "\"")
        let quotes = multi ? 3 : 1
        i += quotes
        let close = [UInt8](repeating: UInt8(ascii: "\""), count: quotes) + [UInt8](repeating: UInt8(ascii: "#"), count: hashes)
        let escape = [UInt8(ascii: "\\")] + [UInt8](repeating: UInt8(ascii: "#"), count: hashes)
        while i < t.count {
            if i + close.count <= t.count, t[i..<i + close.count].elementsEqual(close) { i += close.count; return }
            if i + escape.count < t.count, t[i..<i + escape.count].elementsEqual(escape) {
                let next = i + escape.count
                for k in i..<next { out[k] = 0x20 }
                i = next
                if t[i] == UInt8(ascii: "(") {
                    i += 1
                    skipCode(t, &out, &i, untilParen: true)
                } else {
                    if t[i] != 0x0A { out[i] = 0x20 }
                    i += 1
                }
                continue
            }
            if !multi && t[i] == 0x0A { return }
            if t[i] != 0x0A { out[i] = 0x20 }
            i += 1
        }
    }
}
