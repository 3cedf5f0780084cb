import Foundation
import NormscopeDraw
import NormscopeEngine
@testable import NormscopeTerminal
import Testing

/// Changes given with `--change` as the live view shows them: a mark in the gutter of the panels each affects,
/// and the MaxNorm profile's δ line at the radius in force.
@Suite("live change marks", .serialized, .ownThread)
struct LiveChangeMarkTests {
    @Test("the frame marks each panel with the changes that affect it and moves the δ line with the radius")
    func frameAppliesChanges() {
        let changes = [ConfigChange(epoch: 2, setting: .maxNormRadius, value: 0.5),
                       ConfigChange(epoch: 1, setting: .weightDecay, value: 0.02)]
        var config = TrainingConfig(hidden: [6], batchSize: 16, epochs: 4, changes: changes)
        config.seed = 3
        let run = LiveRun(experiment: Experiment(recipe: ExportAnyMomentTests.recipe, config: config), threads: 2, stage2Epochs: 0)
        defer { run.stop() }
        func panels() -> [PanelModel] {
            let frame = run.frame()
            return frame.panelHistories.enumerated().map { i, h in
                var p = PanelModel(history: h, index: i, totalEpochs: 4)
                frame.applyChanges(to: &p, of: h)
                return p
            }
        }
        #expect(panels().map { $0.changeMarks.map(\.label) } == [[], [], ["WD 0.02"], ["δ 0.5"], ["WD 0.02"]])
        #expect(panels()[3].maxNormRadius == 1.2, "epoch 0: the starting radius")
        run.session.epochLimit = .max
        run.session.waitUntilFinished()
        #expect(panels()[3].maxNormRadius == 0.5 && panels()[4].maxNormRadius == 0.6, "the radius in force at the end")
    }

    @Test("in the pane: WD▸ in the gutter of (c) and (e) only")
    func paneShowsMarks() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + LiveViewTests.tiny
                                   + ["--epochs", "20", "--pace", "0", "--change", "10:weight-decay=0.02"], width: 120, height: 36)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(timeout: .seconds(60), "the end of training") { $0.contains("finished") }
        let rows = screen.split(separator: "\n").map(String.init)
        let marked = try #require(rows.first { $0.contains("WD▸") })
        #expect(marked.components(separatedBy: "WD▸").count - 1 == 2, "\(screen)")
        let panels = marked.split(separator: "│", omittingEmptySubsequences: true).map(String.init)
        #expect(panels.count >= 5 && panels[2].contains("WD▸") && panels[4].contains("WD▸") && !panels[0].contains("WD▸"), "\(marked)")
        try tmux.sendKeys("q")
    }
}
