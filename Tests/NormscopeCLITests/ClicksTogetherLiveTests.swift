import Foundation
import Testing

/// Clicks that reach the live view in one write (a quick double click, or clicks made while it was busy
/// drawing) are all handled, in order, and keys in the same write keep their place among them.
///
/// Serialized: the test trains in its pane, and the machine has two cores.
@Suite("clicks together in tmux", .serialized, .ownThread)
struct ClicksTogetherLiveTests {
    /// An SGR press and release of button 1 at a cell (1-based column and row, as the terminal sends them).
    static func click(column: Int, row: Int) -> String {
        "\u{1B}[<0;\(column);\(row)M\u{1B}[<0;\(column);\(row)m"
    }

    /// Panel (a)'s heatmap at class 6, panel (e)'s at class 8, and the table (no class) at 120x36 on the
    /// 20-class data set (the cells `ClassCursorLiveTests.click` uses).
    static let class6 = click(column: 12, row: 10), class8 = click(column: 110, row: 10)
    static let table = click(column: 60, row: 34)
    /// → as xterm-256color's terminfo names it (the pane is in keypad mode).
    static let right = "\u{1B}OC"

    @Test("two clicks in one write: the cursor ends on the second, and the first is not lost")
    func clicksInOneWrite() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + ClassCursorLiveTests.tiny + ["--epochs", "3", "--pace", "0"],
                                   width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(30))
        func readout(_ k: Int, after text: String, _ what: String) async throws -> String {
            try tmux.type(text)
            return try await tmux.waitFor(timeout: .seconds(10), what) { ClassCursorLiveTests.readoutClass($0) == k }
        }
        let screen = try await readout(8, after: Self.class6 + Self.class8, "class 8, the second click's")
        #expect(ClassCursorLiveTests.marks(screen, 8) == 5)
        // The second click misses every heatmap: only the first one can move the cursor.
        _ = try await readout(6, after: Self.class6 + Self.table, "class 6, from the first of two clicks")
        // → then a click on class 6, one on the table and → again: 7 only if all four are handled in order.
        _ = try await readout(7, after: Self.right + Self.class6 + Self.table + Self.right, "class 7 after → click click →")
        let settled = try await ClassCursorLiveTests.settled(tmux, "the readout at rest") { _ in true }
        #expect(ClassCursorLiveTests.readoutClass(settled) == 7, "\(ClassCursorLiveTests.lastLine(settled))")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
    }
}
