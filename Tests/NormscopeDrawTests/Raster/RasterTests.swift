import Testing
@testable import NormscopeDraw

/// The pixel buffer and its drawing: clipping, lines, text in the bitmap font.
struct RasterTests {
    @Test func pixelsPackAndUnpack() {
        #expect(Raster.pixel(0x12, 0x34, 0x56) == 0x123456)
        #expect(Raster.channels(0xABCDEF) == (0xAB, 0xCD, 0xEF))
        #expect(Raster.pixel(RGB(1, 0.5, 0)) == 0xFF8000)
        #expect(Raster.pixel(RGB(.nan, 2, -1)) == 0x00FF00)
    }

    @Test func fillIsClippedAndOutsideReadsAreWhite() {
        var r = Raster(width: 4, height: 3, fill: 0x000000)
        r.fill(x: -2, y: 1, width: 4, height: 10, color: 0xFF0000)
        #expect(r[0, 1] == 0xFF0000 && r[1, 2] == 0xFF0000 && r[2, 1] == 0 && r[0, 0] == 0)
        #expect(r[-1, 0] == Raster.white && r[4, 0] == Raster.white)
        r[9, 9] = 0x123456  // dropped
        #expect(r.pixels.count == 12)
        #expect(Set(r.distinctColors) == [0x000000, 0xFF0000])
    }

    @Test func linesReachBothEndsInAnyDirection() {
        for (a, b) in [((0, 0), (9, 4)), ((9, 4), (0, 0)), ((3, 9), (3, 0)), ((0, 9), (9, 0)), ((5, 5), (5, 5))] {
            var r = Raster(width: 10, height: 10)
            r.line(from: a, to: b, color: 0)
            #expect(r[a.0, a.1] == 0 && r[b.0, b.1] == 0, "\(a) -> \(b)")
            // One pixel per step along the longer axis.
            let steps = max(abs(a.0 - b.0), abs(a.1 - b.1)) + 1
            #expect(r.pixels.filter { $0 == 0 }.count == steps)
        }
    }

    @Test func dashedLinesLeaveGaps() {
        var r = Raster(width: 40, height: 1)
        r.line(from: (0, 0), to: (39, 0), color: 0, dash: 4)
        let on = r.pixels.map { $0 == 0 }
        #expect(Array(on[0..<7]) == [true, true, true, true, false, false, false])
        #expect(on.filter { $0 }.count == 24)
        var dotted = Raster(width: 12, height: 1)
        dotted.line(from: (0, 0), to: (11, 0), color: 0, dash: 1, gap: 2)
        #expect(dotted.pixels.map { $0 == 0 } == (0..<12).map { $0 % 3 == 0 })
    }

    @Test func textHasTheFontsGlyphsAndWidth() {
        let font = BitmapFont()
        #expect(font.width(of: "abc") == 21 && font.lineHeight == 13)
        var r = Raster(width: 7, height: 13)
        r.text("I", x: 0, y: 0, font: font, color: 0)
        // misc-fixed 7x13 "I": a bar of 5 with a stem in the middle column.
        #expect(r.row(2).map { $0 == 0 } == [false, true, true, true, true, true, false])
        #expect(r.row(5).map { $0 == 0 } == [false, false, false, true, false, false, false])
        var bold = Raster(width: 7, height: 13)
        bold.text("I", x: 0, y: 0, font: BitmapFont(weight: .bold), color: 0)
        #expect(bold != r)
    }

    @Test func textAnchorsScaleAndRotation() {
        let font = BitmapFont(scale: 2)
        var start = Raster(width: 60, height: 30), end = Raster(width: 60, height: 30)
        start.text("ab", x: 0, y: 0, font: font, color: 0)
        end.text("ab", x: 28, y: 0, font: font, color: 0, anchor: .end)
        #expect(start == end)
        var middle = Raster(width: 60, height: 30)
        middle.text("ab", x: 14, y: 0, font: font, color: 0, anchor: .middle)
        #expect(middle == start)
        // Rotated a quarter turn: the glyph's top row becomes its left column, read bottom to top.
        var flat = Raster(width: 7, height: 13), up = Raster(width: 13, height: 7)
        flat.text("L", x: 0, y: 0, font: BitmapFont(), color: 0)
        up.text("L", x: 0, y: 7, font: BitmapFont(), color: 0, direction: .up)
        for x in 0..<7 { for y in 0..<13 { #expect(flat[x, y] == up[y, 6 - x]) } }
    }

    @Test func missingSymbolsAreSpelledOrQuestioned() {
        #expect(BitmapFont.spelled("τ-norm δ=0.8") == "tau-norm delta=0.8")
        #expect(BitmapFont.glyphIndex("·") != BitmapFont.glyphIndex("?"))
        #expect(BitmapFont.glyphIndex("漢") == BitmapFont.glyphIndex("?"))
        #expect(BitmapFont.characters.count * 13 == BitmapFont.regularRows.count)
        #expect(BitmapFont.regularRows.count == BitmapFont.boldRows.count)
    }
}
