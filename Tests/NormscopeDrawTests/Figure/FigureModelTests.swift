import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Issue 21 point 3: the figure is worked out once, in `FigureModel`, and `FigureSVG` and `FigureRaster` paint
/// what it holds: its ticks, its coinciding-lines decision, its marks.
struct FigureModelTests {
    /// The y pixels of ink tick marks just left of the raster's first heatmap.
    static func epochTickRows(_ f: FigureRaster, _ image: Raster) -> [Int] {
        let L = f.layout, x = L.panelX(0) - L.stroke - 1
        return (L.panelTop..<(L.panelTop + L.panel)).filter { image[x, $0] == FigureRaster.ink && image[x, $0 - 1] != FigureRaster.ink }
    }

    @Test func bothPaintersDrawTheModelsTicks() {
        var model = FigureModel(results: FigureSVGTests.results(epochs: 12, stage2: false))
        #expect(model.epochAxis.values == [0, 5, 10])
        let original = FigureRaster(model)
        #expect(Self.epochTickRows(original, original.render(original.finalMoment)) == [0, 5, 10].map { original.epochY($0, top: original.layout.panelTop) })
        // Ticks changed in the model: both painters follow, neither works them out again.
        model.epochAxis.ticks = [FigureAxis.Tick(value: 3, label: "three"), FigureAxis.Tick(value: 9, label: "nine")]
        let svg = FigureSVG.render(model)
        let labels = FigureLegendTests.texts(svg).map(\.text)
        #expect(labels.filter { $0 == "three" }.count == 5 && labels.filter { $0 == "nine" }.count == 5)
        #expect(!labels.contains("10"))
        let f = FigureRaster(model)
        #expect(Self.epochTickRows(f, f.render(f.finalMoment)) == [3, 9].map { f.epochY($0, top: f.layout.panelTop) })
    }

    @Test func theColourBarAndProfileAxesAreTheModels() {
        let model = FigureModel(results: FigureSVGTests.results(epochs: 12, stage2: true))
        let texts = FigureLegendTests.texts(FigureSVG.render(model)).map(\.text)
        #expect(model.colorBarAxis.ticks.map(\.label) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
        for label in model.colorBarAxis.ticks.map(\.label) { #expect(texts.contains(label)) }
        for p in model.profiles(at: model.finalMoment) {
            #expect(texts.contains(p.title))
            for t in p.yAxis.ticks + p.xAxis.ticks { #expect(texts.contains(t.label), "\(p.id): \(t.label)") }
        }
    }

    @Test func profileAxesHoldForEveryMoment() {
        let model = FigureModel(results: FigureSVGTests.results(epochs: 12, stage2: true))
        let moments = (0...12).map { FigureMoment(stage1Epoch: $0) } + (0...3).map { FigureMoment(stage1Epoch: 12, stage2Epoch: $0) }
        let tops = Set(moments.map { model.profiles(at: $0).map(\.top) })
        #expect(tops.count == 1, "an animation's profile axes must not move: \(tops)")
        #expect(model.profiles(at: FigureMoment(stage1Epoch: 12))[1].series.isEmpty, "stage 2 is empty before it starts")
    }

    @Test func theCoincidingLineIsDecidedOnce() {
        let model = FigureModel(results: FigureLegendTests.results())
        let stage2 = model.profiles(at: model.finalMoment)[1].series
        let twin = stage2.firstIndex { $0.name == "CB & WD & MaxNorm" }!
        #expect(stage2[twin].twin.map { stage2[$0].name } == "CB & WD")
        #expect(stage2[twin].note == "(= CB & WD)")
        #expect(stage2.filter { $0.twin != nil }.count == 1)
        // The SVG writes the model's note; the raster draws its rings in the twin's colour (FigureLegendTests).
        #expect(FigureLegendTests.texts(FigureSVG.render(model)).contains { $0.text == "(= CB & WD)" })
    }

    @Test func aMarkAddedToTheModelAppearsInBothPainters() {
        var model = FigureModel(results: FigureSVGTests.results(epochs: 12, stage2: false))
        let plain = FigureSVG.render(model)
        #expect(!plain.contains("class=\"mark\""))
        model.epochMarks = [FigureModel.EpochMark(epoch: 6, label: "wd 5e-3")]
        let svg = FigureSVG.render(model)
        #expect(svg.components(separatedBy: "class=\"mark\"").count - 1 == model.heatmaps.count)
        #expect(FigureLegendTests.texts(svg).filter { $0.text == "wd 5e-3" }.count == model.heatmaps.count)
        // The raster: a white rule across each heatmap at the mark's row (no colour of the map is white), once
        // training has reached it.
        let f = FigureRaster(model), L = f.layout
        func whiteInMarkRow(_ image: Raster) -> Bool {
            let y = f.epochY(6, top: L.panelTop)
            return (L.panelX(0)..<(L.panelX(0) + L.panel / 4)).contains { image[$0, y] == FigureRaster.mark }
        }
        #expect(whiteInMarkRow(f.render(f.finalMoment)))
        #expect(!whiteInMarkRow(f.render(FigureMoment(stage1Epoch: 5))))
        #expect(!whiteInMarkRow(FigureRaster(FigureModel(results: FigureSVGTests.results(epochs: 12, stage2: false))).render(f.finalMoment)))
    }
}
