import Testing
@testable import NormscopeDraw

@Suite("Profile")
struct ProfileTests {
    @Test func barHeightsAreRoundedEighthsOfTheScale() {
        // Values sit at row middles: 0 half way up the bottom row, vmax half way up the top row.
        #expect(Profile.eighths(1, vmax: 2, rows: 2) == 8)
        #expect(Profile.eighths(0.25, vmax: 2, rows: 2) == 5)
        #expect(Profile.eighths(2, vmax: 2, rows: 3) == 20)
        #expect(Profile.eighths(2.001, vmax: 2, rows: 3) == 24, "above the scale fills the plot")
        #expect(Profile.eighths(9, vmax: 2, rows: 3) == 24)
        #expect(Profile.eighths(0, vmax: 2, rows: 3) == 0)
        #expect(Profile.eighths(0.001, vmax: 2, rows: 3) == 4)
        #expect(Profile.eighths(.nan, vmax: 2, rows: 3) == 0)
    }

    @Test func glyphsStackFullBlocksUnderAPartialTop() {
        let g = Glyphs.unicode
        #expect(Profile.glyph(eighths: 11, level: 0, glyphs: g) == "█")
        #expect(Profile.glyph(eighths: 11, level: 1, glyphs: g) == "▃")
        #expect(Profile.glyph(eighths: 11, level: 2, glyphs: g) == " ")
        #expect((1...8).map { Profile.glyph(eighths: $0, level: 0, glyphs: g) } == Array("▁▂▃▄▅▆▇█"))
        #expect((0...8).map { Profile.glyph(eighths: $0, level: 0, glyphs: .ascii) } == Array(" __--==##"))
    }

    @Test func rendersOneColouredBarPerClass() {
        let p = Profile(values: [2, 1, 0.25, 0], vmax: 2)
        let c = p.render(width: 4, height: 2, options: .standard)
        #expect(c.text(row: 0) == "▄   ")
        #expect(c.text(row: 1) == "██▅ ")
        let scale = ColorScale(vmax: 2, options: .standard)
        #expect(c[0, 1].fg == scale.color(2))
        #expect(c[2, 1].fg == scale.color(0.25))
    }

    @Test func wideBarsKeepAGapAndOverflowIsMarked() {
        let c = Profile(values: [3, 1], vmax: 2).render(width: 6, height: 3, options: .standard)
        #expect(c.text(row: 0) == "▲▲    ")
        #expect(c.text(row: 1) == "██    ")
        #expect(c.text(row: 2) == "██ ██ ")
    }

    @Test func referenceLineIsDashedWhereBarsAreLowerAndLabelled() {
        let p = Profile(values: [2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], vmax: 2, reference: .maxNorm(1))
        let c = p.render(width: 10, height: 4, options: .standard)
        // Under the mark row, 3 rows: value 1 of 2 is 12 eighths, its top cell row 1 from the bottom, i.e. row 2.
        #expect(c.text(row: 2) == "█╌╌╌╌╌╌╌╌╌")
        #expect(c.text(row: 1) == "▄   δ=1.00")
        #expect(c.text(row: 3) == "██████████")
        let ascii = p.render(width: 10, height: 4, options: RenderOptions(glyphs: .ascii))
        #expect(ascii.text(row: 1) == "-   d=1.00")
        #expect(ascii.text(row: 2) == "#---------")
    }

    @Test func gutterShowsTheScale() {
        let c = Profile(values: [1], vmax: 2, gutter: 4).render(width: 6, height: 8, options: .standard)
        #expect(c.text(row: 0).hasPrefix("‖w‖ "))
        #expect(c.text(row: 1).hasPrefix("2.0 "))
        #expect(c.text(row: 4).hasPrefix("1.0 "))
        #expect(c.text(row: 7).hasPrefix("  0 "))
    }
}
