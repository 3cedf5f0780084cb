import Foundation
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// The figure's second row (per-class test accuracy) and its prediction-share profile: drawn iff the results
/// hold the per-class fields, in both painters, and older files draw as before.
struct FigureAccuracyTests {
    /// `FigureSVGTests.results` with per-class data in every stage-1 record: under Naive (a) the head half of
    /// the classes is always right (100 %) and the tail half never (0 %), every other regime 50 % everywhere;
    /// Naive predicts only the head classes (4 each), the others predict the true class counts (2 each).
    static func results(epochs: Int = 12, stage2: Bool = true) -> ResultsFile {
        var r = FigureSVGTests.results(epochs: epochs, classes: 10, stage2: stage2)
        r.testClassCounts = [Int](repeating: 2, count: 10)
        for (i, h) in r.runs.enumerated() where !h.isStage2 {
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

    /// The results file written before the per-class fields existed.
    static func olderFile() throws -> ResultsFile {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return try ResultsFile.load(path: root.path + "/Tests/Fixtures/results-before-per-class.json")
    }

    @Test func theModelHasTheRowAndProfileIffTheResultsHaveTheData() throws {
        let m = FigureModel(results: Self.results())
        #expect(m.hasAccuracy && m.hasPredictions)
        #expect(m.accuracyBarAxis.values == [0, 20, 40, 60, 80, 100] && m.accuracyBarAxis.ticks.last?.label == "100")
        #expect(m.accuracyBarAxis.titles.first == "test accuracy of the class (%)")
        #expect(m.heatmaps.map(m.accuracyTitle) == ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"])
        let naive = m.accuracyMeans(m.heatmaps[0], rows: 13, cols: 10)
        #expect(naive.count == 13 && naive.allSatisfy { $0 == [100, 100, 100, 100, 100, 0, 0, 0, 0, 0] }, "same axes: epochs x classes")
        let profiles = m.allProfiles(at: m.finalMoment)
        #expect(profiles.map(\.id) == ["profile-stage1", "profile-predictions", "profile-stage2", "profile-predictions-stage2"])
        #expect(profiles.map { String($0.title.prefix(3)) } == ["(f)", "(g)", "(h)", "(i)"], "letters in reading order")
        let shares = profiles[1]
        #expect(shares.series.count == 6 && shares.series.last?.name == "true share" && shares.series.last!.dashed)
        #expect(shares.series.last?.values == [Double](repeating: 10, count: 10), "flat on the balanced test set")
        #expect(shares.series[0].values == [20, 20, 20, 20, 20, 0, 0, 0, 0, 0], "Naive: all to the head")
        #expect(shares.yAxis.titles == ["% of predictions"] && shares.top >= 20 && shares.top < 25)
        #expect(shares.title == "(g) where the test predictions go, end of stage 1")
        // Stage 2 (the synthetic variants record no counts): the base's stage-1 shares dashed, then the test set's.
        #expect(profiles[3].series.first?.name == "WD (stage 1)" && profiles[3].series.last?.name == "true share")
        #expect(m.allProfiles(at: FigureMoment(stage1Epoch: 12)).last?.series.isEmpty == true, "empty before stage 2")

        let old = FigureModel(results: try Self.olderFile())
        #expect(!old.hasAccuracy && !old.hasPredictions)
        #expect(old.allProfiles(at: old.finalMoment) == old.profiles(at: old.finalMoment), "drawn as before")
    }

    @Test func accuracyStepsAreTenPercentEach() {
        #expect(FigureModel.accuracyColors.count == 10)
        #expect([0, 9.99, 10, 55, 99.9, 100, 250, -3, .nan].map(FigureModel.accuracyLevel) == [0, 0, 1, 5, 9, 9, 9, 0, 0])
        let norms = Set((0..<256).flatMap { l in ColorMapKind.allCases.map { Raster.pixel($0.rgb(at: Double(l) / 255)) } })
        #expect(norms.isDisjoint(with: FigureModel.accuracyColors), "a colour map distinct from both norm maps")
    }

    @Test func theSVGHasTheSecondRowAndThePredictionProfile() throws {
        let c = try FigureSVGTests().parse(FigureSVG.render(results: Self.results()))
        #expect(c.ids.filter { $0.hasPrefix("accuracy-") && $0.count == 10 }
                == ["accuracy-a", "accuracy-b", "accuracy-c", "accuracy-d", "accuracy-e"])
        #expect(c.ids.contains("accuracy-row") && c.ids.contains("accuracy-colorbar") && c.ids.contains("profile-predictions"))
        #expect(c.ids.contains("profile-predictions-stage2"))
        #expect(c.ids.filter { $0.hasPrefix("panel-") }.count == 5, "the norm row is still there")
        for text in [FigureModel.accuracyRowTitle, "Naive", "WD+MaxNorm", "test accuracy of the class (%)", "0", "20", "100",
                     "(g) where the test predictions go, end of stage 1", "% of predictions", "true share",
                     "(h) norms at the end of stage 2 (on WD features)"] {
            #expect(c.texts.contains(text), "\(text)")
        }
        #expect(c.texts.filter { $0 == "training epochs" }.count == 10, "five norm and five accuracy heatmaps")
        let accuracyFills = Set(FigureModel.accuracyColors.map(SVGText.hex))
        // Naive: 100 % (top step) on the head, 0 % (bottom step) on the tail; the others 50 % (step 5).
        #expect(Set(c.fills.filter(accuracyFills.contains))
                == [SVGText.hex(FigureModel.accuracyColors[9]), SVGText.hex(FigureModel.accuracyColors[0]), SVGText.hex(FigureModel.accuracyColors[5])])
        let withRow = try #require(Double(c.root["height"] ?? ""))
        let without = try FigureSVGTests().parse(FigureSVG.render(results: FigureSVGTests.results()))
        #expect(withRow > (Double(without.root["height"] ?? "") ?? 0) + 400, "a heatmap row and a profile row taller")
    }

    @Test func anOlderFileDrawsAsBeforeWithoutTheSecondRow() throws {
        let old = try Self.olderFile()
        let c = try FigureSVGTests().parse(FigureSVG.render(results: old))
        #expect(!c.ids.contains { $0.hasPrefix("accuracy") } && !c.ids.contains("profile-predictions"))
        #expect(c.ids.contains("profile-stage1") && c.ids.contains("colorbar"))
        let f = FigureRaster(results: old, width: 960)
        #expect(f.accuracyGrids.isEmpty && !f.layout.accuracyRow)
        #expect(f.height == FigureRaster.Layout(width: 960, panels: f.model.heatmaps.count, epochs: f.epochs).height)
        #expect(FigureCSV.render(results: old).split(separator: "\n").count > 1)
    }

    @Test func theRasterPaintsKnownAccuraciesInTheSecondRow() {
        let f = FigureRaster(results: Self.results(stage2: false), width: 960)
        let L = f.layout, P = L.panel
        #expect(L.accuracyRow && L.accuracyPanelTop > L.panelTop + P)
        let image = f.render(f.finalMoment)
        let y = L.accuracyPanelTop + P / 2
        #expect(image[L.panelX(0) + P / 4, y] == FigureModel.accuracyColors[9], "Naive head: 100 %")
        #expect(image[L.panelX(0) + 3 * P / 4, y] == FigureModel.accuracyColors[0], "Naive tail: 0 %")
        #expect(image[L.panelX(2) + P / 2, y] == FigureModel.accuracyColors[5], "WD: 50 %")
        // The colour bar: the bottom step at the bottom, the top step at the top.
        #expect(image[L.colorBarX + L.colorBarWidth / 2, L.accuracyPanelTop + P - 2] == FigureModel.accuracyColors[0])
        #expect(image[L.colorBarX + L.colorBarWidth / 2, L.accuracyPanelTop + 1] == FigureModel.accuracyColors[9])
        // Epoch by epoch: at epoch 0 only the first rows are filled, the bottom stays empty.
        let first = f.render(FigureRaster.Moment(stage1Epoch: 0))
        #expect(first[L.panelX(0) + P / 4, L.accuracyPanelTop + 1] == FigureModel.accuracyColors[9])
        #expect(first[L.panelX(0) + P / 4, L.accuracyPanelTop + P - 2] == FigureRaster.empty)
        let palette = Set(f.palette)
        #expect(f.palette.count <= 255)
        for m in f.moments(.init(stage1Frames: 100, stage2Frames: 100)) {
            #expect(Set(f.render(m).distinctColors).isSubset(of: palette), "\(m)")
        }
    }
}
