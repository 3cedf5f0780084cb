import NormscopeEngine

/// Small helpers for writing SVG by hand: escaping, locale-free numbers, colours.
enum SVGText {
    /// `text` as XML character data or attribute value: control and invisible characters spelled out as
    /// everywhere else (`DisplayText.escape`, so an ESC in a recipe name reads `\x1b`), then the five XML
    /// special characters escaped (regime names contain `>`). XML 1.0 forbids most C0 controls even as
    /// character references, so nothing outside XML's `Char` production is left in the output.
    static func escape(_ text: String) -> String {
        let shown = DisplayText.escape(text)
        var out = ""
        out.reserveCapacity(shown.utf8.count)
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(isXMLChar(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in a document: tab, LF, CR, U+0020-D7FF, U+E000-FFFD, U+10000 up.
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `v` rounded to at most `decimals` places (clamped to 0...12), without trailing zeros or a locale
    /// ("12.5", "-0.25", "3"). Magnitudes of 10^15 and more are written in exponent form ("1e+300"), which SVG
    /// accepts; NaN and infinities, which it does not, are written as "0".
    static func num(_ v: Double, _ decimals: Int = 2) -> String {
        guard v.isFinite else { return "0" }
        let places = min(12, max(0, decimals))
        guard abs(v) < 1e15 else { return v.description }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        guard r < 9e15 else { return String(Int(v.rounded())) }  // |v| < 1e15: fits an Int
        let n = Int(r), unit = Int(scale)
        let whole = n / unit, frac = n % unit
        var text = String(whole)
        if frac > 0 {
            var digits = String(frac)
            while digits.count < places { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return (v < 0 && n != 0 ? "-" : "") + text
    }

    /// `#rrggbb` of an RGB colour with components in 0...1 (NaN counts as 0).
    static func hex(_ c: RGB) -> String {
        func byte(_ x: Double) -> String {
            let v = x >= 1 ? 255 : x > 0 ? Int((x * 255).rounded()) : 0
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + byte(c.r) + byte(c.g) + byte(c.b)
    }

    /// `#rrggbb` of a 0xRRGGBB colour.
    static func hex(_ rgb: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + String((0..<6).reversed().map { digits[Int((rgb >> (4 * UInt32($0))) & 0xF)] })
    }
}
