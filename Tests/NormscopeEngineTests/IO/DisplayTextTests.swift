import Testing
@testable import NormscopeEngine

/// Text from files shown on a terminal: every control or invisible character is spelled out, the rest kept.
@Suite("display text")
struct DisplayTextTests {
    @Test("ordinary names, paths and symbols are unchanged")
    func plainTextUnchanged() {
        for s in ["cifar100-lt", "quick", "d/ata sets/x.csv", "wd>cb+wd+maxnorm", "τ-norm (post-hoc)", "日本語", "a\\b", "🙂", ""] {
            #expect(DisplayText.escape(s) == s)
        }
    }

    @Test("C0 controls and DEL as \\xHH or \\n \\r \\t; C1, bidi and other format characters as \\u{...}",
          arguments: [
              ("\u{1B}[31mred", "\\x1b[31mred"),
              ("bell\u{07}", "bell\\x07"),
              ("two\nlines\r\n", "two\\nlines\\r\\n"),
              ("tab\there", "tab\\there"),
              ("nul\u{0}", "nul\\x00"),
              ("del\u{7F}", "del\\x7f"),
              ("csi\u{9B}2J", "csi\\u{9b}2J"),
              ("evil\u{202E}txt.exe", "evil\\u{202e}txt.exe"),
              ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u{202a}\\u{202b}\\u{202c}\\u{202d}"),
              ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u{2066}\\u{2067}\\u{2068}\\u{2069}"),
              ("zero\u{200B}width", "zero\\u{200b}width"),
              ("line\u{2028}sep", "line\\u{2028}sep"),
              ("non\u{FFFF}char", "non\\u{ffff}char"),
          ])
    func escapes(input: String, shown: String) {
        #expect(DisplayText.escape(input) == shown)
    }

    @Test("the escaped text holds no scalar a terminal acts on, for every scalar up to U+FFFF")
    func noControlSurvives() {
        var all = ""
        for v in 0...0xFFFF { if let s = Unicode.Scalar(v) { all.unicodeScalars.append(s) } }
        let shown = DisplayText.escape(all)
        for s in shown.unicodeScalars {
            #expect(!DisplayText.needsEscape(s), "U+\(String(s.value, radix: 16)) survived")
            #expect(s.value >= 0x20 && s.value != 0x7F && !(0x80..<0xA0).contains(s.value))
            #expect(!(0x202A...0x202E).contains(s.value) && !(0x2066...0x2069).contains(s.value))
        }
    }

    @Test("error messages quote file text the same way")
    func quoteAgrees() {
        #expect(TextCheck.quote("a\u{1B}b\u{202E}\"\\") == "\"a\\x1bb\\u{202e}\\\"\\\\\"")
    }
}
