import Testing
@testable import NormscopeDraw

/// Issue 19 point 8: every colour mode shows as many steps of the norm scale as the terminal allows, small
/// norms are never blank, and the L2-norm rows (1.0) and MaxNorm's capped rows (1.2) never look the same.
@Suite("Palette steps")
struct PaletteStepTests {
    /// Every mode a user can get: 256, 16, 8 colours, none; both maps; Unicode and ASCII.
    static let modes: [RenderOptions] = ColorMode.allCases.flatMap { mode in
        ColorMapKind.allCases.flatMap { map in
            GlyphMode.allCases.map { RenderOptions(colorMode: mode, glyphs: $0, colorMap: map) }
        }
    }

    /// The distinct cells a one-row heatmap draws for norms 0...2 in `n` equal steps.
    func drawnSteps(_ options: RenderOptions, n: Int = 400) -> Int {
        let values = (0...n).map { 2 * Double($0) / Double(n) }
        let c = Heatmap(norms: [values], totalEpochs: 0, vmax: 2).render(width: values.count, height: 1, options: options)
        return Set((0..<c.width).map { "\(c[$0, 0])" }).count
    }

    @Test(arguments: modes) func eachModeDrawsEnoughDistinctSteps(options: RenderOptions) {
        let least: Int
        switch (options.colorMode, options.colorMap) {
        case (.full256, .jet): least = 25
        case (.full256, .viridis): least = 16      // was 8: all of 0.25...0.75 one colour
        case (.basic16, _): least = 20             // was 8 (jet) and 6 (viridis)
        case (.basic8, _): least = 17              // was 5
        case (.none, _): least = options.glyphs == .ascii ? 9 : 7
        }
        #expect(drawnSteps(options) >= least, "\(options)")
    }

    @Test func viridisIn256ColoursRisesInLightnessAtEveryStep() {
        let ramp = ColorScale.viridis256
        #expect(ramp.count == 17)
        #expect(Set(ramp).count == ramp.count)
        let lightness = ramp.map { c -> Double in
            guard case .index(let i) = c else { return -1 }
            let p = XtermPalette.rgb(of: i)
            return Oklab(RGB(p.r, p.g, p.b)).l
        }
        for (a, b) in zip(lightness, lightness.dropFirst()) { #expect(b > a) }
        // No step is a grey: viridis has hue everywhere (the L2-norm panel at 1.0 drew flat grey).
        for c in ramp {
            guard case .index(let i) = c else { continue }
            let p = XtermPalette.rgb(of: i)
            #expect(!(p.r == p.g && p.g == p.b), "step \(i) is grey")
        }
    }

    @Test(arguments: modes) func l2NormAndMaxNormRowsLookDifferent(options: RenderOptions) {
        // (b) holds every row at 1.0; (d) caps the head at 1.2 (δ = 1.2). Two epochs, so half blocks fill both.
        let c = Heatmap(norms: [[1.0, 1.2], [1.0, 1.2]], totalEpochs: 1, vmax: 2).render(width: 2, height: 2, options: options)
        #expect(c[0, 0] != c[1, 0], "\(options)")
    }

    @Test(arguments: modes) func smallNormsAreNeverBlank(options: RenderOptions) {
        let c = Heatmap(norms: [[0, 0.05, 0.2, 0.39]], totalEpochs: 0, vmax: 2).render(width: 4, height: 1, options: options)
        for x in 0..<4 {
            #expect(c[x, 0] != .blank, "\(options) column \(x)")
            #expect(c[x, 0].glyph != " " || c[x, 0].bg != .default, "\(options) column \(x)")
        }
    }

    @Test func sixteenAndEightColoursMixNeighboursWithShadeGlyphs() {
        let s = ColorScale(vmax: 2, options: RenderOptions(colorMode: .basic8))
        #expect(s.swatches.map(\.glyph).filter { $0 != " " } .count == 12)   // 3 mixes between each of 5 colours
        let mix = s.swatches[2]
        #expect(mix.glyph == "▒" && mix.fg == .index(6) && mix.bg == .index(4))
    }
}
