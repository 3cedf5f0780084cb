import Testing
@testable import NormscopeDraw

/// What the bottom line and the help box say while an overlay is open: only what is true there, in full.
@Suite("Overlay hints")
struct OverlayHintTests {
    /// The live view's own note under the help's keys (LiveApp+Settings).
    static let beforeAfterNote = "after a change from s: dots = the profile before it, Δ = accuracy change"

    @Test("with the settings panel open the bottom line offers none of the view's keys (the panel takes them)",
          arguments: [(80, 24), (120, 36), (200, 50)])
    func settingsPanelHidesTheViewKeys(size: (Int, Int)) {
        var model = SyntheticDashboard.model(epoch: 30)
        model.settings = SamplePanel.panel()
        let c = renderDashboard(model, width: size.0, height: size.1, options: .standard)
        let bottom = c.text(row: c.height - 1)
        for hint in ["q quit", "space pause", "n step", "v view", "c colours", "2 stage 2", "? help"] {
            #expect(!bottom.contains(hint), "\(size): \(bottom)")
        }
        #expect(c.plainText.contains("Esc cancel"))  // the panel's own keys line is the one to read
    }

    @Test("a message still shows on the bottom line under the settings panel")
    func settingsPanelKeepsTheMessage() {
        var model = SyntheticDashboard.model(epoch: 30)
        model.settings = SamplePanel.panel()
        model.message = "learning rate 0.03 from epoch 16, weights kept"
        let c = renderDashboard(model, width: 120, height: 36, options: .standard)
        #expect(c.text(row: c.height - 1).contains("learning rate 0.03 from epoch 16, weights kept"))
    }

    @Test("the help box is wide enough for its notes where the screen is (no note cut from 80 columns)",
          arguments: [(80, 24), (120, 36), (200, 50)])
    func helpNotesFitWhole(size: (Int, Int)) {
        var model = SyntheticDashboard.model(epoch: 30)
        model.showHelp = true
        model.helpNotes = [Self.beforeAfterNote, "normscope --epochs 50 --change 20:weight-decay=0.005"]
        let text = renderDashboard(model, width: size.0, height: size.1, options: .standard).plainText
        #expect(text.contains(Self.beforeAfterNote), "\(text)")
        #expect(text.contains("normscope --epochs 50 --change 20:weight-decay=0.005"))
    }

    @Test("at 80x24 every key's line in the help is whole (none cut with an ellipsis)")
    func helpKeysWholeAt80() {
        var model = SyntheticDashboard.model(epoch: 30)
        model.showHelp = true
        model.help = KeyHelp.standard
        let text = renderDashboard(model, width: 80, height: 24, options: .standard).plainText
        for k in KeyHelp.standard { #expect(text.contains(k.description), "\(k.description)") }
    }
}
