import Foundation
import Testing

/// The settings panel's view rows (which regimes are shown, the pace) change nothing about the experiment: they
/// give no before and after (no Δ column, no dots), and leave an earlier change's in place.
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("view settings and before/after in tmux", .serialized, .ownThread)
struct ViewSettingsBeforeAfterLiveTests {
    static let tiny = LiveViewTests.tiny

    /// The accuracy table's header row ("accuracy %  Many ...").
    static func tableHeader(_ screen: String) -> String {
        String(screen.split(separator: "\n").first { $0.contains("accuracy %") } ?? "")
    }

    @Test("a pace or shown-regime change from the panel adds no Δ column")
    func viewRowsGiveNoDelta() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "Enter apply", timeout: .seconds(10))
        try tmux.sendKeys("End", "Right", "Enter")  // pace 0 → the next step
        var screen = try await tmux.waitFor(timeout: .seconds(10), "the pace applied") {
            $0.contains("pace 0.05") && !$0.contains("Enter apply") && $0.contains("accuracy %")
        }
        #expect(!Self.tableHeader(screen).contains("Δ"), "\(screen)")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "Enter apply", timeout: .seconds(10))
        try tmux.sendKeys("End", "Up", "Space", "Enter")  // hide the last regime
        screen = try await tmux.waitFor(timeout: .seconds(10), "(e) hidden") {
            $0.contains("WD+MaxNorm hidden") && !$0.contains("Enter apply") && $0.contains("accuracy %")
        }
        #expect(!Self.tableHeader(screen).contains("Δ") && !screen.contains("(e) WD+MaxNorm"), "\(screen)")
    }
}
