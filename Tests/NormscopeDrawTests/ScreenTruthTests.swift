import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Every screen tells the truth at a glance (issue 19), checked on the drawn canvas: stage 2 keeps the figure, the
/// tallest norms look tallest, one title format, named axes, a stage-2 table whose rows can be told apart.
struct ScreenTruthTests {
    /// The characters of row `y` in columns `xs`.
    static func cells(_ c: Canvas, _ xs: Range<Int>, _ y: Int) -> [Character] { xs.map { c[$0, y].glyph } }

    /// The rows of the first panel that draw heatmap cells, and the row of the stage-2 marker, if any.
    static func heatmapRows(_ c: Canvas, panel r: Rect) -> (rows: [Int], boundary: Int?) {
        let xs = r.x + 1..<r.maxX - 1
        let rows = (r.y..<r.maxY).filter { y in cells(c, xs, y).contains { $0 == "▀" || $0 == "▄" } }
        let boundary = (r.y..<r.maxY).first { y in cells(c, xs, y).contains("▸") }
        return (rows, boundary)
    }

    @Test("in stage 2 the stage-1 part of each heatmap keeps at least two thirds of its rows",
          arguments: [(80, 24), (120, 36)])
    func stageTwoKeepsTheFigure(width: Int, height: Int) throws {
        let m1 = StageTwoScreen.model(stage2: false), m2 = StageTwoScreen.model(stage2: true)
        let c1 = renderDashboard(m1, width: width, height: height, options: .standard)
        let c2 = renderDashboard(m2, width: width, height: height, options: .standard)
        let l1 = Dashboard(m1).layout(width: width, height: height), l2 = Dashboard(m2).layout(width: width, height: height)
        let before = Self.heatmapRows(c1, panel: l1.panels[0]).rows.count
        let after = Self.heatmapRows(c2, panel: l2.panels[0])
        let b = try #require(after.boundary, "stage 2 is marked\n\(c2.plainText)")
        let stage1Rows = after.rows.filter { $0 <= b }.count
        #expect(before > 0 && 3 * stage1Rows >= 2 * before, "stage 1 had \(before) rows, keeps \(stage1Rows)\n\(c2.plainText)")
        let text = c2.plainText
        for s in ["weight balancing", "on (c) WD", "stage 1 only", "post-hoc L2", "CB & WD", "CB & MaxNorm", "MaxNorm inactive"] {
            #expect(text.contains(s), "\(s) at \(width)x\(height)\n\(text)")
        }
        #expect(l2.panels.count == 5 && l2.status.maxY <= height - 1)
        let line = try #require(c2.plainText.split(separator: "\n").first { $0.contains("Many") && $0.contains("on (c) WD") })
        let caption = line.drop { $0 == " " }
        #expect(caption.hasPrefix("s2 weight balancing ") || caption.hasPrefix("stage 2 "),
                "the main block's header is whole or short, never cut: \(caption)")
    }

    /// A bar's height in eighths of a cell, read off the canvas (the overflow row above the plot not counted).
    static func barEighths(_ c: Canvas, x: Int) -> Int {
        (0..<c.height).reduce(0) { sum, y in sum + (Glyphs.unicode.bars.firstIndex(of: c[x, y].glyph) ?? 0) }
    }

    @Test("an overflowing profile bar is never shorter than a bar below the top of the scale, and is marked ▲",
          arguments: [3, 4, 6, 8, 9, 12])
    func overflowLooksTallest(height: Int) {
        let values = [2.6, 1.999, 1.9, 2.0, 9.0]
        let c = Profile(values: values, vmax: 2).render(width: values.count, height: height, options: .standard)
        let h = (0..<values.count).map { Self.barEighths(c, x: $0) }
        for (i, v) in values.enumerated() where v > 2 {
            for (j, w) in values.enumerated() where w <= 2 { #expect(h[i] >= h[j], "bar \(i) (\(v)) vs \(j) (\(w)): \(h)\n\(c.plainText)") }
            #expect(c[i, 0].glyph == "▲" && c[i, 0].attrs.contains(.bold) && c[i, 0].fg != .default, "bright mark over \(v)")
        }
        #expect(c[1, 0].glyph != "▲")
    }

    @Test("the profile's labels sit on the rows of their values: an L2 bar of exactly 1 ends half way up the 1.0 row")
    func profileTicksAligned() throws {
        let p = Profile(values: [1.0, 2.0], vmax: 2, gutter: 4)
        let c = p.render(width: 6, height: 8, options: .standard)
        let row = { (label: String) in (0..<c.height).first { c.text(row: $0).hasPrefix(label) } }
        let one = try #require(row("1.0 "), "\(c.plainText)"), two = try #require(row("2.0 "), "\(c.plainText)")
        #expect(c[4, one].glyph == "▄" && c[4, one + 1].glyph == "█" && c[4, one - 1].glyph == " ", "\(c.plainText)")
        #expect(c[5, two].glyph == "▄", "2.0 ends half way up the top row\n\(c.plainText)")
        #expect(c.text(row: 0).hasPrefix("‖w‖"), "the axis is named\n\(c.plainText)")
        #expect(c.text(row: c.height - 1).hasPrefix("  0 "))
    }

    @Test("every panel says its accuracy the same way at every width, naming the stage once there are two",
          arguments: [(80, 24), (120, 36), (160, 48), (220, 60)])
    func oneTitleFormat(width: Int, height: Int) throws {
        for stage2 in [false, true] {
            let m = StageTwoScreen.model(stage2: stage2)
            let c = renderDashboard(m, width: width, height: height, options: .standard)
            let layout = Dashboard(m).layout(width: width, height: height)
            #expect(layout.panels.count == 5)
            for (p, r) in zip(m.panels, layout.panels) {
                let top = String(Self.cells(c, r.x..<r.maxX, r.y)), bottom = String(Self.cells(c, r.x..<r.maxX, r.maxY - 1))
                #expect(top.contains("(\(p.letter)) \(p.title)"), "\(top)")
                let want = (stage2 ? "s2 acc " : "acc ") + NumberFormat.percent(p.accuracy!.all) + "%"
                #expect(bottom.hasPrefix("╰ " + want + " "), "\(bottom) at \(width)")
                #expect(!top.contains("%"), "no second accuracy in the title: \(top)")
            }
        }
        var p = StageTwoScreen.model(stage2: false).panels[2]
        p.accuracyStage = 1
        #expect(PanelView(p, vmax: 2).render(width: 24, height: 30, options: .standard).text(row: 29).hasPrefix("╰ s1 acc 48.7% "))
    }

    @Test("the axes are named: epoch on the heatmap only, class with its training counts, ‖w‖ on the profile")
    func axesNamed() {
        let p = StageTwoScreen.model(stage2: false).panels[0]
        for width in [16, 24, 40] {
            let c = PanelView(p, vmax: 2).render(width: width, height: 30, options: .standard)
            let hint = c.text(row: 28)
            #expect(hint.contains("class") && hint.contains("500") && hint.contains("5"), "\(hint)")
            #expect(!c.plainText.contains("epoch ↓"), "\(c.plainText)")
            #expect(c.text(row: 2).hasPrefix("│ep↓"), "\(c.plainText)")
            #expect(c.plainText.contains("‖w‖"))
        }
        for height in 20...40 {
            let text = PanelView(p, vmax: 2).render(width: 24, height: height, options: .standard).plainText
            #expect(text.contains("│1.0 "), "the profile's middle is labelled at height \(height)\n\(text)")
        }
        let wide = PanelView(p, vmax: 2).render(width: 40, height: 30, options: .standard)
        #expect(wide.text(row: 28).contains("class (by training count): 500 … 5"))
    }

    @Test("ten classes widen to fill the panel")
    func fewClassesFillThePanel() {
        var m = StageTwoScreen.model(stage2: false)
        for i in m.panels.indices {
            m.panels[i].rows = m.panels[i].rows.map { EpochRow(epoch: $0.epoch, values: Array($0.values.prefix(10))) }
        }
        for (w, h) in [(80, 24), (120, 36)] {
            let c = renderDashboard(m, width: w, height: h, options: .standard)
            let r = Dashboard(m).layout(width: w, height: h).panels[0]
            let gutter = PanelView(m.panels[0], vmax: 2).gutter(innerWidth: r.width - 2)
            let plot = Self.cells(c, r.x + 1 + gutter..<r.maxX - 1, r.y + 1)
            #expect(!plot.contains(" "), "\(String(plot)) at \(w)x\(h)")
        }
    }

    @Test("the stage-2 table names the paper's method and says when its MaxNorm never acted")
    func stageTwoTableRows() {
        let t = AccuracyTable.stage2Tables(StageTwoScreen.snapshot(wbClipsOnWD: 0), panels: StageTwoScreen.model(stage2: true).panels)
        #expect(t.main.map(\.tag) == ["a", "b", "c", "d", "e"])
        #expect(t.sideCaption == "on (c) WD")
        #expect(t.side.map(\.name) == ["stage 1 only", "post-hoc L2", "post-hoc τ", "CB & WD", "CB & MaxNorm", "weight balancing"])
        #expect(t.side.last?.note == "MaxNorm inactive")
        #expect(t.side.filter { $0.note != nil }.count == 1, "only the inactive one")
        let active = AccuracyTable.stage2Tables(StageTwoScreen.snapshot(wbClipsOnWD: 7), panels: StageTwoScreen.model(stage2: true).panels)
        #expect(active.side.last?.note == nil && active.side.last?.accuracy != nil)
        #expect(active.note == "MaxNorm acted in s2 epoch 1 only", "it acted, then never again: the screen says so")
        var m = StageTwoScreen.model(stage2: true, snapshot: StageTwoScreen.snapshot(wbClipsOnWD: 7))
        #expect(renderDashboard(m, width: 120, height: 36, options: .standard).plainText.contains("MaxNorm acted in s2 epoch 1 only"))
        m.tableNote = nil
        #expect(!renderDashboard(m, width: 120, height: 36, options: .standard).plainText.contains("MaxNorm acted"))
        var runs = StageTwoScreen.snapshot(wbClipsOnWD: 7).stage2.filter { $0.id.variant == .cbWDMaxNorm }
        runs[0].maxNormLastClipEpoch = runs[0].epochsDone
        #expect(AccuracyTable.maxNormNote(runs) == nil, "acting to the end: nothing to say")
        #expect(AccuracyTable.maxNormNote(runs.map { var h = $0; h.maxNormClips = 0; h.maxNormLastClipEpoch = nil; return h })
                == "MaxNorm never acted: = CB & WD")
    }

    @Test("while paused the hint line offers to resume")
    func pausedSaysResume() {
        let line = { (paused: Bool) in
            KeyHintLine(keys: KeyHelp.available(trainingFinished: false, stage2Started: false, paused: paused))
                .render(width: 120, height: 1, options: .standard).text(row: 0)
        }
        #expect(line(true).contains("space resume") && !line(true).contains("pause"))
        #expect(line(false).contains("space pause"))
    }
}
