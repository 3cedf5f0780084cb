import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// What a lecturer sees, checked on the drawn canvas: round epoch ticks, the fixed scale's colour bar, stage 2's
/// share of the axis, the stage-2 table, steady header widths, key hints beside messages.
struct LecturerViewTests {
    static func norms(_ epochs: Int, classes: Int = 10) -> [[Double]] {
        let span = Double(max(1, epochs))
        return (0...epochs).map { e -> [Double] in
            let grown: Double = 2 * Double(e) / span
            return (0..<classes).map { k -> Double in grown * (1 - Double(k) / 20) }
        }
    }

    /// The epoch labels in a heatmap's gutter, top to bottom.
    static func labels(_ c: Canvas, gutter: Int) -> [Int] {
        (0..<c.height).compactMap { Int(c.text(row: $0).prefix(gutter - 1).trimmingCharacters(in: .whitespaces)) }
    }

    @Test("epoch ticks are round epochs inside the run", arguments: [(100, 12), (100, 30), (200, 20), (37, 10), (5000, 25)])
    func roundTicks(epochs: Int, height: Int) {
        let map = Heatmap(norms: Self.norms(epochs), totalEpochs: epochs, vmax: 2, gutter: String(epochs).count + 1)
        let c = map.render(width: 30, height: height, options: .standard)
        let ticks = Self.labels(c, gutter: map.gutter)
        #expect(ticks.first == 0 && ticks.count >= 2, "\(ticks)")
        #expect(ticks.allSatisfy { $0 <= epochs }, "inside the run: \(ticks)")
        let step = ticks[1] - ticks[0]
        #expect(NiceSteps.sequence.contains(step), "a round step: \(ticks)")
        #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $1 - $0 == step }, "evenly spaced: \(ticks)")
    }

    @Test("a 100-epoch run before stage 2 is labelled up to 100, not 110")
    func axisEndsWithTheStage() {
        let p = PanelModel(title: "Naive", letter: "a", norms: Self.norms(3), totalEpochs: 100)
        let text = PanelView(p, vmax: 2).render(width: 30, height: 30, options: .standard).plainText
        #expect(text.contains("100") && !text.contains("110"))
    }

    @Test("stage 2 gets at least a quarter of the heatmap's height below the boundary",
          arguments: [(100, 10, 20), (100, 10, 8), (100, 3, 30), (200, 10, 12), (40, 10, 16), (1_000, 1_000, 20)])
    func stageTwoShare(stage1: Int, stage2: Int, height: Int) {
        let g = HeatmapGeometry(classCount: 10, totalEpochs: stage1 + stage2, width: 20, height: height, halfBlocks: true,
                                stage2After: stage1)
        let boundary = g.row(ofEpoch: stage1 + 1)
        #expect(Double(g.usedRows - boundary) >= 0.25 * Double(g.usedRows), "\(boundary) of \(g.usedRows)")
        #expect(g.row(ofEpoch: stage1) < boundary && g.row(ofEpoch: 0) == 0, "stage 2 starts on a row of its own")
        #expect(g.firstEpoch(ofRow: g.usedRows - 1).map { $0 > stage1 && $0 <= stage1 + stage2 } == true)
        #expect(g.usedRows <= height)
    }

    @Test("the colour bar is fixed at 0 to 2 with ticks, 1 marked, and an overflow mark")
    func colourBar() {
        let c = ColorBar(vmax: 2, overflow: 2.61).render(width: 50, height: 2, options: .standard)
        #expect(c.text(row: 0).contains("▲2.61"))
        let ticks = c.text(row: 1).split(separator: " ").map(String.init)
        #expect(ticks == ["0", "0.5", "1", "1.5", "2"], "\(ticks)")
        let one = c.text(row: 1).firstIndex(of: "1").map { c.text(row: 1).distance(from: c.text(row: 1).startIndex, to: $0) }!
        #expect(c[one, 1].fg != c[0, 1].fg, "1 stands out")
        #expect(!ColorBar(vmax: 2).render(width: 50, height: 2, options: .standard).plainText.contains("▲"))
    }

    @Test("the header keeps its width as the numbers grow")
    func steadyHeader() {
        func width(_ epoch: Int, _ seconds: Double, _ rate: Double) -> Int {
            let s = StatusModel(epoch: epoch, totalEpochs: 100, learningRate: 0.01, elapsedSeconds: seconds, samplesPerSecond: rate)
            let line = HeaderLine(title: "normscope", subtitle: "", status: s).render(width: 160, height: 1, options: .standard).text(row: 0)
            return line.distance(from: line.startIndex, to: line.range(of: "epoch")!.lowerBound)
        }
        #expect(width(1, 0.5, 900) == width(100, 59.9, 9_900))
    }

    @Test("a long message leaves the quit and help keys on the hint line")
    func keysBesideMessages() {
        let line = KeyHintLine(keys: KeyHelp.standard, message: String(repeating: "stage 1 done ", count: 10))
            .render(width: 80, height: 1, options: .standard).text(row: 0)
        #expect(line.contains("q quit") && line.contains("? help"), "\(line)")
    }

    @Test("the stage-2 tables give every row a distinct label")
    func stageTwoTable() {
        let acc = AccuracySummary(all: 50, many: 60, medium: 40, few: 20)
        func h(_ id: RunID, epochs: Int) -> RunHistory {
            RunHistory(id: id, plannedEpochs: epochs, records: (0...epochs).map { EpochRecord(epoch: $0, norms: [1], trainLoss: 0, accuracy: acc) },
                          accuracy: acc, stage2StartEpoch: id.isStage2 ? 0 : nil)
        }
        let stage1 = Regime.all.map { h(RunID($0), epochs: 3) }
        var stage2: [RunHistory] = [], bases: [Int] = []
        for i in 0..<5 { stage2.append(h(RunID(Regime.all[i], .cbWDMaxNorm), epochs: 2)); bases.append(i) }
        for v in [Stage2Variant.posthocL2, .posthocTau, .cbWD, .cbMaxNorm] { stage2.append(h(RunID(.wd, v), epochs: v.isPostHoc ? 0 : 2)); bases.append(2) }
        let snapshot = RunSnapshot(stage1: stage1, stage2: stage2, stage2Bases: bases, stage2Started: true)
        let panels = stage1.enumerated().map { PanelModel(history: $0.element, index: $0.offset, totalEpochs: 3) }
        let t = AccuracyTable.stage2Tables(snapshot, panels: panels)
        for rows in [t.main, t.side] {
            let labels = rows.map { ($0.tag.isEmpty ? "" : "(\($0.tag)) ") + $0.name }
            #expect(Set(labels).count == labels.count, "\(labels)")
        }
        #expect(t.main.count == 5 && t.side.count == 1 + 4 + 1)
        let text = AccuracyTable(rows: t.main, caption: t.mainCaption).render(width: 60, height: 8, options: .standard).plainText
            + AccuracyTable(rows: t.side, caption: t.sideCaption).render(width: 60, height: 8, options: .standard).plainText
        for name in ["(a) Naive", "(e) WD+MaxNorm", "on (c) WD", "stage 1 only", "CB & MaxNorm", "weight balancing"] {
            #expect(text.contains(name), "\(name)\n\(text)")
        }
    }

    @Test("the keys shown are the keys that work: no pause, step or pace once training ends, no 2 once stage 2 runs")
    func availableKeys() {
        let keys = { (f: Bool, s: Bool) in KeyHelp.available(trainingFinished: f, stage2Started: s).map(\.key) }
        #expect(keys(false, false) == KeyHelp.standard.map(\.key))
        #expect(keys(true, false) == ["q", "v", "c", "2", "r", "s", "e", "← →", "Ctrl-L", "?"])
        #expect(keys(false, true).contains("space") && !keys(false, true).contains("2"))
        #expect(keys(true, true) == ["q", "v", "c", "r", "s", "e", "← →", "Ctrl-L", "?"], "s restarts with other settings after training too")
    }
}
