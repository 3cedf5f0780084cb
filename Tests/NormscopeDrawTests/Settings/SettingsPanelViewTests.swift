import Testing
@testable import NormscopeDraw

@Suite("Settings panel drawing")
struct SettingsPanelViewTests {
    func screen(_ panel: SettingsPanel, _ w: Int, _ h: Int, glyphs: GlyphMode = .unicode, color: ColorMode = .full256) -> Canvas {
        var model = SyntheticDashboard.model(epoch: 30)
        model.settings = panel
        return renderDashboard(model, width: w, height: h, options: RenderOptions(colorMode: color, glyphs: glyphs))
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func showsEveryRowWithValueRangeAndHowItApplies(size: (Int, Int)) {
        let c = screen(SamplePanel.panel(), size.0, size.1)
        let text = c.plainText
        #expect(text.contains("settings"))
        let wd = (0..<c.height).map { c.text(row: $0) }.first { $0.contains("weight decay") } ?? ""
        #expect(wd.contains("0.002") && wd.contains("between 0 and 1") && wd.contains("from next epoch"))
        #expect(text.contains("imbalance factor") && text.contains("restarts"))
        #expect(text.contains("show (c) WD") && text.contains("view"))
        #expect(text.contains("Enter apply") && text.contains("Esc cancel"))
        #expect(text.contains("normscope --weight-decay 0.002"))
    }

    @Test func chosenRowIsReversedAndAChangeIsMarked() {
        var p = SamplePanel.panel()
        _ = p.handle(.right)
        let c = screen(p, 120, 36)
        let y = (0..<c.height).first { c.text(row: $0).contains("weight decay") }!
        let x = c.text(row: y).firstRange(of: "weight decay").map { c.text(row: y).distance(from: c.text(row: y).startIndex, to: $0.lowerBound) }!
        #expect(c[x, y].attrs.contains(.reverse))
        #expect(c.text(row: y).contains("0.005*"))
    }

    @Test func refusalReplacesTheKeysLine() {
        var p = SamplePanel.panel()
        _ = p.handle(.char("7"))
        _ = p.handle(.enter)
        let text = screen(p, 80, 24).plainText
        #expect(text.contains("--weight-decay must be between 0 and 1 (got 7.0)"))
        #expect(!text.contains("Enter apply"))
    }

    @Test func scrollsAt80x24WhenRowsDoNotFit() {
        var p = SamplePanel.panel(count: 30)
        let top = screen(p, 80, 24)
        #expect(top.plainText.contains("weight decay") && !top.plainText.contains("extra 29"))
        #expect(top.plainText.contains("▼"))
        for _ in 0..<29 { _ = p.handle(.down) }
        let bottom = screen(p, 80, 24)
        #expect(bottom.plainText.contains("extra 29") && !bottom.plainText.contains("weight decay"))
        #expect(bottom.plainText.contains("▲"))
    }

    @Test func asciiAndNoColourDrawPlainText() {
        var p = SamplePanel.panel(count: 30)
        p.note = "in stage 2 every change restarts"
        let c = screen(p, 80, 24, glyphs: .ascii, color: .none)
        for y in 0..<c.height { #expect(c.text(row: y).unicodeScalars.allSatisfy { $0.isASCII }, "row \(y)") }
        #expect(c.plainText.contains("in stage 2 every change restarts"))
        #expect(c.plainText.contains("^v choose"))
        for y in 0..<c.height { for x in 0..<c.width { #expect(c[x, y].fg == .default && c[x, y].bg == .default) } }
    }

    @Test(arguments: [(40, 12), (20, 6), (3, 3), (0, 0)])
    func tinySizesDrawInsideTheCanvas(size: (Int, Int)) {
        let c = SettingsPanelView(panel: SamplePanel.panel(count: 30)).render(width: size.0, height: size.1, options: .standard)
        #expect(c.width == size.0 && c.height == size.1)
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func helpShowsTheNotesAndTheCommand(size: (Int, Int)) {
        var model = SyntheticDashboard.model(epoch: 30)
        model.showHelp = true
        model.helpNotes = ["after a change from s: dots = the profile before it", "normscope --epochs 50 --change 20:weight-decay=0.005"]
        let text = renderDashboard(model, width: size.0, height: size.1, options: .standard).plainText
        #expect(text.contains("s  settings") || text.contains("settings: change one"))
        #expect(text.contains("dots = the profile before it"))
        #expect(text.contains("normscope --epochs 50 --change 20:weight-decay=0.005"))
        #expect(text.contains("press ? to close"))
    }
}
