/// Maps values on a shared scale `0...vmax` to colours, or to shade glyphs when there is no colour.
///
/// The scale is cut into `levelCount` equal steps: 256 for the 256-colour palette, a short ramp of basic
/// colours for 16 or 8 colours, and the shade glyphs for no colour. 0 (and below) gets the first step,
/// `vmax` (and above) the last; non-finite values get none.
public struct ColorScale: Sendable {
    /// The value drawn with the last colour.
    public let vmax: Double
    /// The colour mode the ramp was built for.
    public let mode: ColorMode
    /// The colours of the steps, lowest first; empty when `mode` is `.none`.
    public let ramp: [TermColor]
    /// The shade glyphs of the steps when `mode` is `.none`, lowest first.
    public let shades: [Character]

    public init(vmax: Double, options: RenderOptions) {
        self.vmax = vmax
        mode = options.colorMode
        shades = Glyphs.forMode(options.glyphs).shades
        ramp = ColorScale.ramp(map: options.colorMap, mode: options.colorMode)
    }

    /// The number of distinct steps.
    public var levelCount: Int { mode.hasColor ? ramp.count : shades.count }

    /// `v / vmax` clamped to 0...1, or nil when `v` is not finite.
    public func fraction(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        guard vmax.isFinite, vmax > 0 else { return v > 0 ? 1 : 0 }
        return min(1, max(0, v / vmax))
    }

    /// The step of fraction `t`: `min(levelCount - 1, floor(t * levelCount))`.
    public func level(atFraction t: Double) -> Int {
        let n = levelCount
        return min(n - 1, max(0, Int(t * Double(n))))
    }

    /// The step of value `v`, or nil when it is not finite.
    public func level(_ v: Double) -> Int? { fraction(v).map { level(atFraction: $0) } }

    /// The colour of value `v`; nil when it is not finite or there is no colour.
    public func color(_ v: Double) -> TermColor? {
        guard mode.hasColor, let t = fraction(v) else { return nil }
        return ramp[level(atFraction: t)]
    }

    /// The colour at fraction `t` (`.default` without colour).
    public func color(atFraction t: Double) -> TermColor {
        mode.hasColor ? ramp[level(atFraction: t)] : .default
    }

    /// The shade glyph of value `v` (for drawing without colour); nil when it is not finite.
    public func shade(_ v: Double) -> Character? { fraction(v).map(shade(atFraction:)) }

    /// The shade glyph at fraction `t`.
    public func shade(atFraction t: Double) -> Character {
        shades[min(shades.count - 1, max(0, Int(t * Double(shades.count))))]
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

    /// Viridis in 256 steps, each the nearest palette colour whose luminance is not below the previous step's,
    /// so the quantised map stays monotone in luminance like the original.
    static let viridis256: [TermColor] = {
        let palette = (16...255).map { i -> (UInt8, RGB) in
            let c = XtermPalette.rgb(of: UInt8(i))
            return (UInt8(i), RGB(c.r, c.g, c.b))
        }
        var out: [TermColor] = []
        var floor = -Double.infinity
        for step in 0..<256 {
            let t = ColorMapKind.viridis.rgb(at: Double(step) / 255)
            var best = palette[0], bestD = Double.infinity
            for p in palette where p.1.luminance >= floor {
                let (dr, dg, db) = (p.1.r - t.r, p.1.g - t.g, p.1.b - t.b)
                let dl = p.1.luminance - t.luminance
                let d = dr * dr + dg * dg + db * db + 2 * dl * dl
                if d < bestD { (best, bestD) = (p, d) }
            }
            floor = best.1.luminance
            out.append(.index(best.0))
        }
        return out
    }()
}
