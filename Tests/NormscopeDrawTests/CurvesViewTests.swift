import Foundation
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Issue 19 point 5: in the curves view every regime's curve can be seen, the start of stage 2 is marked, and
/// the axes read in round numbers.
@Suite("Curves view")
struct CurvesViewTests {
    static let names = ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"]

    /// Five regimes whose curves coincide exactly (the worst case for one shared chart): accuracy rising to
    /// 48%, then falling to 20% in a stage 2 after epoch 100 when `boundary` is set; loss from 4.6 down.
    static func charts(boundary: Int?, coincide: Bool = true) -> [ChartModel] {
        let last = boundary == nil ? 100 : 130
        func series(_ f: (Int) -> Double) -> [ChartSeries] {
            names.enumerated().map { i, n in
                ChartSeries(name: n, values: (0...last).map(f), slot: i, tag: String("abcde".map { $0 }[i]))
            }
        }
        let acc = series { e in e <= 100 ? 48 * (1 - exp(-Double(e) / 12)) : 20 }
        var near = acc  // the same curves 6 points apart: close, but not on top of each other
        for i in near.indices { near[i].points = near[i].points.map { EpochValue(epoch: $0.epoch, value: $0.value + 6 * Double(i)) } }
        let few = series { e in e <= 100 ? 12 * (1 - exp(-Double(e) / 12)) : 25 }
        let loss = series { e in 4.6 * exp(-Double(e) / 15) + 0.05 }
        return [
            ChartModel(title: "test accuracy, all classes (%)", series: coincide ? acc : near, xMax: last, yRange: 0...100, stageBoundary: boundary),
            ChartModel(title: "test accuracy, Few classes (%)", series: few, xMax: last, yRange: 0...100, stageBoundary: boundary),
            ChartModel(title: "training loss", series: loss, xMax: last, stageBoundary: boundary),
        ]
    }

    static func dashboard(boundary: Int?, coincide: Bool = true) -> DashboardModel {
        var m = SyntheticDashboard.model(epoch: 100)
        m.curves = charts(boundary: boundary, coincide: coincide)
        m.view = .curves
        return m
    }

    static func isBraille(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { $0.value > 0x2800 && $0.value <= 0x28FF } ?? false
    }

    static let sizes = [(80, 24), (120, 36)]
    static let colourModes: [ColorMode] = [.full256, .basic16, .basic8]

    @Test(arguments: sizes, colourModes)
    func everyRegimesCurveIsDrawnInItsColourAndNamed(size: (Int, Int), mode: ColorMode) {
        let options = RenderOptions(colorMode: mode)
        let c = renderDashboard(Self.dashboard(boundary: 100), width: size.0, height: size.1, options: options)
        let theme = Theme(mode: mode)
        let drawn = Set(c.cells.filter { Self.isBraille($0.glyph) }.map(\.fg))
        for i in 0..<5 {
            #expect(drawn.contains(theme.series(i)), "\(size) \(mode): regime \(i)'s colour is not on screen")
            #expect(c.plainText.contains("(\("abcde".map { $0 }[i])) \(Self.names[i])"), "\(size) \(mode)")
        }
    }

    @Test(arguments: sizes)
    func withoutColourEachRegimeHasItsOwnBand(size: (Int, Int)) {
        let c = renderDashboard(Self.dashboard(boundary: 100, coincide: false), width: size.0, height: size.1,
                                options: RenderOptions(colorMode: .none))
        // Each band draws its own regime's line alone (dim, all that could tell the others apart, is often lost).
        for (i, name) in Self.names.enumerated() {
            let tag = "(\("abcde".map { $0 }[i])) \(name)"
            guard let row = (0..<c.height).first(where: { c.text(row: $0).hasPrefix(" " + tag) }) else {
                Issue.record("\(size): no row starts with \(tag)")
                continue
            }
            _ = row
        }
        let plain = c.cells.filter { Self.isBraille($0.glyph) && !$0.attrs.contains(.dim) }
        let dim = c.cells.filter { Self.isBraille($0.glyph) && $0.attrs.contains(.dim) }
        #expect(!plain.isEmpty && dim.isEmpty)
    }

    @Test func stageTwoIsMarkedByARuleAndNamedOnTheEpochAxis() {
        let with = CurvesView(charts: Self.charts(boundary: 100)).render(width: 118, height: 30, options: .standard)
        let rules = with.cells.filter { $0.glyph == "┊" }.count
        #expect(rules >= 5 * 3)          // every band of every chart
        let axis = with.text(row: 29)
        #expect(axis.contains("100"))
        #expect(axis.contains("130"))
        #expect(with.text(row: 1).components(separatedBy: "stage 2").count == 4)   // named once per chart
        let without = CurvesView(charts: Self.charts(boundary: nil)).render(width: 118, height: 30, options: .standard)
        #expect(!without.plainText.contains("┊"))
        #expect(!without.plainText.contains("stage 2"))
        let ascii = CurvesView(charts: Self.charts(boundary: 100)).render(width: 118, height: 30, options: RenderOptions(glyphs: .ascii))
        #expect(ascii.plainText.contains("stage 2"))
        #expect(ascii.cells.allSatisfy { $0.glyph.isASCII })
    }

    @Test func axesReadInRoundNumbers() {
        let c = CurvesView(charts: Self.charts(boundary: nil)).render(width: 118, height: 30, options: .standard)
        let text = c.plainText
        #expect(!text.contains(".00"))
        #expect(text.contains("100┤"))
        #expect(text.contains("  5┤") || text.contains(" 5┤"))
        #expect(text.contains("0┤"))
        #expect(NiceTicks.label(5) == "5" && NiceTicks.label(2.5) == "2.5" && NiceTicks.label(0) == "0")
    }

    @Test func theFirstPointSitsOnTheZeroRowNotBelowIt() {
        // Accuracy 0 at epoch 0 is drawn in the band's last row, the row labelled 0, in the dot row at its bottom.
        let charts = [ChartModel(title: "acc", series: [ChartSeries(name: "x", values: [0, 50, 100], slot: 0, tag: "a")],
                                 xMax: 2, yRange: 0...100)]
        let c = CurvesView(charts: charts).render(width: 40, height: 8, options: .standard)
        let zeroRow = (0..<c.height).first { c.text(row: $0).contains("0┤") && !c.text(row: $0).contains("100┤") }
        #expect(zeroRow == 6)
        let x = (0..<c.width).first { Self.isBraille(c[$0, 6].glyph) }
        #expect(x != nil)
    }

    @Test func accuracyAndLossSitSideBySideFrom78Columns() {
        for width in [78, 80, 100] {
            let c = CurvesView(charts: Self.charts(boundary: nil)).render(width: width, height: 20, options: .standard)
            #expect(c.text(row: 0).contains("test accuracy, all classes"), "\(width)")
            #expect(c.text(row: 0).contains("training loss"), "\(width)")
        }
        let wide = CurvesView(charts: Self.charts(boundary: nil)).render(width: 118, height: 20, options: .standard)
        #expect(wide.text(row: 0).contains("Few classes"))
    }
}

/// The curves of the live view's histories: stage-2 continuations keep their base's name and mark the boundary.
@Suite("Curves of histories")
struct CurvesOfHistoriesTests {
    static func history(_ id: RunID, epochs: ClosedRange<Int>, boundary: Int?) -> RunHistory {
        let a = AccuracySummary(all: 40, many: 60, medium: 30, few: 10)
        return RunHistory(id: id, records: epochs.map { EpochRecord(epoch: $0, norms: [1, 0.5], trainLoss: 1, accuracy: a) },
                             stage2StartEpoch: boundary)
    }

    @Test func stage2ContinuationsAreNamedByTheirBaseAndTheBoundaryIsKept() {
        let joined = Self.history(RunID(.naive, .cbWDMaxNorm), epochs: 0...130, boundary: 100)
        let curves = DashboardModel.curves([joined], totalEpochs: 130)
        #expect(curves.allSatisfy { $0.series.first?.name == "Naive" && $0.stageBoundary == 100 })
        let stage1 = DashboardModel.curves([Self.history(RunID(.naive), epochs: 0...20, boundary: nil)], totalEpochs: 100)
        #expect(stage1.allSatisfy { $0.stageBoundary == nil })
        // A classifier-only stage-2 run (boundary 0) has no rule.
        let alone = DashboardModel.curves([Self.history(RunID(.wd, .cbWD), epochs: 0...10, boundary: 0)], totalEpochs: 10)
        #expect(alone.allSatisfy { $0.stageBoundary == nil })
    }
}
