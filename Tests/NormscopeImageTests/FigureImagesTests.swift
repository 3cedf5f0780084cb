import Testing
@testable import NormscopeDraw
@testable import NormscopeImage
import NormscopeEngine

/// Fig. 2 as PNG and as an animation, decoded by Pillow: sizes, frame count and timing, and the GIF's last
/// frame pixel for pixel the PNG.
struct FigureImagesTests {
    @Test func theGIFFormsTheFigureAndEndsOnThePNG() throws {
        for stage2 in [false, true] {
            let figure = FigureRaster(results: Fixtures.results(epochs: 20, stage2: stage2), width: 640)
            let moments = figure.moments(maxStage1Frames: Int(FigureImages.formingSeconds * 10))
            let gif = try PillowDecoder.decode(FigureImages.gif(figure, fps: 10), suffix: "gif")
            let png = try PillowDecoder.decode(FigureImages.png(figure), suffix: "png")
            #expect(gif.width == 640 && gif.height == figure.height && png.width == 640 && png.height == figure.height)
            #expect(gif.frameCount == moments.count)
            #expect(gif.frames.last == png.frames.first, "the last frame is the static figure")
            #expect(png.frames.first == figure.render(figure.finalMoment))
            #expect(gif.frames.first == figure.render(moments[0]))
            #expect(gif.durations.last == Int(FigureImages.holdSeconds * 1000))
            let pause = 100 + Int(FigureImages.stageBreakSeconds * 1000)
            let frameDurations: [Int] = Array(gif.durations.dropLast())
            #expect(frameDurations.allSatisfy { (d: Int) -> Bool in d == 100 || d == pause })
        }
    }

    @Test func delaysAverageTheFrameRate() {
        let moments = (0..<31).map { FigureRaster.Moment(stage1Epoch: $0) }
        let d = FigureImages.delays(moments, fps: 15)
        let total: Int = d.dropLast().reduce(0, +)
        #expect(total == 200, "30 frames at 15 a second take 2 s")
        #expect(Set(d.dropLast()) == [6, 7] && d.last == 300)
    }

    @Test func longRunsAreSampledToTheFormingTime() {
        let figure = FigureRaster(results: Fixtures.results(epochs: 500, classes: 12, stage2: false), width: 480)
        let m = figure.moments(maxStage1Frames: Int(FigureImages.formingSeconds * 15))
        #expect(m.count == 120 && m.first?.stage1Epoch == 0 && m.last?.stage1Epoch == 500)
    }
}

/// Made-up results for image tests (as FigureSVGTests has in the drawing tests).
enum Fixtures {
    static func results(epochs: Int = 12, classes: Int = 10, stage2: Bool = true) -> ResultsFile {
        let recipe = DatasetRecipe(name: "fig", classes: classes, dimension: 4, maxPerClass: 60, imbalance: 10,
                                   testPerClass: 2, modesPerClass: 1, latentDimension: 2, noise: 0.5)
        let data = SyntheticGenerator.generate(recipe, seed: 1)
        var config = RunConfig(dataset: DataOrigin(recipe: recipe, file: nil, dataset: data),
                               training: TrainingConfig(hidden: [8], epochs: epochs), regimes: Regime.all.map(\.name))
        let zero = AccuracySummary(all: 0, many: 0, medium: 0, few: 0)
        func history(_ id: RunID, _ rows: [[Double]]) -> RegimeHistory {
            RegimeHistory(id: id, plannedEpochs: rows.count - 1, records: rows.enumerated().map {
                EpochRecord(epoch: $0.offset, norms: $0.element, trainLoss: 0, accuracy: zero)
            })
        }
        var regimes = Regime.all.enumerated().map { i, r in
            history(RunID(r), (0...epochs).map { e in
                (0..<classes).map { k in 0.3 + Double(e) / Double(epochs) * (1.7 - Double(i) * 0.3) * Double(classes - k) / Double(classes) }
            })
        }
        if stage2 {
            config.stage2 = Stage2Config()
            let base = regimes[2].finalNorms
            for v in Stage2Variant.all {
                let rows = v.isPostHoc ? [base.map { _ in 1.0 }] : [base] + (1...3).map { e in base.map { $0 / Double(e + 1) } }
                var h = history(RunID(.wd, v), rows)
                h.stage2StartEpoch = 0
                regimes.append(h)
            }
        }
        return ResultsFile(config: config, classCounts: recipe.classCounts, classLabels: Array(0..<classes), regimes: regimes)
    }
}
