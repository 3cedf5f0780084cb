import NormscopeEngine

/// One axis of the figure, in data coordinates: its ticks (value and label) and its title.
///
/// Both painters draw the same axis: they only map a tick's value to their own coordinates. The title comes
/// as options, longest first, for a painter that has to fit it in its space (`FigureText.fitting`).
struct FigureAxis: Equatable, Sendable {
    /// A tick: where it is on the axis (in the axis's data units) and what it says.
    struct Tick: Equatable, Sendable {
        var value: Double
        var label: String
    }

    var ticks: [Tick]
    /// The axis title, longest first; empty for an axis without one.
    var titles: [String]

    /// An axis with ticks at round values covering `0...top` (about `count` of them), labelled by `label`.
    init(upTo top: Double, count: Int, integers: Bool = false, titles: [String] = [], label: (Double) -> String) {
        ticks = Self.niceValues(upTo: top, count: count, integers: integers).map { Tick(value: $0, label: label($0)) }
        self.titles = titles
    }

    /// The tick values.
    var values: [Double] { ticks.map(\.value) }

    /// Round-number tick values covering `0...top` (about `count` of them), e.g. 0, 0.5, 1, 1.5, 2.
    ///
    /// Total for every input: a `top` that is not positive and finite gives [0]; one so small that a step
    /// between ticks is not a normal number (below about 1e-307) gives [0, top]; at most `count` + 1 ticks
    /// (`count` clamped to 2...100), and no loop runs more than a few hundred times. With `integers` (epochs,
    /// class indices) every tick is a whole number: no step below 1, and no 2.5 (25 and 250 are fine).
    static func niceValues(upTo top: Double, count: Int = 5, integers: Bool = false) -> [Double] {
        guard top > 0, top.isFinite else { return [0] }
        let n = min(100, max(2, count))
        let raw = top / Double(n - 1)
        guard raw.isNormal, raw >= 1e-300 else { return [0, top] }
        // The power of ten at or below raw: at most ~600 divisions or multiplications by 10.
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        let multiples: [Double] = integers && step < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]  // 2.5 x 10^k: whole from 25
        for m in multiples where step * m >= raw { step *= m; break }
        if integers { step = max(1, step.rounded(.up)) }
        guard step.isFinite, step > 0 else { return [0, top] }
        var out: [Double] = []
        for i in 0...(2 * n) {
            let t = Double(i) * step
            guard t.isFinite, t / top <= 1 + 1e-9 else { break }
            out.append(t)
        }
        return out
    }

    /// The top of a value axis that shows `values`: the largest finite one plus 5%, rounded up to a tick
    /// (1 when there is none).
    static func top(of values: [Double], count: Int) -> Double {
        let top = values.filter(\.isFinite).max() ?? 1
        let ticks = niceValues(upTo: max(top, 1e-6) * 1.05, count: count)
        return max(ticks.last ?? 1, top * 1.05)
    }

    /// "1.0", "0.5": one decimal, as the paper's colour bar.
    static func fixed1(_ v: Double) -> String {
        let s = SVGText.num(v, 1)
        return s.contains(".") ? s : s + ".0"
    }
}
