import Foundation
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// The raster figure: geometry, palette, moments of the animation, reading histories by epoch.
struct FigureRasterTests {
    @Test func sizeFollowsWidthAndIsClamped() {
        let r = FigureSVGTests.results()
        let f = FigureRaster(results: r, width: 960)
        #expect(f.width == 960 && f.height > 300 && f.height < 700)
        let image = f.render(f.finalMoment)
        #expect(image.width == 960 && image.height == f.height)
        #expect(FigureRaster(results: r, width: 10).width == FigureRaster.widthRange.lowerBound)
        #expect(FigureRaster(results: r, width: 99_999).width == FigureRaster.widthRange.upperBound)
        // A figure twice as wide (from 1,800 px) draws text twice as large.
        #expect(FigureRaster(results: r, width: 1_920).layout.scale == 2)
    }

    @Test func everyPixelOfEveryFrameIsInThePalette() {
        for stage2 in [false, true] {
            let f = FigureRaster(results: FigureSVGTests.results(stage2: stage2), colorMap: .viridis, width: 700)
            let palette = Set(f.palette)
            #expect(f.palette.count <= 255 && palette.count == f.palette.count)
            for m in f.moments(.init(stage1Frames: 100, stage2Frames: 100)) {
                #expect(Set(f.render(m).distinctColors).isSubset(of: palette), "\(m)")
            }
        }
    }

    @Test func momentsRunThroughStage1ThenStage2AndEndOnTheFinalFigure() {
        let r = FigureSVGTests.results(epochs: 12, stage2: true)
        let f = FigureRaster(results: r, width: 600)
        let all = f.moments(.init(stage1Frames: 100, stage2Frames: 100))
        #expect(all.prefix(13).map(\.stage1Epoch) == Array(0...12) && all.prefix(13).allSatisfy { $0.stage2Epoch == nil })
        #expect(all.dropFirst(13).map(\.stage2Epoch) == [0, 1, 2, 3])
        #expect(all.last == f.finalMoment)
        let few = f.moments(.init(stage1Frames: 5, stage2Frames: 100)).prefix(5).map(\.stage1Epoch)
        #expect(few.first == 0 && few.last == 12 && few.count == 5 && few == few.sorted())
        let plain = FigureRaster(results: FigureSVGTests.results(stage2: false), width: 600)
        #expect(plain.stage2Epochs == nil && plain.moments(.init(stage1Frames: 100, stage2Frames: 100)).last == plain.finalMoment)
    }

    @Test func heatmapRowsAppearEpochByEpoch() {
        let f = FigureRaster(results: FigureSVGTests.results(epochs: 12, stage2: false), width: 600)
        let L = f.layout
        func filledRows(_ m: FigureRaster.Moment) -> Int {
            let image = f.render(m)
            return (0..<L.panel).filter { image[L.panelX(0) + 1, L.panelTop + $0] != FigureRaster.empty }.count
        }
        #expect(filledRows(.init(stage1Epoch: 0)) == (L.panel + 12) / 13)
        #expect(filledRows(.init(stage1Epoch: 5)) > filledRows(.init(stage1Epoch: 4)))
        #expect(filledRows(f.finalMoment) == L.panel)
    }

    @Test func thinnedHistoriesDrawByEpochNotPosition() {
        // The same norms, once kept every epoch and once only every third: heatmap rows and profiles sit at
        // the same epochs, and rows of epochs nobody kept stay empty.
        var r = FigureSVGTests.results(epochs: 30, stage2: false)
        let full = FigureRaster(results: r, width: 600)
        r.runs = r.runs.map { h in
            FigureSVGTests.history(h.id, epochs: 30, rows: []).appending(h.records.filter { $0.epoch % 3 == 0 })
        }
        let thin = FigureRaster(results: r, width: 600)
        let L = full.layout
        let a = full.render(full.finalMoment), b = thin.render(thin.finalMoment)
        let y0 = L.panelTop + L.panel * 3 / 31 + 1  // inside epoch 3's row
        #expect(a[L.panelX(0) + 5, y0] == b[L.panelX(0) + 5, y0])
        let y1 = L.panelTop + L.panel * 4 / 31 + 1  // epoch 4: kept in one, not the other
        #expect(b[L.panelX(0) + 5, y1] == FigureRaster.empty && a[L.panelX(0) + 5, y1] != FigureRaster.empty)
        #expect(FigureRaster.norms(thin.stage1[0], atEpoch: 29) == full.stage1[0].records[27].norms)
    }

    @Test func normsAboveTheScaleAreMarkedOnceTheyAppear() {
        // The fixture's naive norms reach 0.3 + 1.7 = 2.0 at the last epoch: above a top of 1.5 from about epoch 9.
        let r = FigureSVGTests.results(epochs: 12, stage2: false)
        let f = FigureRaster(results: r, vmax: 1.5, width: 600)
        #expect(f.render(f.finalMoment).distinctColors.contains(FigureRaster.overflowMark))
        #expect(!f.render(.init(stage1Epoch: 3)).distinctColors.contains(FigureRaster.overflowMark))
        let paper = FigureRaster(results: r, width: 600)
        #expect(paper.vmax == 2.0 && !paper.render(paper.finalMoment).distinctColors.contains(FigureRaster.overflowMark))
    }

    @Test func levelsCoverTheScale() {
        #expect(FigureRaster.level(0, vmax: 2) == 0)
        #expect(FigureRaster.level(2, vmax: 2) == FigureRaster.levels - 1)
        #expect(FigureRaster.level(9, vmax: 2) == FigureRaster.levels - 1)
        #expect(FigureRaster.level(.nan, vmax: 2) == 0)
        #expect(FigureRaster.level(1, vmax: 2) == FigureRaster.levels / 2)
    }

    @Test func divergedAndEmptyResultsStillDraw() {
        var r = FigureSVGTests.results(epochs: 6, stage2: false)
        r.runs[0].diverged = Divergence(epoch: 3, reason: "loss is NaN")
        let f = FigureRaster(results: r, width: 600)
        #expect(f.render(f.finalMoment).distinctColors.contains(FigureRaster.alarm))
        #expect(!f.render(.init(stage1Epoch: 2)).distinctColors.contains(FigureRaster.alarm))
        r.runs = []
        let empty = FigureRaster(results: r, width: 600)
        #expect(empty.render(empty.finalMoment).width == 600)
    }
}

extension FigureRasterTests {
    @Test("300 mutated results files: an error or a raster figure in its palette, never a trap")
    func mutations() throws {
        let base = try FigureSVGTests.results(epochs: 6, classes: 5).encoded()
        let tree = try JSONSerialization.jsonObject(with: base)
        var rng = ResultsFuzzTests.Rng(state: 11)
        var figures = 0
        for i in 0..<300 {
            var t: Any = tree
            for _ in 0...rng.below(3) { t = ResultsFuzzTests.mutate(t, &rng) }
            let bytes = (try? JSONSerialization.data(withJSONObject: t, options: [.fragmentsAllowed])) ?? Data()
            guard let r = try? ResultsFile.decode(bytes, path: "r.json") else { continue }
            let f = FigureRaster(results: r, width: 480)
            let last = f.moments(.init(stage1Frames: 4, stage2Frames: 100)).last ?? f.finalMoment
            #expect(Set(f.render(last).distinctColors).isSubset(of: Set(f.palette)), "mutation \(i)")
            figures += 1
        }
        #expect(figures > 30, "\(figures) figures drawn")
    }
}

extension RunHistory {
    /// This history with `records` appended.
    func appending(_ records: [EpochRecord]) -> RunHistory {
        var h = self
        for r in records { h.append(r) }
        return h
    }
}
