import Testing
@testable import NormscopeDraw

@Suite("Heatmap")
struct HeatmapTests {
    let scale = ColorScale(vmax: 2, options: .standard)

    @Test func halfBlocksPairTwoEpochsPerRowUpperInForegroundLowerInBackground() {
        let norms: [[Double]] = [[0.0, 2.0], [0.5, 1.5], [1.0, 1.0], [1.5, 0.5]]
        let map = Heatmap(norms: norms, totalEpochs: 3, vmax: 2)
        let c = map.render(width: 2, height: 2, options: .standard)
        for (row, (up, lo)) in [(0, 1), (2, 3)].enumerated() {
            for k in 0..<2 {
                #expect(c[k, row].glyph == "▀")
                #expect(c[k, row].fg == scale.color(norms[up][k]))
                #expect(c[k, row].bg == scale.color(norms[lo][k]))
            }
        }
        #expect(c[0, 0].fg != c[0, 0].bg)
    }

    @Test func rowsAppearAsEpochsArriveAndTheRestStaysBlank() {
        let norms: [[Double]] = [[1, 1], [1, 1], [2, 2]]      // epochs 0...2 of 7 planned
        let c = Heatmap(norms: norms, totalEpochs: 7, vmax: 2).render(width: 2, height: 4, options: .standard)
        #expect(c[0, 0].glyph == "▀" && c[0, 0].bg == scale.color(1))
        #expect(c[0, 1].glyph == "▀" && c[0, 1].fg == scale.color(2) && c[0, 1].bg == .default)
        #expect(c[0, 2] == .blank && c[1, 3] == .blank)
    }

    @Test func classesAreMeanBinnedWhenTheyOutnumberColumns() {
        let norms: [[Double]] = [[0, 2, 1, 1, 0.4, 0.2]]
        let map = Heatmap(norms: norms, totalEpochs: 0, vmax: 2)
        let g = map.geometry(width: 3, height: 1, options: .standard)
        #expect(g.classesPerColumn == 2)
        #expect(g.usedWidth == 3)
        #expect(map.binnedValues(g).first! == [1, 1, 0.30000000000000004])
        let c = map.render(width: 3, height: 1, options: .standard)
        #expect(c[0, 0].fg == scale.color(1))
        #expect(c[2, 0].fg == scale.color(0.3))
    }

    @Test func epochsAreMeanBinnedWhenTheyOutnumberHalfRows() {
        let norms = (0...7).map { [Double($0) / 4] }          // 8 epochs, 2 text rows = 4 half-rows
        let map = Heatmap(norms: norms, totalEpochs: 7, vmax: 2)
        let g = map.geometry(width: 1, height: 2, options: .standard)
        #expect(g.epochsPerSlot == 2)
        #expect(map.binnedValues(g).map { $0!.first! } == [0.125, 0.625, 1.125, 1.625])
        #expect(g.row(ofEpoch: 5) == 1)
    }

    @Test func fewClassesAreStretchedToFillTheWidth() {
        let map = Heatmap(norms: [[0, 2]], totalEpochs: 0, vmax: 2)
        let g = map.geometry(width: 7, height: 1, options: .standard)
        #expect(g.columnsPerClass == 3 && g.usedWidth == 7, "3 and 4 columns: no empty column at the right")
        let c = map.render(width: 7, height: 1, options: .standard)
        #expect((0..<3).allSatisfy { c[$0, 0].fg == scale.color(0) })
        #expect((3..<7).allSatisfy { c[$0, 0].fg == scale.color(2) })
        let even = map.geometry(width: 6, height: 1, options: .standard)
        #expect(even.columnsPerClass == 3 && even.usedWidth == 6)
    }

    @Test func noColourUsesOneEpochPerRowOfShadeGlyphsOnly() {
        let norms: [[Double]] = [[0, 0.5], [1, 1.5], [2, 2]]
        let opts = RenderOptions(colorMode: .none)
        let c = Heatmap(norms: norms, totalEpochs: 2, vmax: 2).render(width: 2, height: 3, options: opts)
        #expect(c.text(row: 0) == "·•")   // 0 is data, never a blank
        #expect(c.text(row: 1) == "░▓")
        #expect(c.text(row: 2) == "██")
        #expect(c.cells.allSatisfy { $0.fg == .default && $0.bg == .default })
        #expect(c.cells.allSatisfy { Glyphs.unicode.shades.contains($0.glyph) })
    }

    @Test func asciiWithColourPaintsBlankCellsWithBackgrounds() {
        let c = Heatmap(norms: [[0], [2]], totalEpochs: 1, vmax: 2).render(width: 1, height: 2, options: RenderOptions(glyphs: .ascii))
        #expect(c[0, 0] == Cell(" ", bg: scale.color(0)!))
        #expect(c[0, 1] == Cell(" ", bg: scale.color(2)!))
    }

    @Test func nonFiniteNormsLeaveHoles() {
        let c = Heatmap(norms: [[.nan, 1], [.nan, 1]], totalEpochs: 1, vmax: 2).render(width: 2, height: 1, options: .standard)
        #expect(c[0, 0] == .blank)
        #expect(c[1, 0].glyph == "▀")
    }

    @Test func gutterCarriesEpochLabelsAndTheStageBoundaryMarker() {
        let norms = Array(repeating: [1.0, 1.0], count: 11)
        let map = Heatmap(norms: norms, totalEpochs: 10, vmax: 2, stageBoundary: 6, gutter: 3)
        let c = map.render(width: 6, height: 6, options: .standard)
        // 11 epochs over 12 half-rows: one each, so epoch e is in row e / 2.
        #expect(c.text(row: 0).hasPrefix(" 0 "))
        #expect(c.text(row: 3).hasPrefix(" 6▸"))
        #expect(c[5, 3].glyph == "◂")
        #expect(c.text(row: 5).hasPrefix("10 "))
        let ascii = map.render(width: 6, height: 11, options: RenderOptions(glyphs: .ascii))
        // Without half blocks each epoch takes a whole row: epoch 6 is row 6 of 11.
        #expect(ascii.text(row: 0).hasPrefix(" 0 "))
        #expect(ascii.text(row: 6).hasPrefix(" 6>"))
        #expect(ascii[5, 6].glyph == "<")
    }
}
