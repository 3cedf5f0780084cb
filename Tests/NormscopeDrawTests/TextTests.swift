import Testing
@testable import NormscopeDraw

@Suite("Numbers and text")
struct TextTests {
    @Test func fixedPointFormatting() {
        #expect(NumberFormat.fixed(2, 1) == "2.0")
        #expect(NumberFormat.fixed(41.25, 1) == "41.3")
        #expect(NumberFormat.fixed(-0.04, 1) == "0.0")
        #expect(NumberFormat.fixed(-1.5, 2) == "-1.50")
        #expect(NumberFormat.fixed(0.05, 2) == "0.05")
        #expect(NumberFormat.fixed(7, 0) == "7")
        #expect(NumberFormat.fixed(.nan, 1) == "nan")
        #expect(NumberFormat.fixed(-.infinity, 1) == "-inf")
        #expect(NumberFormat.scale(2) == "2.0" && NumberFormat.scale(0.6) == "0.60")
    }

    @Test("epoch labels stay within five characters for any epoch, exact below 10,000")
    func epochLabels() {
        #expect([0, 25, 9_999, 10_000, 12_500, 99_999, 250_000, 999_999, 1_000_000, 2_500_000].map(NumberFormat.epoch)
                 == ["0", "25", "9999", "10k", "12.5k", "100k", "250k", "1M", "1M", "2.5M"])
        for e in stride(from: 0, through: 3_000_000, by: 997) {
            #expect(NumberFormat.epoch(e).count <= NumberFormat.epochLabelWidth(upTo: e), "\(e)")
        }
    }

    @Test("a million-epoch run keeps its epoch axis at 80x24 (the labels were too wide and vanished)")
    func millionEpochAxis() {
        let norms = (0...8).map { _ in [1.0, 0.5, 0.2] }
        let panel = PanelView(PanelModel(title: "Naive", letter: "a", norms: norms, totalEpochs: 1_000_000), vmax: 2)
        #expect(panel.gutter(innerWidth: 14) > 0)
    }

    @Test func runStateFormatting() {
        #expect(NumberFormat.learningRate(0.01) == "0.0100")
        #expect(NumberFormat.learningRate(5e-5) == "5.0e-5")
        #expect(NumberFormat.learningRate(9.99e-5) == "1.0e-4")
        #expect(NumberFormat.learningRate(0) == "0")
        #expect(NumberFormat.duration(12.34) == "12.3s")
        #expect(NumberFormat.duration(88) == "1m 28s")
        #expect(NumberFormat.duration(3725) == "1h 02m")
        #expect(NumberFormat.compact(950) == "950")
        #expect(NumberFormat.compact(4120) == "4.1k")
        #expect(NumberFormat.compact(14650) == "15k")
        #expect(NumberFormat.compact(1.25e6) == "1.3M")
    }

    @Test func truncationAndWrapping() {
        #expect(TextFit.truncate("WD+MaxNorm", 6) == "WD+Ma…")
        #expect(TextFit.truncate("WD", 6) == "WD")
        #expect(TextFit.truncate("WD+MaxNorm", 1) == "W")
        #expect(TextFit.truncate("WD+MaxNorm", 0) == "")
        #expect(TextFit.wrap("DIVERGED at epoch 12: loss is NaN", 12) == ["DIVERGED at", "epoch 12:", "loss is NaN"])
        #expect(TextFit.wrap("abcdefgh", 3) == ["abc", "def", "gh"])
        #expect(TextFit.wrap("a b", 0) == [])
        #expect([Span("(a)"), Span(" Naive")].truncated(to: 6).map(\.text) == ["(a)", " N", "…"])
    }

    @Test func asciiTransliterationSpellsOutSymbols() {
        #expect(Glyphs.ascii.text("δ=1.00 → tail … ‖w‖") == "d=1.00 -> tail ... |w|")
        #expect(Glyphs.ascii.text("Naïve") == "Na?ve")
        #expect(Glyphs.unicode.text("δ") == "δ")
    }
}

@Suite("Table, bar and panel")
struct SmallWidgetTests {
    let rows = [
        AccuracyTable.Row(tag: "a", name: "Naive", slot: 0, accuracy: GroupAccuracy(all: 38.38, many: 64.05, medium: 35.8, few: 11.43)),
        AccuracyTable.Row(tag: "e", name: "WD+MaxNorm", slot: 4, accuracy: GroupAccuracy(all: 53.35, many: 72.6, medium: 51.86, few: 32.63)),
        AccuracyTable.Row(tag: "c", name: "WD", slot: 2, accuracy: GroupAccuracy(all: 46.08, many: 76.94, medium: 44.28, few: 12.17)),
        AccuracyTable.Row(tag: "d", name: "MaxNorm", slot: 3, accuracy: nil),
    ]

    @Test func accuracyTableFormatsPercentAndBoldsTheBestPerColumn() {
        let t = AccuracyTable(rows: rows)
        #expect(t.bestRows() == [[2], [1], [1], [1]])
        let c = t.render(width: t.fullWidth, height: 5, options: .standard)
        #expect(c.text(row: 0) == "accuracy %        Many  Medium     Few     All")
        // Halves round away from zero after scaling (64.05 -> 64.1).
        #expect(c.text(row: 1) == "(a) Naive         64.1    35.8    11.4    38.4")
        #expect(c.text(row: 2) == "(e) WD+MaxNorm    72.6    51.9    32.6    53.4")
        #expect(c.text(row: 4).hasPrefix("(d) MaxNorm          –       –"))
        let x = Array(c.text(row: 3)).firstIndex(of: "7")!
        #expect(c[x, 3].attrs.contains(.bold))                         // 76.9 is the best Many
        #expect(!c[x, 2].attrs.contains(.bold))                        // 72.6 is not
        let compact = t.render(width: t.compactWidth, height: 5, options: .standard)
        #expect(compact.text(row: 0).hasSuffix("Many   Med   Few   All"))
        #expect(compact.text(row: 2) == "(e)  72.6  51.9  32.6  53.4")
    }

    @Test("a group without classes is a dash on every row, never a best 0.0")
    func emptyGroupIsADash() {
        var t = AccuracyTable(rows: rows)
        t.emptyColumns = [2]
        #expect(t.bestRows() == [[2], [1], [], [1]])
        let c = t.render(width: t.fullWidth, height: 5, options: .standard)
        #expect(c.text(row: 1) == "(a) Naive         64.1    35.8       –    38.4")
    }

    @Test func colorBarShowsItsEndsAndAGradient() {
        let c = ColorBar(vmax: 2).render(width: 30, height: 1, options: .standard)
        #expect(c.text(row: 0).hasPrefix("‖w‖ 0 ▕"))
        #expect(c.text(row: 0).hasSuffix("▏ 2.0"))
        let scale = ColorScale(vmax: 2, options: .standard)
        #expect(c[7, 0].bg == scale.color(atFraction: 0.5 / 18))
        #expect(c[24, 0].bg == scale.color(atFraction: 17.5 / 18))
        let shades = ColorBar(vmax: 2).render(width: 30, height: 1, options: RenderOptions(colorMode: .none))
        #expect(shades.text(row: 0).contains("░▒"))
        let vertical = ColorBar(vmax: 2, orientation: .vertical).render(width: 6, height: 6, options: .standard)
        #expect(vertical.text(row: 1).hasSuffix("2.0") && vertical.text(row: 5).contains("0"))
        #expect(vertical[0, 1].bg == scale.color(atFraction: 0.9) && vertical[0, 5].bg == scale.color(atFraction: 0.1))
    }

    @Test func panelTitleHintAndWaitingState() {
        let panel = PanelModel(title: "Naive", letter: "a", norms: [], totalEpochs: 200,
                               accuracy: GroupAccuracy(all: 41.2, many: 0, medium: 0, few: 0))
        #expect(panel.slot == 0)
        #expect(PanelModel(title: "x", letter: "e", totalEpochs: 1).slot == 4)
        let c = PanelView(panel, vmax: 2).render(width: 44, height: 14, options: .standard)
        #expect(c.text(row: 0).hasPrefix("╭ (a) Naive ─"))
        #expect(c.text(row: 13).hasPrefix("╰ acc 41.2% ─"), "the accuracy on the bottom border")
        #expect(c.text(row: 12).contains("class"))
        #expect(c.plainText.contains("waiting for data…"))
        let narrow = PanelView(panel, vmax: 2).render(width: 16, height: 8, options: .standard)
        #expect(narrow.text(row: 0) == "╭ (a) Naive ───╮")
        #expect(narrow.text(row: 7) == "╰ acc 41.2% ───╯", "the same format at every width")
    }

    @Test func panelHintNamesTheClassSizesAtTheEnds() {
        let norms = [Array(repeating: 1.0, count: 100)]
        var model = PanelModel(title: "WD", letter: "c", norms: norms, totalEpochs: 10)
        #expect(PanelView(model, vmax: 2).render(width: 44, height: 14, options: .standard).text(row: 12).contains("class → head … tail"))
        model.classSizes = (500, 5)
        #expect(PanelView(model, vmax: 2).render(width: 44, height: 14, options: .standard).text(row: 12).contains("class (by training count): 500 … 5"))
        #expect(PanelView(model, vmax: 2).render(width: 20, height: 14, options: .standard).text(row: 12).contains("500 … 5"))
        let ascii = PanelView(model, vmax: 2).render(width: 44, height: 14, options: RenderOptions(glyphs: .ascii)).text(row: 12)
        #expect(ascii.contains("class (by training count): 500 ... 5"), "ASCII spells the ellipsis: \(ascii)")
        #expect(!PanelView(model, vmax: 2).render(width: 44, height: 14, options: .standard).plainText.contains("cls/col"))
    }

    @Test func stageBoundaryIsMarkedInThePanel() {
        let norms = (0...30).map { e in Array(repeating: Double(e) / 15, count: 20) }
        let model = PanelModel(title: "WD", letter: "c", norms: norms, totalEpochs: 30, stageBoundary: 20)
        let c = PanelView(model, vmax: 2).render(width: 30, height: 20, options: .standard)
        #expect(c.plainText.contains("20▸"))
        #expect(c.plainText.contains("◂"))
    }
}
