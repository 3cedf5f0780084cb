import Testing
@testable import NormscopeDraw

/// The class cursor, its readout, the per-class accuracy view and the prediction strip, on the drawn canvas.
@Suite("class cursor and accuracy view")
struct ClassCursorTests {
    static let titles = ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"]
    /// Training samples of 10 classes, most frequent first: Many, Medium and Few.
    static let counts = [500, 300, 150, 101, 100, 60, 20, 19, 8, 5]

    /// Five regimes over `epochs` epochs: class k's norm in panel p is `1 + p/10 - k/20` at the end, its
    /// accuracy `100 - 10k`, and the head class gets `3x` its share of predictions, the tail none.
    static func model(epochs: Int = 20, view: DashboardView = .heatmapProfile, cursor: Int? = 9) -> DashboardModel {
        let classes = counts.count
        let panels = titles.enumerated().map { p, title -> PanelModel in
            let norms = (0...epochs).map { e in (0..<classes).map { k in (1 + Double(p) / 10 - Double(k) / 20) * Double(e) / Double(epochs) } }
            var m = PanelModel(title: title, letter: String("abcde".map { $0 }[p]), norms: norms, totalEpochs: epochs)
            m.accuracyRows = (0...epochs).map { e in EpochRow(epoch: e, values: (0..<classes).map { k in Double(100 - 10 * k) }) }
            m.predictionCounts = [300, 100, 100, 100, 100, 100, 100, 50, 50, 0]
            return m
        }
        var m = DashboardModel(panels: panels, view: view)
        m.cursor = cursor
        m.classCounts = counts
        m.testClassCounts = Array(repeating: 100, count: classes)
        return m
    }

    static let optionSets: [RenderOptions] = [.standard, RenderOptions(colorMode: .none), RenderOptions(colorMode: .none, glyphs: .ascii),
                                              RenderOptions(colorMode: .basic16)]

    @Test("the cursor's column is marked in every panel of every view, at 80x24 and 120x36, in colour, NO_COLOR and ASCII",
          arguments: [(80, 24), (120, 36)])
    func markedInEveryPanel(size: (Int, Int)) {
        for view in [DashboardView.heatmapProfile, .profiles, .classAccuracy] {
            for options in Self.optionSets {
                let m = Self.model(view: view, cursor: 4)
                let canvas = renderDashboard(m, width: size.0, height: size.1, options: options)
                let layout = Dashboard(m).layout(width: size.0, height: size.1)
                let up: Character = options.glyphs == .ascii ? "^" : "▲"
                for r in layout.panels {
                    // The class-axis row, just above the bottom border: ▲ and the class.
                    let row = r.maxY - 2
                    let line = String((r.x..<r.maxX).map { canvas[$0, row].glyph })
                    #expect(line.contains(up) && line.contains("4"), "\(view) \(size) \(options): \(line)")
                    let x = r.x + (line.firstIndex(of: up).map { line.distance(from: line.startIndex, to: $0) } ?? 0)
                    #expect(canvas[x, row].attrs.contains(.bold), "the mark is bold, so it reads without colour")
                }
            }
        }
    }

    @Test("the mark stands over the cursor's class: left for the head class, right for the tail, and moves with it")
    func markFollowsTheClass() {
        func column(_ k: Int) -> Int {
            let m = Self.model(cursor: k)
            let canvas = renderDashboard(m, width: 120, height: 36, options: .standard)
            let r = Dashboard(m).layout(width: 120, height: 36).panels[0]
            return (r.x..<r.maxX).first { canvas[$0, r.maxY - 2].glyph == "▲" } ?? -1
        }
        let xs = (0..<10).map(column)
        #expect(xs.allSatisfy { $0 >= 0 } && xs == xs.sorted() && Set(xs).count == 10, "\(xs)")
        #expect(column(500) == xs[9], "a cursor past the last class (a restart with fewer classes) is clamped")
    }

    @Test("a click on a class's column, in the heatmap or the profile of any panel and view, is that class")
    func clickedClass() {
        for view in [DashboardView.heatmapProfile, .profiles, .classAccuracy] {
            for k in 0..<10 {
                let m = Self.model(view: view, cursor: k)
                let canvas = renderDashboard(m, width: 120, height: 36, options: .standard)
                for r in Dashboard(m).layout(width: 120, height: 36).panels {
                    let x = (r.x..<r.maxX).first { canvas[$0, r.maxY - 2].glyph == "▲" } ?? -1
                    #expect(dashboardClass(m, atX: x, y: r.y + 3, width: 120, height: 36) == k, "\(view) class \(k)")
                    #expect(dashboardClass(m, atX: x, y: r.maxY - 4, width: 120, height: 36) == k, "\(view) class \(k), low")
                }
            }
        }
        let m = Self.model()
        #expect(dashboardClass(m, atX: 2, y: 5, width: 120, height: 36) == nil, "the epoch gutter is no class")
        #expect(dashboardClass(m, atX: 60, y: 33, width: 120, height: 36) == nil, "the table is no class")
        var curves = m
        curves.view = .curves
        #expect(dashboardClass(curves, atX: 30, y: 10, width: 120, height: 36) == nil)
    }

    @Test("no cursor, no marks: the class-axis hint and the key hint line as before")
    func hiddenCursor() {
        let canvas = renderDashboard(Self.model(cursor: nil), width: 120, height: 36, options: .standard)
        #expect(!canvas.plainText.contains("▲"))
        #expect(canvas.text(row: 35).hasPrefix(" q quit"))
    }

    @Test("the readout names class, training count, group, and per regime norm, accuracy and prediction share (120 and 160 columns)")
    func readoutAt120() {
        let canvas = renderDashboard(Self.model(cursor: 8), width: 120, height: 36, options: .standard)
        let line = canvas.text(row: 35)
        #expect(line.contains("#8 n=8 Few ‖w‖ acc pred"), "\(line)")
        let wide = renderDashboard(Self.model(cursor: 8), width: 160, height: 40, options: .standard).text(row: 39)
        #expect(wide.contains("class 8 · 8 train · Few ‖w‖ acc pred  a 0.60 20% 5.0%"), "\(wide)")
        // Panel (c): norm 1 + 0.2 - 0.4 = 0.80, accuracy 20 %, 50 of 1000 predictions = 5.0 %.
        #expect(line.contains("c 0.80 20% 5.0%"), "\(line)")
        #expect(line.contains("a 0.60 20% 5.0%") && line.contains("e 1.00 20% 5.0%"), "\(line)")
    }

    @Test("at 80 columns the readout keeps norm and prediction share of all five regimes on one line")
    func readoutAt80() {
        for k in [0, 5, 9] {
            let line = renderDashboard(Self.model(cursor: k), width: 80, height: 24, options: .standard).text(row: 23)
            let group = Self.counts[k] > 100 ? "Many" : Self.counts[k] >= 20 ? "Med" : "Few"
            #expect(line.contains("#\(k) n=\(Self.counts[k]) \(group)"), "\(line)")
            for letter in ["a", "b", "c", "d", "e"] { #expect(line.contains(" \(letter) "), "\(letter) in \(line)") }
            #expect(line.contains(k == 9 ? "a 0.55 0.0" : k == 0 ? "a 1.00 30" : "a 0.75 10"), "\(line)")
        }
    }

    @Test("before any epoch the readout shows dashes, not zeros")
    func readoutBeforeTraining() {
        var m = Self.model(cursor: 3)
        for i in m.panels.indices { m.panels[i].rows = []; m.panels[i].accuracyRows = []; m.panels[i].predictionCounts = [] }
        let line = renderDashboard(m, width: 120, height: 36, options: .standard).text(row: 35)
        #expect(line.contains("class 3 · 101 train · Many") && line.contains("a – – –"), "\(line)")
    }

    @Test("a transient message wins over the readout for its seconds")
    func messageWins() {
        var m = Self.model(cursor: 3)
        m.message = "exported to r.json"
        #expect(renderDashboard(m, width: 120, height: 36, options: .standard).text(row: 35).contains("exported to r.json"))
    }
}
