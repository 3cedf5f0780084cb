import Testing
@testable import NormscopeDraw

@Suite("Colour maps and scales")
struct ColorScaleTests {
    /// Perceived lightness (Oklab L) of a palette colour.
    func luminance(_ c: TermColor) -> Double {
        guard case .index(let i) = c else { return -1 }
        let p = XtermPalette.rgb(of: i)
        return Oklab(RGB(p.r, p.g, p.b)).l
    }

    @Test func jetEndsAreDarkBlueAndDarkRedLikeMatplotlib() {
        #expect(ColorMapKind.jet.rgb(at: 0) == RGB(0, 0, 0.5))
        #expect(ColorMapKind.jet.rgb(at: 1) == RGB(0.5, 0, 0))
        let mid = ColorMapKind.jet.rgb(at: 0.5)
        #expect(abs(mid.g - 1) < 1e-12)
        #expect(abs(mid.r - 0.4838709677) < 1e-6 && abs(mid.b - 0.4838709677) < 1e-6)
    }

    @Test func viridisHitsItsTableEntries() {
        #expect(ColorMapKind.viridis.rgb(at: 0) == RGB(0.267004, 0.004874, 0.329415))
        #expect(ColorMapKind.viridis.rgb(at: 1) == RGB(0.993248, 0.906157, 0.143936))
        let e128 = ColorMapKind.viridis.rgb(at: 128.0 / 255)
        #expect(abs(e128.g - 0.566949) < 1e-9)
    }

    @Test func zeroGetsTheFirstColourAndVmaxTheLastWithClamping() {
        let s = ColorScale(vmax: 2, options: .standard)
        #expect(s.levelCount == 256)
        #expect(s.color(0) == .index(18))     // (0, 0, 0.5) -> cube (0, 0, 135)
        #expect(s.color(2) == .index(88))     // (0.5, 0, 0) -> cube (135, 0, 0)
        #expect(s.color(-3) == s.color(0))
        #expect(s.color(40) == s.color(2))
        #expect(s.color(.nan) == nil)
        #expect(s.color(.infinity) == nil)
        #expect(s.level(1) == 128)
        #expect(s.level(1.999) == 255)
    }

    @Test func basicRampsUseOnlyTheirColours() {
        let s16 = ColorScale(vmax: 2, options: RenderOptions(colorMode: .basic16))
        #expect(s16.color(0) == .index(4))
        #expect(s16.color(2) == .index(1))
        #expect(s16.ramp.allSatisfy { if case .index(let i) = $0 { i < 16 } else { false } })
        let s8 = ColorScale(vmax: 2, options: RenderOptions(colorMode: .basic8, colorMap: .viridis))
        #expect(Set(s8.ramp) == Set([5, 4, 6, 2, 3].map { TermColor.index($0) }))
        #expect(s8.swatches.allSatisfy { [$0.fg, $0.bg].allSatisfy { if case .index(let i) = $0 { i < 8 } else { $0 == .default } } })
        #expect(s8.color(0.5) == .index(4))   // 0.25 of the way: step 1 of 5
    }

    @Test func noColourGivesShadesAndNoColour() {
        let s = ColorScale(vmax: 2, options: RenderOptions(colorMode: .none))
        #expect(s.color(1) == nil)
        #expect(s.shade(0) == "·")
        #expect(s.shade(2) == "█")
        #expect(s.shade(1) == "░")
        let a = ColorScale(vmax: 2, options: RenderOptions(colorMode: .none, glyphs: .ascii))
        #expect(a.levelCount == 9)
        #expect(a.shade(2) == "@")
        #expect(a.shade(0) == ".")
    }

    @Test func viridisPaletteLuminanceNeverDecreases() {
        let s = ColorScale(vmax: 1, options: RenderOptions(colorMap: .viridis))
        let lum = s.ramp.map(luminance)
        for (a, b) in zip(lum, lum.dropFirst()) { #expect(b >= a - 1e-12) }
        #expect(lum.last! > lum.first! + 0.4)
    }

    @Test func zeroOrMissingVmaxStillMapsSafely() {
        let s = ColorScale(vmax: 0, options: .standard)
        #expect(s.fraction(0) == 0)
        #expect(s.fraction(3) == 1)
        #expect(ColorScale(vmax: .nan, options: .standard).fraction(1) == 1)
    }

    @Test func rowsHeldAtOneDoNotFlickerBetweenSteps() {
        // 1.0 of 2.5 falls exactly on a shade boundary; float32 unit rows are 1 ± 1e-7.
        for options in [RenderOptions(colorMode: .none), RenderOptions(colorMode: .full256), RenderOptions(colorMode: .basic8)] {
            let scale = ColorScale(vmax: 2.5, options: options)
            let levels = Set([0.9999999, 1.0, 1.0000001].compactMap { scale.level($0) })
            #expect(levels.count == 1, "\(options.colorMode)")
            let shades = Set([0.9999999, 1.0, 1.0000001].compactMap { scale.shade($0) })
            #expect(shades.count == 1)
        }
    }
}
