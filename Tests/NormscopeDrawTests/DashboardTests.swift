import Testing
@testable import NormscopeDraw

@Suite("Dashboard")
struct DashboardTests {
    static let titles = ["(a) Naive", "(b) L2-norm", "(c) WD", "(d) MaxNorm", "(e) WD+MaxNorm"]
    let model = SyntheticDashboard.model(epoch: 120)

    /// Rectangles of the layout that must not share a cell.
    func parts(_ l: DashboardLayout) -> [Rect] {
        [l.header, l.keyHint, l.status] + (l.caption.map { [$0] } ?? []) + l.panels
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func standardSizesShowEveryPanelWithoutOverlap(size: (Int, Int)) {
        let (w, h) = size
        let canvas = renderDashboard(model, width: w, height: h, options: .standard)
        #expect(canvas.width == w && canvas.height == h)
        let text = canvas.plainText
        for t in Self.titles { #expect(text.contains(t), "missing \(t) at \(w)x\(h)") }
        let layout = Dashboard(model).layout(width: w, height: h)
        #expect(!layout.tooSmall)
        let bounds = Rect(x: 0, y: 0, width: w, height: h)
        let rects = parts(layout).filter { !$0.isEmpty }
        for r in rects { #expect(bounds.contains(r), "\(r) outside \(w)x\(h)") }
        for (i, a) in rects.enumerated() {
            for b in rects[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b) at \(w)x\(h)") }
        }
        // Every panel frame is intact: nothing drew over its corners.
        for r in layout.panels {
            #expect(canvas[r.x, r.y].glyph == "╭" && canvas[r.maxX - 1, r.y].glyph == "╮")
            #expect(canvas[r.x, r.maxY - 1].glyph == "╰" && canvas[r.maxX - 1, r.maxY - 1].glyph == "╯")
        }
        let last = canvas.text(row: h - 1)
        #expect(last.hasPrefix(" q quit"))
        #expect(last.contains("? help"))
        #expect(canvas.text(row: 0).contains("normscope"))
        #expect(text.contains("accuracy %") || text.contains("acc"))
        #expect(text.contains("2.0"))
    }

    @Test func commonTerminalsPutAllFivePanelsInOneRowAboveTheTable() {
        // The paper's arrangement, with the table (names and all four columns) in a strip below.
        for (w, h) in [(200, 60), (160, 48), (120, 36), (120, 40), (80, 24)] {
            let layout = Dashboard(model).layout(width: w, height: h)
            #expect(layout.columns == 5 && layout.rows == 1 && layout.statusPlacement == .strip, "\(w)x\(h)")
        }
        let text = renderDashboard(model, width: 80, height: 24, options: .standard).plainText
        for name in ["(a) Naive", "(e) WD+MaxNorm", "Many", "Few", "All"] { #expect(text.contains(name), "80x24 shows \(name)") }
        // Short and wide: a grid of larger panels wins.
        #expect(Dashboard(model).layout(width: 200, height: 24).columns == 5)
        #expect(Dashboard(model).layout(width: 60, height: 40).columns < 5)
    }

    @Test func panelsInOneDashboardShareTheirSize() {
        for (w, h) in [(80, 24), (121, 41), (163, 47), (200, 60)] {
            let sizes = Set(Dashboard(model).layout(width: w, height: h).panels.map { "\($0.width)x\($0.height)" })
            #expect(sizes.count == 1, "\(w)x\(h): \(sizes)")
        }
    }

    @Test func tooSmallTerminalsGetACentredNotice() {
        let c = renderDashboard(model, width: 40, height: 10, options: .standard)
        #expect(c.width == 40 && c.height == 10)
        let text = c.plainText
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("need at least 60x20"))
        #expect(text.contains("(now 40x10)"))
        #expect(text.contains("enlarge or press q"))
        let wide = renderDashboard(model, width: 100, height: 5, options: .standard)
        #expect(wide.text(row: 2).contains("Terminal too small: need at least 60x20 (now 100x5) — enlarge or press q"))
        #expect(renderDashboard(model, width: 59, height: 40, options: .standard).plainText.contains("too small"))
        #expect(!renderDashboard(model, width: 60, height: 20, options: .standard).plainText.contains("too small"))
    }

    @Test(arguments: [(1, 1), (0, 0), (2, 1), (1, 3), (-4, 7), (7, -1), (5, 2)])
    func tinyTerminalsNeverCrash(size: (Int, Int)) {
        let c = renderDashboard(model, width: size.0, height: size.1, options: .standard)
        #expect(c.width == max(0, size.0) && c.height == max(0, size.1))
        #expect(c.cells.count == c.width * c.height)
    }

    @Test func oneByOneShowsTheFirstLetterOfTheNotice() {
        #expect(renderDashboard(model, width: 1, height: 1, options: .standard).plainText == "T")
    }

    @Test func sweepOfSizesViewsAndOptionsKeepsExactDimensions() {
        let optionSets = [RenderOptions.standard, RenderOptions(colorMode: .none, glyphs: .ascii),
                          RenderOptions(colorMode: .basic8, colorMap: .viridis)]
        var m = model
        m.caption = "demo caption"
        m.message = "exported to r.json"
        var i = 0
        for w in stride(from: 1, through: 220, by: 9) {
            for h in stride(from: 1, through: 70, by: 6) {
                m.view = DashboardView.allCases[i % 3]
                m.showHelp = i % 4 == 0
                let c = renderDashboard(m, width: w, height: h, options: optionSets[i % optionSets.count])
                #expect(c.width == w && c.height == h && c.cells.count == w * h)
                i += 1
            }
        }
    }

    @Test(arguments: 1...9)
    func anyNumberOfPanelsIsLaidOut(n: Int) {
        var m = model
        m.panels = (0..<n).map { i in
            var p = model.panels[i % 5]
            p.letter = String("abcdefghi".map { $0 }[i])
            return p
        }
        let need = DashboardLayout.minimumSize(panelCount: n)
        #expect(need.width == 60 && need.height >= 20)
        for (w, h) in [(need.width, need.height), (160, 48), (240, 70)] {
            let layout = Dashboard(m).layout(width: w, height: h)
            #expect(!layout.tooSmall, "\(n) panels at \(w)x\(h)")
            #expect(layout.panels.count == n)
            let text = renderDashboard(m, width: w, height: h, options: .standard).plainText
            for p in m.panels { #expect(text.contains("(\(p.letter))"), "(\(p.letter)) missing, \(n) panels at \(w)x\(h)") }
        }
    }

    @Test(arguments: DashboardView.allCases)
    func asciiModeEmitsOnlyAsciiEverywhere(view: DashboardView) {
        var m = model
        m.view = view
        m.caption = "δ → naive heads grow — WD… ‖w‖ ×"
        m.message = "exported → r.json"
        m.panels[3].diverged = DivergenceNote(epoch: 57, reason: "loss is NaN ≥ ∞")
        m.panels[0].title = "Naïve"
        m.panels[2].stageBoundary = 60
        for help in [false, true] {
            m.showHelp = help
            for (w, h) in [(80, 24), (120, 40), (200, 60), (61, 21), (30, 8)] {
                for mode in ColorMode.allCases {
                    let c = renderDashboard(m, width: w, height: h, options: RenderOptions(colorMode: mode, glyphs: .ascii))
                    let bad = c.cells.first { !$0.glyph.isASCII }
                    #expect(bad == nil, "non-ASCII \(bad.map { String($0.glyph) } ?? "") at \(w)x\(h) \(mode) \(view)")
                }
            }
        }
    }

    @Test(arguments: DashboardView.allCases)
    func noColourModeUsesNoColourAnywhere(view: DashboardView) {
        var m = model
        m.view = view
        m.showHelp = view == .curves
        m.panels[1].diverged = DivergenceNote(epoch: 3, reason: "weights are infinite")
        for (w, h) in [(80, 24), (200, 60)] {
            let c = renderDashboard(m, width: w, height: h, options: RenderOptions(colorMode: .none))
            #expect(c.cells.allSatisfy { $0.fg == .default && $0.bg == .default })
            if view == .heatmapProfile { #expect(c.plainText.contains("▓") || c.plainText.contains("█")) }
        }
    }

    @Test func basicColourModesStayInTheirPalettes() {
        for (mode, limit) in [(ColorMode.basic16, 16), (.basic8, 8)] {
            for view in DashboardView.allCases {
                var m = model
                m.view = view
                let c = renderDashboard(m, width: 120, height: 40, options: RenderOptions(colorMode: mode))
                for cell in c.cells {
                    for color in [cell.fg, cell.bg] {
                        if case .index(let i) = color { #expect(Int(i) < limit, "\(mode) used \(i)") }
                    }
                }
            }
        }
    }

    @Test func divergedPanelShowsTheBanner() {
        var m = model
        m.panels[3].diverged = DivergenceNote(epoch: 57, reason: "loss is NaN")
        let c = renderDashboard(m, width: 200, height: 60, options: .standard)
        #expect(c.plainText.contains("DIVERGED at epoch 57: loss is NaN"))
        let row = (0..<c.height).first { c.text(row: $0).contains("DIVERGED") }!
        let x = Array(c.text(row: row)).firstIndex(of: "D")!
        #expect(c[x, row].bg == Theme(mode: .full256).alarm.bg && c[x, row].attrs.contains(.bold))
        #expect(c.plainText.contains("diverged at epoch 57"))
        // Narrow panels wrap the banner.
        let small = renderDashboard(m, width: 80, height: 24, options: .standard)
        #expect(small.plainText.contains("DIVERGED"))
    }

    @Test func helpOverlayListsEveryKey() {
        var m = model
        m.showHelp = true
        let text = renderDashboard(m, width: 120, height: 40, options: .standard).plainText
        for k in KeyHelp.standard { #expect(text.contains(k.description)) }
        #expect(text.contains("press ? to close"))
    }

    @Test func keyHintKeepsHelpAndShowsTheMessage() {
        let line = KeyHintLine(keys: KeyHelp.standard, message: "exported to r.json").render(width: 40, height: 1, options: .standard)
        let text = line.text(row: 0)
        #expect(text.contains("? help"))
        #expect(text.hasSuffix("exported to r.json "))
        #expect(text.hasPrefix(" q quit"))
    }

    @Test func captionSitsUnderTheHeader() {
        var m = model
        m.caption = "Naive heads grow fastest."
        let c = renderDashboard(m, width: 120, height: 40, options: .standard)
        #expect(c.text(row: 1).hasPrefix(" Naive heads grow fastest."))
    }

    @Test func curvesViewDrawsTheCharts() {
        var m = model
        m.view = .curves
        let text = renderDashboard(m, width: 160, height: 48, options: .standard).plainText
        #expect(text.contains("Balanced accuracy (%)"))
        #expect(text.contains("Few accuracy (%)"))
        #expect(text.contains("WD+MaxNorm"))
        #expect(text.unicodeScalars.contains { $0.value >= 0x2801 && $0.value <= 0x28FF })
    }

    @Test func profilesViewDropsTheHeatmaps() {
        var m = model
        m.view = .profiles
        let c = renderDashboard(m, width: 120, height: 40, options: .standard)
        #expect(!c.plainText.contains("▀"))
        #expect(c.plainText.contains("█"))
        #expect(c.plainText.contains("δ=0.60"))
    }
}

@Suite("Odd data")
struct OddDataTests {
    func panel(_ norms: [[Double]], total: Int) -> PanelModel {
        PanelModel(title: "Odd", letter: "a", norms: norms, totalEpochs: total, maxNormRadius: .nan,
                   accuracy: GroupAccuracy(all: .nan, many: 0, medium: 100, few: -1), stageBoundary: 999)
    }

    @Test func strangeInputsRenderWithoutCrashing() {
        let cases: [[[Double]]] = [[], [[]], [[.nan, .infinity]], [[1]], Array(repeating: [0.5, 3, -1], count: 400),
                                   [[1, 2], [1], [], [5, 5, 5, 5]]]
        for norms in cases {
            for total in [0, 1, 10, 100_000] {
                for vmax in [2.0, 0, -1, .nan] {
                    let m = DashboardModel(panels: [panel(norms, total: total)], vmax: vmax,
                                           status: StatusModel(epoch: 5, totalEpochs: 0, learningRate: .nan, elapsedSeconds: -3))
                    for view in DashboardView.allCases {
                        var mm = m
                        mm.view = view
                        mm.curves = [ChartModel(title: "x", series: [ChartSeries(name: "s", values: [.nan, 1, .infinity], slot: -3)], xMax: 0)]
                        let c = renderDashboard(mm, width: 90, height: 30, options: .standard)
                        #expect(c.width == 90 && c.height == 30)
                    }
                }
            }
        }
    }

    @Test func noPanelsStillDrawsTheChrome() {
        let c = renderDashboard(DashboardModel(panels: []), width: 80, height: 24, options: .standard)
        #expect(c.text(row: 0).contains("normscope"))
        #expect(c.text(row: 23).contains("? help"))
    }

    @Test func moreRecordedEpochsThanPlannedExtendTheAxis() {
        let map = Heatmap(norms: Array(repeating: [1.0], count: 12), totalEpochs: 5, vmax: 2, gutter: 3)
        let c = map.render(width: 4, height: 6, options: .standard)
        #expect(c.text(row: 5).hasPrefix("10"), "a round tick past the 5 planned epochs")
        #expect(c[3, 5].glyph == "▀")
    }
}
