import Foundation
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Changes of setting mid-run on the epoch axis: in the figure (SVG, PNG, CSV) on the panels a change affects,
/// legible on both ends of the colour map, and in the live heatmap's gutter.
@Suite("change marks")
struct ChangeMarkTests {
    /// Figure results whose config records `changes`.
    static func results(_ changes: [ConfigChange], epochs: Int = 12) -> ResultsFile {
        var r = FigureSVGTests.results(epochs: epochs, stage2: false)
        r.config.training.changes = changes
        return r
    }

    @Test("short labels: symbol and a value of a few characters")
    func labels() {
        #expect(ChangeMark(ConfigChange(epoch: 5, setting: .weightDecay, value: 5e-3)).label == "WD 5e-3")
        #expect(ChangeMark(ConfigChange(epoch: 5, setting: .maxNormRadius, value: 0.8)).label == "δ 0.8")
        #expect(ChangeMark(ConfigChange(epoch: 5, setting: .learningRate, value: 0.03)).label == "lr 0.03")
        #expect(ChangeMark.short(1.25e-4) == "1.25e-4" && ChangeMark.short(0) == "0" && ChangeMark.short(12) == "12")
    }

    @Test("the SVG marks a weight-decay change on the WD panels only, with its label and a dark halo")
    func svgMarksAffectedPanels() {
        let svg = FigureSVG.render(results: Self.results([ConfigChange(epoch: 6, setting: .weightDecay, value: 5e-3)]))
        let panels = svg.components(separatedBy: "<g id=\"panel-").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(panels.count == 5)
        var marked: [String] = []
        for part in svg.components(separatedBy: "<g id=\"panel-").dropFirst() {
            let body = part.components(separatedBy: "</g>\n<g id").first ?? part
            if body.contains("class=\"mark\"") { marked.append(String(part.prefix(1))) }
        }
        #expect(marked == ["c", "e"], "wd and wd+maxnorm carry the mark")
        #expect(FigureLegendTests.texts(svg).filter { $0.text == "WD 5e-3" }.count == 2)
        #expect(svg.contains("class=\"mark-halo\"") && svg.contains("paint-order=\"stroke\""))
    }

    @Test("the PNG draws the rule on the affected panels, outlined so it shows on light cells")
    func rasterMarksAffectedPanels() {
        let model = FigureModel(results: Self.results([ConfigChange(epoch: 6, setting: .maxNormRadius, value: 0.8)]))
        let f = FigureRaster(model), L = f.layout
        let image = f.render(f.finalMoment)
        let y = f.epochY(6, top: L.panelTop)
        func white(_ panel: Int) -> Bool { (L.panelX(panel)..<(L.panelX(panel) + L.panel / 4)).contains { image[$0, y] == FigureRaster.mark } }
        #expect((0..<5).map(white) == [false, false, false, true, false], "only (d) MaxNorm")
        // Dark pixels border the white rule above and below, whatever the cells' colour.
        let x = (L.panelX(3)..<(L.panelX(3) + L.panel / 4)).first { image[$0, y] == FigureRaster.mark }!
        #expect(image[x, y - L.stroke - 1] == FigureRaster.ink || image[x, y + L.stroke + 1] == FigureRaster.ink)
    }

    @Test("the CSV names each change on the line of its epoch for the regimes it affects")
    func csvColumn() {
        let csv = FigureCSV.render(results: Self.results([ConfigChange(epoch: 6, setting: .weightDecay, value: 5e-3),
                                                          ConfigChange(epoch: 3, setting: .learningRate, value: 0.02)]))
        let lines = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.allSatisfy { $0.count == 9 })
        let changed = lines.filter { !$0[8].isEmpty }
        #expect(Set(changed.filter { $0[2] == "6" }.map { $0[0] }) == ["wd", "wd+maxnorm"])
        #expect(changed.filter { $0[2] == "6" }.allSatisfy { $0[8] == "weightDecay=0.005" })
        #expect(Set(changed.filter { $0[2] == "3" }.map { $0[0] }) == Set(Regime.all.map(\.name)))
        #expect(changed.allSatisfy { $0[2] == "3" || $0[2] == "6" })
    }

    @Test("the live heatmap marks a change in its gutter at the change's row, in ASCII too")
    func liveGutter() {
        var p = PanelModel(title: "WD", letter: "c", norms: Array(repeating: [1, 1, 1, 1], count: 11), totalEpochs: 20)
        p.changeMarks = [ChangeMark(epoch: 10, symbol: "WD", value: "5e-3"), ChangeMark(epoch: 16, symbol: "δ", value: "0.8")]
        let text = PanelView(p, vmax: 2).render(width: 30, height: 16, options: .standard).plainText
        #expect(text.contains("WD▸") && text.contains("δ▸"), "\(text)")
        let ascii = PanelView(p, vmax: 2).render(width: 30, height: 16, options: RenderOptions(colorMode: .none, glyphs: .ascii)).plainText
        #expect(ascii.contains("WD>") && ascii.contains("d>"), "\(ascii)")
        p.changeMarks = []
        #expect(!PanelView(p, vmax: 2).render(width: 30, height: 16, options: .standard).plainText.contains("▸"))
    }
}
