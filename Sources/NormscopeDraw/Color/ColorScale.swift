/// Maps values on a shared scale `0...vmax` to the look of a cell: a colour, a mix of two, or a shade glyph.
///
/// The scale is cut into `levelCount` equal steps: 256 of jet or 17 of viridis fitted to the 256-colour
/// palette (`PaletteFit`), a short ramp of basic colours with three mixed shades between each two for 16 or
/// 8 colours, and the shade glyphs for no colour (the first of them a dot: a small norm is data, never a
/// blank). 0 (and below) gets the first step, `vmax` (and above) the last; non-finite values get none.
struct ColorScale: Sendable {
    /// The value drawn with the last step.
    let vmax: Double
    /// The colour mode the steps were built for.
    let mode: ColorMode
    /// The look of each step, lowest first.
    let swatches: [Swatch]

    /// A scale from 0 to `vmax` of `palette` (norms: the colour map of `options`) in the colour mode of `options`.
    init(vmax: Double, options: RenderOptions, palette: ScalePalette = .norm) {
        self.vmax = vmax
        mode = options.colorMode
        swatches = palette == .accuracy ? ColorScale.accuracySwatches(options)
            : ColorScale.swatches(map: options.colorMap, mode: options.colorMode, glyphs: Glyphs.forMode(options.glyphs))
    }

    /// The number of distinct steps.
    var levelCount: Int { swatches.count }

    /// The single colour of each step (`.default` without colour), lowest first.
    var ramp: [TermColor] { mode.hasColor ? swatches.map(\.color) : [] }

    /// The shade glyphs of the steps when `mode` is `.none`, lowest first.
    var shades: [Character] { swatches.map(\.glyph) }

    /// `v / vmax` clamped to 0...1, or nil when `v` is not finite.
    func fraction(_ v: Double) -> Double? {
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

    /// The look of value `v`, or nil when it is not finite.
    func swatch(_ v: Double) -> Swatch? { level(v).map { swatches[$0] } }

    /// The look at fraction `t`.
    func swatch(atFraction t: Double) -> Swatch { swatches[level(atFraction: t)] }

    /// The colour of value `v` (for a mixed step, the colour that dominates); nil when it is not finite or
    /// there is no colour.
    func color(_ v: Double) -> TermColor? {
        guard mode.hasColor else { return nil }
        return swatch(v)?.color
    }

    /// The colour at fraction `t` (`.default` without colour).
    func color(atFraction t: Double) -> TermColor {
        mode.hasColor ? swatch(atFraction: t).color : .default
    }

    /// The glyph of value `v` (a shade without colour, a mixing shade or blank with it); nil when it is not finite.
    func shade(_ v: Double) -> Character? { swatch(v)?.glyph }

    /// The glyph at fraction `t`.
    func shade(atFraction t: Double) -> Character { swatch(atFraction: t).glyph }

    /// The steps of a colour map in a colour mode, drawn with `glyphs`.
    static func swatches(map: ColorMapKind, mode: ColorMode, glyphs: Glyphs) -> [Swatch] {
        switch mode {
        case .full256: return ramp256(map).map(Swatch.init(solid:))
        case .basic16, .basic8:
            return mixed(basicColors(map: map, mode: mode).map { .index($0) }, glyphs: mixGlyphs(glyphs))
        case .none: return glyphs.shades.map(Swatch.init(shade:))
        }
    }

    /// The 256-colour steps of a map: jet's nearest colours (27 distinct), viridis fitted (17 steps).
    static func ramp256(_ map: ColorMapKind) -> [TermColor] {
        map == .jet ? jet256 : viridis256
    }

    /// The basic colours a map runs through with 16 or 8 colours, lowest first.
    static func basicColors(map: ColorMapKind, mode: ColorMode) -> [UInt8] {
        switch (mode, map) {
        case (.basic16, .jet): return [4, 12, 6, 14, 10, 11, 9, 1]
        case (.basic8, .jet): return [4, 6, 2, 3, 1]
        case (.basic16, .viridis): return [5, 4, 6, 2, 10, 11]
        default: return [5, 4, 6, 2, 3]
        }
    }

    /// The glyphs that mix the upper colour over the lower at a quarter, a half and three quarters.
    static func mixGlyphs(_ glyphs: Glyphs) -> [Character] { glyphs.asciiOnly ? [".", "+", "#"] : ["░", "▒", "▓"] }

    /// `colors` with the mixes between each two: solid, then each mix of the next over it, ..., the last solid.
    static func mixed(_ colors: [TermColor], glyphs mixes: [Character]) -> [Swatch] {
        guard let last = colors.last else { return [] }
        var out: [Swatch] = []
        for (lo, hi) in zip(colors, colors.dropFirst()) {
            out.append(Swatch(solid: lo))
            for (i, g) in mixes.enumerated() {
                out.append(Swatch(glyph: g, fg: hi, bg: lo, color: 2 * (i + 1) <= mixes.count ? lo : hi))
            }
        }
        out.append(Swatch(solid: last))
        return out
    }

    /// Jet in 256 steps, each the nearest palette colour.
    static let jet256: [TermColor] = (0..<256).map { ColorMapKind.jet.rgb(at: Double($0) / 255).termColor }

    /// Viridis in the 256-colour palette: 17 steps fitted in Oklab, each a colour of its own, lightness rising.
    static let viridis256: [TermColor] = PaletteFit.monotone(.viridis, steps: 17).map { .index($0) }
}
