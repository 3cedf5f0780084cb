import Testing
@testable import NormscopeDraw
@testable import NormscopeImage
import NormscopeEngine
import NormscopeTestSupport

/// Fig. 2 as PNG and as an animation, decoded by Pillow: sizes, frame count and timing, and the GIF's last
/// frame pixel for pixel the PNG.
struct FigureImagesTests {
    @Test func theGIFFormsTheFigureAndEndsOnThePNG() throws {
        for stage2 in [false, true] {
            let figure = FigureRaster(results: Fixtures.results(epochs: 20, stage2: stage2), width: 640)
            let moments = figure.moments(FigureImages.framePlan(fps: 10))
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
        let m = figure.moments(FigureImages.framePlan(fps: 15))
        #expect(m.count == 120 && m.first?.stage1Epoch == 0 && m.last?.stage1Epoch == 500)
    }

    @Test("every animation is bounded in frames, whatever the history: 1 to 1,000,000 stage-2 epochs, 1 to 50 fps")
    func framesAreBoundedForAnyHistory() {
        for stage2Epochs in [1, 1_024, 20_000, 1_000_000] {
            let figure = FigureRaster(results: Fixtures.longStage2(epochs: stage2Epochs), width: 480)
            #expect(figure.stage2Epochs == stage2Epochs)
            for fps in [1, FigureImages.defaultFPS, FigureImages.fpsRange.upperBound] {
                let m = figure.moments(FigureImages.framePlan(fps: fps))
                let stage2 = m.compactMap(\.stage2Epoch)
                #expect(m.count <= FigureRaster.FramePlan.maxFrames, "\(stage2Epochs) epochs at \(fps) fps: \(m.count)")
                #expect(stage2.count <= max(1, Int(FigureImages.stage2Seconds * Double(fps))))
                #expect(stage2.first == 0 || stage2Epochs + 1 > stage2.count || fps == 1)
                #expect(zip(stage2, stage2.dropFirst()).allSatisfy { $0 < $1 }, "no repeated frames")
                #expect(m.last == figure.finalMoment, "ends on the static figure")
            }
        }
    }

    @Test("a GIF of a 20,000-epoch stage 2 decodes with no more frames than the plan allows")
    func longStage2GIFDecodes() throws {
        let figure = FigureRaster(results: Fixtures.longStage2(epochs: 20_000), width: 480)
        let planned = figure.moments(FigureImages.framePlan(fps: FigureImages.defaultFPS))
        let gif = try PillowDecoder.decode(FigureImages.gif(figure), suffix: "gif", frames: false)
        #expect(gif.frameCount == planned.count && gif.frameCount <= FigureRaster.FramePlan.maxFrames)
        let stage2Frames = planned.filter { $0.stage2Epoch != nil }.count
        #expect(stage2Frames == Int(FigureImages.stage2Seconds) * FigureImages.defaultFPS)
    }

    @Test func evenlySpacedEpochsKeepBothEnds() {
        #expect(FigureRaster.evenlySpaced(upTo: 0, count: 5) == [0])
        #expect(FigureRaster.evenlySpaced(upTo: 3, count: 5) == [0, 1, 2, 3])
        #expect(FigureRaster.evenlySpaced(upTo: 10, count: 3) == [0, 5, 10])
        #expect(FigureRaster.evenlySpaced(upTo: 10, count: 1) == [10])
        let plan = FigureRaster.FramePlan(stage1Frames: 10_000, stage2Frames: 10_000)
        #expect(plan.stage1Frames + plan.stage2Frames == FigureRaster.FramePlan.maxFrames)
    }
}

/// Made-up results for image tests (`FigureFixtures`, shared with the SVG's tests in the drawing tests).
enum Fixtures {
    static func results(epochs: Int = 12, classes: Int = 10, stage2: Bool = true) -> ResultsFile {
        FigureFixtures.results(epochs: epochs, classes: classes, stage2: stage2)
    }

    /// `results()` with a stage 2 of `epochs` epochs: about a thousand records each (a long run's history is
    /// thinned, and the figure reads it by epoch), the last at `epochs`.
    static func longStage2(epochs: Int) -> ResultsFile {
        var r = results()
        let zero = AccuracySummary(all: 0, many: 0, medium: 0, few: 0)
        let step = max(1, epochs / 1_000)
        for i in r.runs.indices where r.runs[i].isStage2 && r.runs[i].records.count > 1 {
            let base = r.runs[i].records[0].norms
            let kept = Array(stride(from: 0, to: epochs, by: step)) + [epochs]
            r.runs[i] = RunHistory(id: r.runs[i].id, plannedEpochs: epochs, records: kept.map { e in
                EpochRecord(epoch: e, norms: base.map { $0 / (1 + Double(e) / Double(epochs)) }, trainLoss: 0, accuracy: zero)
            }, stage2StartEpoch: 0)
        }
        return r
    }
}
