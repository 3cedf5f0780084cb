import Testing
@testable import NormscopeDraw

/// Before and after a settings change: the previous profile as faint dots, the accuracy change in the table.
@Suite("Before and after")
struct BeforeAfterTests {
    /// The dashboard after a change: every panel remembers a flat previous profile at 1.9 and an accuracy
    /// 3.1 points lower than now.
    func model(before: Bool) -> DashboardModel {
        var m = SyntheticDashboard.model(epoch: 120)
        if before {
            for i in m.panels.indices {
                m.panels[i].before = Array(repeating: 1.9, count: m.panels[i].currentNorms.count)
                m.panels[i].accuracyBefore = m.panels[i].accuracy.map { $0.all - 3.1 }
            }
        }
        return m
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func previousProfileIsDrawnAsDotsOnlyWhenKept(size: (Int, Int)) {
        // 80x24 leaves the heatmap view's profiles a row or two: the profiles view shows them whole.
        var with = model(before: true), without = model(before: false)
        if size.0 < 100 { with.view = .profiles; without.view = .profiles }
        let dots = { (m: DashboardModel) in
            renderDashboard(m, width: size.0, height: size.1, options: .standard).plainText.filter { $0 == "·" }.count
        }
        #expect(dots(with) > dots(without) + 10, "the previous profile's dots at \(size)")
    }

    @Test func asciiDotsAreASCII() {
        let c = renderDashboard(model(before: true), width: 120, height: 36, options: RenderOptions(colorMode: .none, glyphs: .ascii))
        for y in 0..<c.height { #expect(c.text(row: y).unicodeScalars.allSatisfy { $0.isASCII }) }
    }

    @Test func tableShowsTheAccuracyChange() {
        let c = renderDashboard(model(before: true), width: 120, height: 36, options: .standard)
        #expect(c.plainText.contains("Δ"))
        #expect(c.plainText.contains("+3.1"))
        let plain = renderDashboard(model(before: false), width: 120, height: 36, options: .standard)
        #expect(!plain.plainText.contains("+3.1") && !plain.plainText.contains("Δ"))
    }

    @Test func accuracyChangeColumnFitsOrIsLeftOut() {
        var t = AccuracyTable(rows: [AccuracyTable.Row(tag: "a", name: "Naive", slot: 0,
                                                       accuracy: GroupAccuracy(all: 40, many: 60, medium: 40, few: 10))])
        t.rows[0].change = -2.25
        let wide = t.render(width: t.fullWidth, height: 2, options: .standard)
        #expect(wide.text(row: 1).hasSuffix("-2.2") || wide.text(row: 1).hasSuffix("-2.3"))
        let narrow = t.render(width: t.compactWidth, height: 2, options: .standard)
        #expect(!narrow.text(row: 1).contains("-2."))
    }
}
