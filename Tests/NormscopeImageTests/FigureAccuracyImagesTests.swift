import Testing
@testable import NormscopeDraw
@testable import NormscopeImage
import NormscopeEngine

/// The figure's accuracy row in the PNG and the GIF, decoded by Pillow: known accuracies at known pixels, and
/// the GIF's frames filling the row epoch by epoch.
struct FigureAccuracyImagesTests {
    /// `Fixtures.results` with per-class data: Naive (a) 100 % on the head half of the classes and 0 % on the
    /// tail half, every other regime 50 %; Naive predicts only the head classes.
    static func results(epochs: Int) -> ResultsFile {
        var r = Fixtures.results(epochs: epochs, classes: 10, stage2: false)
        r.testClassCounts = [Int](repeating: 2, count: 10)
        for (i, h) in r.runs.enumerated() {
            let records = h.records.map { record in
                var record = record
                record.classAccuracy = (0..<10).map { k in i == 0 ? (k < 5 ? 100 : 0) : 50 }
                record.predictionCounts = (0..<10).map { k in i == 0 ? (k < 5 ? 4 : 0) : 2 }
                return record
            }
            r.runs[i] = RunHistory(id: h.id, plannedEpochs: h.plannedEpochs, records: records)
        }
        return r
    }

    @Test func thePNGAndTheGIFShowKnownAccuraciesInTheSecondRow() throws {
        let figure = FigureRaster(results: Self.results(epochs: 8), width: 800)
        let L = figure.layout, P = L.panel, colors = FigureModel.accuracyColors
        let png = try PillowDecoder.decode(FigureImages.png(figure), suffix: "png")
        #expect(png.width == 800 && png.height == figure.height)
        let image = try #require(png.frames.first)
        let mid = L.accuracyPanelTop + P / 2
        #expect(image[L.panelX(0) + P / 4, mid] == colors[9], "Naive head: 90-100 %")
        #expect(image[L.panelX(0) + 3 * P / 4, mid] == colors[0], "Naive tail: 0-10 %")
        #expect(image[L.panelX(1) + P / 2, mid] == colors[5], "L2-norm: 50-60 %")
        let gif = try PillowDecoder.decode(FigureImages.gif(figure, fps: 10), suffix: "gif")
        let moments = figure.moments(FigureImages.framePlan(fps: 10))
        #expect(gif.frameCount == moments.count && moments.count == 9)
        // Frame 0 (epoch 0): the row's first epoch is drawn, the rest still empty; the last frame is the PNG.
        let first = try #require(gif.frames.first)
        #expect(first[L.panelX(0) + P / 4, L.accuracyPanelTop + 1] == colors[9])
        #expect(first[L.panelX(0) + P / 4, L.accuracyPanelTop + P - 2] == FigureRaster.empty)
        #expect(gif.frames.last == image)
    }
}
