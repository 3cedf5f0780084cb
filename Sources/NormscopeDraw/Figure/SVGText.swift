/// Small helpers for writing SVG by hand: escaping, locale-free numbers, colours.
enum SVGText {
    /// `text` with the five XML special characters escaped (regime names contain `>`).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `v` rounded to at most `decimals` places, without trailing zeros or a locale ("12.5", "-0.25", "3").
    static func num(_ v: Double, _ decimals: Int = 2) -> String {
        guard v.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        guard r < 9e15 else { return String(format: "%.0f", v) }  // beyond Int's range too, without a trap
        let n = Int(r)
        let whole = n / Int(scale), frac = n % Int(scale)
        var text = String(whole)
        if frac > 0 {
            var digits = String(frac)
            while digits.count < decimals { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return (v < 0 && n != 0 ? "-" : "") + text
    }

    /// `#rrggbb` of an RGB colour with components in 0...1.
    static func hex(_ c: RGB) -> String {
        func byte(_ x: Double) -> String {
            let v = Int((min(1, max(0, x)) * 255).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + byte(c.r) + byte(c.g) + byte(c.b)
    }

    /// Round-number tick values covering `0...top` (about `count` of them), e.g. 0, 0.5, 1, 1.5, 2.
    static func ticks(upTo top: Double, count: Int = 5) -> [Double] {
        guard top > 0, top.isFinite else { return [0] }
        let raw = top / Double(max(1, count - 1))
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where step * m >= raw { step *= m; break }
        var out: [Double] = []
        var i = 0
        while Double(i) * step <= top * (1 + 1e-9) { out.append(Double(i) * step); i += 1 }
        return out
    }
}
