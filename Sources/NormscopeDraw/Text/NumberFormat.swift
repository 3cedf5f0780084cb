/// Number formatting for labels, without Foundation and independent of the locale.
enum NumberFormat {
    /// `v` with exactly `digits` decimals ("2.00", "-0.5", "nan", "inf").
    static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        let d = max(0, min(9, digits))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e15 else { return "\(v)" }
        let n = Int(scaled), p = Int(scale)
        let sign = v < 0 && n != 0 ? "-" : ""
        if d == 0 { return sign + String(n) }
        let frac = String(n % p)
        return sign + String(n / p) + "." + String(repeating: "0", count: d - frac.count) + frac
    }

    /// An epoch on an axis, at most `epochLabelWidth` characters: exact below 10,000, then "12.5k", "250k",
    /// "1M", "2.5M" (a tick on a long run is a round number; the header shows the exact epoch).
    static func epoch(_ e: Int) -> String {
        func trimmed(_ v: Double, _ digits: Int) -> String {
            let s = fixed(v, digits)
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        if e < 10_000 { return String(e) }
        if e < 100_000 { return trimmed(Double(e) / 1_000, 1) + "k" }
        if e < 999_500 { return fixed(Double(e) / 1_000, 0) + "k" }
        return trimmed(Double(e) / 1_000_000, 1) + "M"
    }

    /// The widest `epoch(e)` for any epoch up to `last`.
    static func epochLabelWidth(upTo last: Int) -> Int { last < 10_000 ? String(max(0, last)).count : 5 }

    /// A percentage with one decimal, without the sign ("41.2").
    static func percent(_ v: Double) -> String { fixed(v, 1) }

    /// A scale label: one decimal from 1 up, two below ("2.0", "0.50").
    static func scale(_ v: Double) -> String { abs(v) >= 1 || v == 0 ? fixed(v, 1) : fixed(v, 2) }

    /// A learning rate: four decimals down to 0.001, then mantissa and exponent ("0.0100", "5.0e-5").
    static func learningRate(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return v == 0 ? "0" : fixed(v, 0) }
        if abs(v) >= 0.001 { return fixed(v, 4) }
        var m = abs(v), e = 0
        while m < 1 { m *= 10; e -= 1 }
        if fixed(m, 1) == "10.0" { m /= 10; e += 1 }
        return (v < 0 ? "-" : "") + fixed(m, 1) + "e" + String(e)
    }

    /// A duration: "12.3s", "4m 05s", "1h 02m".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 60 { return fixed(seconds, 1) + "s" }
        let s = Int(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 3600 { return "\(s / 60)m \(two(s % 60))s" }
        return "\(s / 3600)h \(two((s % 3600) / 60))m"
    }

    /// A rate with a k/M suffix: "950", "4.1k", "1.2M".
    static func compact(_ v: Double) -> String {
        guard v.isFinite else { return "-" }
        if abs(v) >= 1e6 { return fixed(v / 1e6, 1) + "M" }
        if abs(v) >= 1e4 { return fixed(v / 1e3, 0) + "k" }
        if abs(v) >= 1e3 { return fixed(v / 1e3, 1) + "k" }
        return fixed(v, 0)
    }
}
