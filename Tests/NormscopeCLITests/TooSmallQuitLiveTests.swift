import Foundation
import Testing

/// The too-small notice says "enlarge or press q": q quits there even with the settings panel open behind it
/// (it used to close the unseen panel first, so the first q seemed to do nothing).
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("too small a screen and q in tmux", .serialized, .ownThread)
struct TooSmallQuitLiveTests {
    @Test("settings panel open, shrunk to 40x12: one q quits, and the terminal is restored")
    func qQuitsUnderThePanel() async throws {
        let args = ["--dataset", "quick", "--hidden", "32,16", "--threads", "1", "--epochs", "3", "--pace", "0"]
        let tmux = try TmuxSession([try Paths.binary()] + args, width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "Enter apply", timeout: .seconds(10))
        try tmux.resize(width: 40, height: 12)
        try await tmux.waitFor(text: "enlarge or press q", timeout: .seconds(10))
        try tmux.sendKeys("q")
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(10))
        #expect(exit.status == 0 && exit.ttyRestored, "\(exit)")
    }
}
