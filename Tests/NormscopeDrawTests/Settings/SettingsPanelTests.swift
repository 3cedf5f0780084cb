import Testing
@testable import NormscopeDraw

/// A small panel like the live view's: a number row with a range, a restart row, a toggle, a choice.
enum SamplePanel {
    static func rows(count: Int = 4) -> [SettingRow] {
        var rows = [
            SettingRow(id: "--weight-decay", label: "weight decay", value: "0.002", range: "between 0 and 1",
                       apply: .fromNextEpoch, steps: ["0", "0.001", "0.002", "0.005", "0.01"]) { text in
                guard let v = Double(text) else { return .failure(SettingRefusal("--weight-decay needs a number between 0 and 1 (got '\(text)')")) }
                guard (0...1).contains(v) else { return .failure(SettingRefusal("--weight-decay must be between 0 and 1 (got \(v))")) }
                return .success("\(v)")
            },
            SettingRow(id: "--imbalance", label: "imbalance factor", value: "100", range: "between 1 and 1e6",
                       apply: .restart, steps: ["1", "10", "100", "1000"]),
            SettingRow(id: "show:wd", label: "show (c) WD", value: "on", apply: .view, kind: .toggle, steps: ["off", "on"]),
            SettingRow(id: "--profile", label: "profile", value: "exp", apply: .restart, kind: .choice, steps: ["exp", "step"]),
        ]
        for i in rows.count..<max(rows.count, count) {
            rows.append(SettingRow(id: "extra\(i)", label: "extra \(i)", value: "\(i)", apply: .restart, steps: []))
        }
        return rows
    }

    static func panel(count: Int = 4) -> SettingsPanel {
        SettingsPanel(rows: rows(count: count), command: "normscope --weight-decay 0.002 --imbalance 100 --epochs 100")
    }
}

@Suite("Settings panel")
struct SettingsPanelTests {
    @Test func stepsAndAppliesTheChosenRow() {
        var p = SamplePanel.panel()
        #expect(p.handle(.right) == .stay)
        #expect(p.shownValue(0) == "0.005" && p.isChanged(0))
        #expect(p.handle(.char("+")) == .stay)
        #expect(p.shownValue(0) == "0.01")
        #expect(p.handle(.left) == .stay && p.handle(.left) == .stay)
        #expect(!p.isChanged(0), "stepping back to the value now is no change")
        _ = p.handle(.left)
        #expect(p.handle(.enter) == .apply([.init(id: "--weight-decay", value: "0.001", apply: .fromNextEpoch)]))
    }

    @Test func typedValueIsCheckedAndAMinusInsideItIsASign() {
        var p = SamplePanel.panel()
        for c in "5e-3" { _ = p.handle(.char(c)) }
        #expect(p.typing == "5e-3" && p.shownValue(0) == "5e-3")
        #expect(p.handle(.enter) == .apply([.init(id: "--weight-decay", value: "0.005", apply: .fromNextEpoch)]))
    }

    @Test func outOfRangeIsRefusedWithTheRowsLineAndThePanelStaysOpen() {
        var p = SamplePanel.panel()
        for c in "7" { _ = p.handle(.char(c)) }
        #expect(p.handle(.enter) == .stay)
        #expect(p.refusal == "--weight-decay must be between 0 and 1 (got 7.0)")
        #expect(p.handle(.down) == .stay && p.selected == 0, "a refused value keeps the row chosen")
        _ = p.handle(.backspace)
        #expect(p.typing == nil && p.refusal == nil)
        #expect(p.handle(.down) == .stay && p.selected == 1)
    }

    @Test func escapeDropsTypingThenCancels() {
        var p = SamplePanel.panel()
        _ = p.handle(.right)
        _ = p.handle(.char("3"))
        #expect(p.handle(.escape) == .stay && p.typing == nil && p.isChanged(0))
        #expect(p.handle(.escape) == .cancel)
    }

    @Test func toggleChoiceAndSeveralChangesApplyTogether() {
        var p = SamplePanel.panel()
        _ = p.handle(.down)
        _ = p.handle(.left)  // imbalance 10
        _ = p.handle(.down)
        _ = p.handle(.char(" "))  // hide (c)
        _ = p.handle(.down)
        _ = p.handle(.char("5"))  // typing into a choice row does nothing
        #expect(p.typing == nil)
        _ = p.handle(.right)
        #expect(p.handle(.enter) == .apply([
            .init(id: "--imbalance", value: "10", apply: .restart), .init(id: "show:wd", value: "off", apply: .view),
            .init(id: "--profile", value: "step", apply: .restart),
        ]))
    }

    @Test func inStageTwoFromNextEpochRowsRestart() {
        var p = SamplePanel.panel()
        p.everythingRestarts = true
        _ = p.handle(.right)
        #expect(p.handle(.enter) == .apply([.init(id: "--weight-decay", value: "0.005", apply: .restart)]))
    }

    @Test func stepsBetweenAndAtTheEnds() {
        let steps = ["0", "0.5", "1"]
        #expect(SettingSteps.next(from: "0.7", steps: steps, by: 1) == "1")
        #expect(SettingSteps.next(from: "0.7", steps: steps, by: -1) == "0.5")
        #expect(SettingSteps.next(from: "1", steps: steps, by: 1) == "1")
        #expect(SettingSteps.next(from: "9", steps: steps, by: 1) == "1")
        #expect(SettingSteps.next(from: "x", steps: [], by: 1) == nil)
    }
}
