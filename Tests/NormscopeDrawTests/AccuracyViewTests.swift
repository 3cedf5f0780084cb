import Testing
@testable import NormscopeDraw

/// The accuracy view: per-class test accuracy in its own palette, the predictions per class against the true
/// count, and the Many classes' skew.
@Suite("accuracy view")
struct AccuracyViewTests {
    /// The panel's heatmap cells of its last drawn row, left to right (half blocks: the upper colour).
    static func lastHeatRow(_ canvas: Canvas, _ r: Rect) -> [Cell] {
        let rows = (r.y + 1..<r.maxY - 1).filter { y in (r.x + 5..<r.maxX - 1).contains { canvas[$0, y].glyph == "▀" } }
        guard let y = rows.last else { return [] }
        return (r.x + 1..<r.maxX - 1).map { canvas[$0, y] }.filter { $0.glyph == "▀" }
    }

    @Test("colour is the class's accuracy on the accuracy ramp: 100 % white, 0 % dark grey, never a jet colour")
    func accuracyColours() {
        var m = ClassCursorTests.model(view: .classAccuracy, cursor: nil)
        for i in m.panels.indices {
            m.panels[i].accuracyRows = m.panels[i].accuracyRows.map { EpochRow(epoch: $0.epoch, values: (0..<10).map { $0 < 5 ? 100 : 0 }) }
        }
        let canvas = renderDashboard(m, width: 120, height: 36, options: .standard)
        let r = Dashboard(m).layout(width: 120, height: 36).panels[0]
        let cells = Self.lastHeatRow(canvas, r)
        #expect(cells.count >= 10)
        #expect(cells.first?.fg == .index(ScalePalette.accuracy256.last!), "\(cells.first!)")
        #expect(cells.last?.fg == .index(ScalePalette.accuracy256.first!), "\(cells.last!)")
        let jet = Set(ColorScale.jet256)
        #expect(!cells.contains { jet.contains($0.fg) && $0.fg != .index(231) }, "the accuracy map shares no colour with jet")
    }

    @Test("the colour bar says it is class accuracy from 0 to 100 %")
    func colourBar() {
        let text = renderDashboard(ClassCursorTests.model(view: .classAccuracy), width: 120, height: 36, options: .standard).plainText
        #expect(text.contains("class acc %") && text.contains("100") && !text.contains("‖w‖ ▕"))
    }

    @Test("the prediction strip: bars per class against the true count, the tail's bar empty, the skew on the rule",
          arguments: [(80, 24), (120, 36)])
    func predictionStrip(size: (Int, Int)) {
        let m = ClassCursorTests.model(view: .classAccuracy, cursor: nil)
        for options in ClassCursorTests.optionSets {
            let canvas = renderDashboard(m, width: size.0, height: size.1, options: options)
            let text = canvas.plainText
            #expect(text.contains("true 100"), "\(size) \(options)\n\(text)")
            // Many classes (4 of 10, 40 % of the test set) get 600 of 1000 predictions: 1.50 times their share.
            #expect(text.contains("1.50×") || text.contains("1.50x"), "\(size)\n\(text)")
            let r = Dashboard(m).layout(width: size.0, height: size.1).panels[0]
            // The bottom plot row: the head class has a bar, the tail class (no predictions) none.
            let y = r.maxY - 3
            let bar = options.glyphs == .ascii ? "#" : "█"
            let row = String((r.x + 1..<r.maxX - 1).map { canvas[$0, y].glyph })
            #expect(row.contains(bar) && row.last == " ", "\(size) \(options): '\(row)'")
        }
    }

    @Test("with --ascii the accuracy view, its rule, legend and readout are plain ASCII", arguments: [(80, 24), (120, 36)])
    func asciiOnly(size: (Int, Int)) {
        let m = ClassCursorTests.model(view: .classAccuracy, cursor: 3)
        let text = renderDashboard(m, width: size.0, height: size.1, options: RenderOptions(colorMode: .none, glyphs: .ascii)).plainText
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(text)")
        let legend = text.contains("- true count") || text.contains("- its true count")
        #expect(text.contains("1.50x") && legend, "\(text)")
    }

    @Test("the legend explains the bars and the skew number")
    func legend() {
        let text = renderDashboard(ClassCursorTests.model(view: .classAccuracy), width: 120, height: 36, options: .standard).plainText
        #expect(text.contains("bars: test samples predicted as each class") && text.contains("Many N×"), "\(text)")
    }

    @Test("the accuracy view comes fourth in the v cycle and back to the heatmaps")
    func cycle() {
        #expect(DashboardView.curves.next == .classAccuracy && DashboardView.classAccuracy.next == .heatmapProfile)
    }
}
