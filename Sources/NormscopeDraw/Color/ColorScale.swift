/// Maps values on a shared scale `0...vmax` to colours, or to shade glyphs when there is no colour.
///
/// The scale is cut into `levelCount` equal steps: 256 for the 256-colour palette, a short ramp of basic
/// colours for 16 or 8 colours, and the shade glyphs for no colour. 0 (and below) gets the first step,
/// `vmax` (and above) the last; non-finite values get none.
struct ColorScale: Sendable {
    /// The value drawn with the last colour.
    package let vmax: Double
    /// The colour mode the ramp was built for.
    package let mode: ColorMode
    /// The colours of the steps, lowest first; empty when `mode` is `.none`.
    let ramp: [TermColor]
    /// The shade glyphs of the steps when `mode` is `.none`, lowest first.
    package let shades: [Character]

    package init(vmax: Double, options: RenderOptions) {
        self.vmax = vmax
        mode = options.colorMode
        shades = Glyphs.forMode(options.glyphs).shades
        ramp = ColorScale.ramp(map: options.colorMap, mode: options.colorMode)
    }

    /// The number of distinct steps.
    var levelCount: Int { mode.hasColor ? ramp.count : shades.count }

    /// `v / vmax` clamped to 0...1, or nil when `v` is not finite.
    package func fraction(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        guard vmax.isFinite, vmax > 0 else { return v > 0 ? 1 : 0 }
        return min(1, max(0, v / vmax))
    }

    /// The step of fraction `t`: `min(levelCount - 1, floor(t * levelCount))`.
    func level(atFraction t: Double) -> Int {
        let n = levelCount
        return min(n - 1, max(0, Int(t * Double(n) + Self.snap)))
    }

    /// Values within float32 rounding of a step boundary count as on it, so a row held at exactly 1
    /// (L2-norm, 1 ± 1e-7 in float32) does not flicker between two steps.
    static let snap = 1e-6

    /// The step of value `v`, or nil when it is not finite.
    func level(_ v: Double) -> Int? { fraction(v).map { level(atFraction: $0) } }

    /// The colour of value `v`; nil when it is not finite or there is no colour.
    package func color(_ v: Double) -> TermColor? {
        guard mode.hasColor, let t = fraction(v) else { return nil }
        return ramp[level(atFraction: t)]
    }

    /// The colour at fraction `t` (`.default` without colour).
    package func color(atFraction t: Double) -> TermColor {
        mode.hasColor ? ramp[level(atFraction: t)] : .default
    }

    /// The shade glyph of value `v` (for drawing without colour); nil when it is not finite.
    package func shade(_ v: Double) -> Character? { fraction(v).map(shade(atFraction:)) }

    /// The shade glyph at fraction `t`.
    package func shade(atFraction t: Double) -> Character {
        shades[min(shades.count - 1, max(0, Int(t * Double(shades.count) + Self.snap)))]
    }

    /// The steps of a colour map in a colour mode.
    static func ramp(map: ColorMapKind, mode: ColorMode) -> [TermColor] {
        func basic(_ i: [UInt8]) -> [TermColor] { i.map { .index($0) } }
        switch (mode, map) {
        case (.full256, .jet): return ColorScale.jet256
        case (.full256, .viridis): return ColorScale.viridis256
        case (.basic16, .jet): return basic([4, 12, 6, 14, 10, 11, 9, 1])
        case (.basic8, .jet): return basic([4, 6, 2, 3, 1])
        case (.basic16, .viridis): return basic([5, 4, 6, 2, 10, 11])
        case (.basic8, .viridis): return basic([5, 4, 6, 2, 3])
        case (.none, _): return []
        }
    }

    /// Jet in 256 steps, each the nearest palette colour.
    static let jet256: [TermColor] = (0..<256).map { ColorMapKind.jet.rgb(at: Double($0) / 255).termColor }

    /// Viridis in 256 steps, as close to the map as the palette allows while its luminance never decreases
    /// (plain nearest colours dip three times). Each step picks among its 16 nearest palette colours; dynamic
    /// programming finds the monotone sequence with the least total squared distance.
    static let viridis256: [TermColor] = {
        let palette = (16...255).map { i -> (index: UInt8, rgb: RGB) in
            let c = XtermPalette.rgb(of: UInt8(i))
            return (UInt8(i), RGB(c.r, c.g, c.b))
        }
        func distance(_ a: RGB, _ b: RGB) -> Double {
            (a.r - b.r) * (a.r - b.r) + (a.g - b.g) * (a.g - b.g) + (a.b - b.b) * (a.b - b.b)
        }
        let targets = (0..<256).map { ColorMapKind.viridis.rgb(at: Double($0) / 255) }
        let candidates = targets.map { t in
            Array(palette.indices.sorted { distance(palette[$0].rgb, t) < distance(palette[$1].rgb, t) }.prefix(16))
        }
        var cost = candidates[0].map { distance(palette[$0].rgb, targets[0]) }
        var back: [[Int]] = [Array(repeating: -1, count: candidates[0].count)]
        for step in 1..<256 {
            var next: [Double] = [], from: [Int] = []
            for c in candidates[step] {
                var best = Double.infinity, arg = -1
                for (j, p) in candidates[step - 1].enumerated()
                where cost[j] < best && palette[p].rgb.luminance <= palette[c].rgb.luminance + 1e-12 {
                    (best, arg) = (cost[j], j)
                }
                next.append(best + distance(palette[c].rgb, targets[step]))
                from.append(arg)
            }
            cost = next
            back.append(from)
        }
        var j = cost.indices.min { cost[$0] < cost[$1] }!
        var out: [TermColor] = []
        for step in stride(from: 255, through: 0, by: -1) {
            out.append(.index(palette[candidates[step][j]].index))
            j = back[step][j]
        }
        return out.reversed()
    }()
}
