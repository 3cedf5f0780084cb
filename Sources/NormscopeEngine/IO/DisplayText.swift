/// Text from files and command lines made safe to show: control and invisible characters spelled out.
///
/// Recipe names, data set labels, regime names in a results file and paths reach stderr, the summaries, the
/// live view and figures. Shown raw, an ESC in a recipe name would drive the terminal, a newline would split a
/// one-line error, and a right-to-left override (U+202E) would reorder what follows it. `escape` spells each
/// such character out instead: `\n`, `\r`, `\t`, `\x1b` (C0 controls and DEL), `\u{9b}` (C1 controls, format
/// characters such as the bidi controls U+202A-202E and U+2066-2069, line and paragraph separators,
/// noncharacters). Every other character, backslashes included, is kept as it is, so ordinary names and
/// paths read unchanged; the result is for reading, not for parsing back.
package enum DisplayText {
    /// `text` with every character that is not safe to show spelled out (see the type's summary).
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += spelling(of: scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `scalar` is a control, format, separator or noncharacter code point: one a terminal, a text
    /// renderer or an XML parser could act on instead of showing.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x7F { return false }  // printable ASCII: the fast path
        if v < 0xA0 { return true }   // C1 controls
        let p = scalar.properties
        if p.isNoncharacterCodePoint { return true }
        switch p.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// How an unsafe `scalar` is shown: `\n`, `\r`, `\t`, `\xHH` below U+0080, `\u{H...}` above.
    static func spelling(of scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16)
            return scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
        }
    }
}
