import Foundation
import Testing
@testable import NormscopeDraw
@testable import NormscopeTerminal

/// The demo's figure stays still for the whole tour: the caption area is sized once for the longest caption, so
/// the panels' top border and the epoch ticks never move when a caption goes from one line to two.
struct DemoLayoutTests {
    static let counts: [Int] = (0..<100).map { (i: Int) -> Int in Int(500.0 * pow(0.01, Double(i) / 99.0)) }

    static func model(caption: String, tour: [String]) -> DashboardModel {
        let norms: [[Double]] = (0...100).map { (e: Int) -> [Double] in
            (0..<100).map { (k: Int) -> Double in 0.4 + Double(e) / 60.0 * (1.0 - Double(k) / 150.0) }
        }
        let panels = ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"].enumerated().map { i, t in
            PanelModel(title: t, letter: String("abcde".map { $0 }[i]), norms: norms, totalEpochs: 100)
        }
        var m = DashboardModel(panels: panels, caption: caption)
        m.captionsToCome = tour
        return m
    }

    /// The row of the panels' top border and the first panel's epoch labels.
    static func frame(_ c: Canvas) -> (border: Int?, ticks: [String]) {
        let border = (0..<c.height).first { c.text(row: $0).hasPrefix("╭") }
        let ticks = ((border ?? 0)..<c.height).map { String(c.text(row: $0).dropFirst().prefix(3)) }
        return (border, ticks)
    }

    @Test("at 120x36 the panels' top border and the epoch ticks stay put through every caption of the tour")
    func figureStaysStill() {
        let demo = DemoScript(epochs: 100, classCounts: Self.counts, regimes: 5)
        let tour = demo.allCaptions
        #expect(tour.count == DemoScript.captions.count + 1, "every caption and the live change's")
        let lines = Set(tour.map { TextFit.wrap($0, 118).count })
        #expect(lines.count > 1, "the captions differ in length, so a caption-sized layout would jump: \(lines)")
        let frames = tour.map { Self.frame(renderDashboard(Self.model(caption: $0, tour: tour), width: 120, height: 36, options: .standard)) }
        #expect(frames.allSatisfy { $0.border == frames[0].border && $0.ticks == frames[0].ticks }, "\(frames.map(\.border))")
        #expect(frames[0].border == 3, "header and a two-line caption above the panels")
    }

    @Test("the (c) caption says what the default run shows: WD norms grow uncapped, past (d)'s cap")
    func weightDecayCaptionIsTrue() {
        let c = DemoScript.captions[3]
        #expect(c.hasPrefix("(c) Weight decay") && !c.contains("stay small") && c.contains("1.6"))
    }
}
