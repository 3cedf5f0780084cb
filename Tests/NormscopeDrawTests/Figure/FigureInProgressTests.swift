import Foundation
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Figures of a run still training (the live view's `e`) or interrupted: they show the last epoch recorded and
/// say which, at any epoch; only a stage that ran to its planned end is "at the end".
struct FigureInProgressTests {
    /// `results` with every stage-1 history cut after `epoch` and no stage 2: a run exported mid-stage 1.
    static func stage1Cut(_ results: ResultsFile, through epoch: Int) -> ResultsFile {
        var r = results
        r.runs = r.runs.filter { !$0.isStage2 }.map { $0.truncated(through: epoch) }
        return r
    }

    /// The texts of an SVG document.
    static func texts(_ svg: String) -> [String] {
        let c = FigureSVGTests.Collector()
        #expect(XMLCheck.problem(in: svg, delegate: c) == nil)
        return c.texts
    }

    @Test("at any stage-1 epoch the figures show that epoch, and only the last says 'end of stage 1'",
          arguments: [0, 1, 5, 11, 12])
    func stage1AtAnyEpoch(epoch: Int) {
        let r = Self.stage1Cut(FigureSVGTests.results(epochs: 12, stage2: true), through: epoch)
        let f = FigureRaster(results: r, width: 600)
        #expect(f.finalMoment == FigureRaster.Moment(stage1Epoch: epoch))
        #expect(f.moments(.init(stage1Frames: 100, stage2Frames: 100)).map(\.stage1Epoch) == Array(0...epoch))
        #expect(f.epochs == 12, "the heatmaps keep the planned epochs' height")
        let texts = Self.texts(FigureSVG.render(results: r))
        let expected = epoch == 12 ? "(f) norms at the end of stage 1" : "(f) norms after epoch \(epoch)"
        #expect(texts.contains(expected), "\(texts.filter { $0.hasPrefix("(f)") })")
    }

    @Test("a stage 2 cut short says at which of its epochs; a finished one is at its end")
    func stage2InProgress() {
        let full = FigureSVGTests.results(epochs: 12, stage2: true)
        var cut = full
        cut.runs = full.runs.map { $0.isStage2 ? $0.truncated(through: 1) : $0 }
        let f = FigureRaster(results: cut, width: 600)
        #expect(f.finalMoment == FigureRaster.Moment(stage1Epoch: 12, stage2Epoch: 1))
        #expect(f.stage2Planned == 3)
        #expect(Self.texts(FigureSVG.render(results: cut)).contains("(g) stage 2 after epoch 1 (on WD features)"))
        #expect(Self.texts(FigureSVG.render(results: full)).contains("(g) norms at the end of stage 2 (on WD features)"))
        #expect(FigureRaster(results: full, width: 600).finalMoment == FigureRaster.Moment(stage1Epoch: 12, stage2Epoch: 3))
    }

    @Test("the titles: 'end' only at the planned end, the stage-2 title before stage 2 names its base")
    func titles() {
        #expect(FigureTitles.stage1Profile(letter: "f", epoch: 99, planned: 100) == "(f) norms after epoch 99")
        #expect(FigureTitles.stage1Profile(letter: "f", epoch: 100, planned: 100) == "(f) norms at the end of stage 1")
        #expect(FigureTitles.stage2Profile(letter: "g", base: RunID(.wd), epoch: nil, planned: 30)
                 == "(g) stage 2 on WD features")
        #expect(FigureTitles.stage2Profile(letter: "g", base: RunID(.wd), epoch: 0, planned: 0)
                 == "(g) norms at the end of stage 2 (on WD features)", "post-hoc variants train nothing: at their end")
    }
}
