import Foundation
import Testing

/// The shell's terminal after the live view exits with `LINES`/`COLUMNS` exported smaller than the terminal:
/// ncurses sets the scroll region to the size it was told, and it must be the whole terminal again after
/// exit (before, the shell scrolled only the top LINES rows until `reset`).
@Suite("terminal after exit", .ownThread)
struct TerminalAfterExitTests {
    static let tiny = ["--dataset", Paths.recipe("quick"), "--hidden", "32,16", "--threads", "1", "--epochs", "3", "--pace", "0"]

    @Test("LINES=10 COLUMNS=40 in an 80x24 pane: after q the scroll region is all 24 rows")
    func scrollRegionRestored() async throws {
        let tmux = try TmuxSession(["bash", "--norc", "--noprofile", "-i"], width: 80, height: 24, environment: ["PS1": "READY$ "])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "READY$")
        let command = ([try Paths.binary()] + Self.tiny).map(TmuxSession.shellQuote).joined(separator: " ")
        try tmux.type("export LINES=10 COLUMNS=40; " + command)
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { (try? tmux.format("#{alternate_on}")) == "1" && $0.contains("q") }
        try await Pause.sleep(for: .milliseconds(300))
        try tmux.sendKeys("q")
        try await tmux.waitFor(timeout: .seconds(20), "the prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$") }
        #expect(try tmux.format("#{scroll_region_upper} #{scroll_region_lower}") == "0 23")
        // What a person sees: 40 lines printed scroll the whole pane, the last one just above the prompt.
        try tmux.type("unset LINES COLUMNS; seq 1 40")
        try tmux.sendKeys("Enter")
        let screen = try await tmux.waitFor(timeout: .seconds(10), "the numbers") { $0.contains("40\nREADY$") }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count >= 24 && rows[22] == "40" && rows[23].hasPrefix("READY$"), "the output fills the pane:\n\(screen)")
        #expect(rows[0] == "18", "rows 0 to 21 hold 18 to 39:\n\(screen)")
    }
}
