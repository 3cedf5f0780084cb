import Testing
@testable import NormscopeDraw

@Suite("Braille dots and chart ranges")
struct BrailleTests {
    @Test func dotsMapToTheUnicodeBrailleBits() {
        #expect(BrailleGrid.bit(dx: 0, dy: 0) == 0x01)
        #expect(BrailleGrid.bit(dx: 0, dy: 2) == 0x04)
        #expect(BrailleGrid.bit(dx: 1, dy: 0) == 0x08)
        #expect(BrailleGrid.bit(dx: 0, dy: 3) == 0x40)
        #expect(BrailleGrid.bit(dx: 1, dy: 3) == 0x80)
        #expect(BrailleGrid.character(0) == "\u{2800}")
        #expect(BrailleGrid.character(0xFF) == "⣿")
    }

    @Test func settingDotsBuildsTheCellPatternAndColour() {
        var g = BrailleGrid(width: 2, height: 1)
        g.set(0, 0)
        #expect(g.character(cx: 0, cy: 0) == "⠁")
        g.set(1, 3, color: .index(9))
        #expect(g.character(cx: 0, cy: 0) == "⢁")
        #expect(g.color(cx: 0, cy: 0) == .index(9))
        #expect(g.character(cx: 1, cy: 0) == nil)
        g.set(99, 99)   // ignored
        for y in 0..<4 { g.set(2, y); g.set(3, y) }
        #expect(g.character(cx: 1, cy: 0) == "⣿")
    }

    @Test func linesWalkEveryDot() {
        #expect(linePoints(0, 0, 3, 0).map { $0.0 } == [0, 1, 2, 3])
        #expect(linePoints(0, 0, 2, 2).map { $0.1 } == [0, 1, 2])
        var g = BrailleGrid(width: 2, height: 1)
        g.line(0, 0, 3, 0)
        #expect(g.character(cx: 0, cy: 0) == "⠉" && g.character(cx: 1, cy: 0) == "⠉")
    }

    @Test func automaticRangeRoundsUp() {
        #expect(ChartModel.niceCeiling(4.6) == 5)
        #expect(ChartModel.niceCeiling(0.37) == 0.5)
        #expect(ChartModel.niceCeiling(46) == 50)
        #expect(ChartModel.niceCeiling(20) == 20)
        let m = ChartModel(title: "loss", series: [ChartSeries(name: "x", values: [4.6, 2, .nan], slot: 0)], xMax: 3)
        #expect(m.effectiveYRange == 0...5)
    }
}
