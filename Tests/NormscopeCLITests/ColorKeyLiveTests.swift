import Foundation
import Testing

/// `c` switches the norms' colour map; where that shows nowhere (the curves and class-accuracy views, or no
/// colours at all) it says so instead of seeming to do nothing.
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("colour key in tmux", .serialized, .ownThread)
struct ColorKeyLiveTests {
    static let tiny = LiveViewTests.tiny + ["--epochs", "3", "--pace", "0"]

    @Test("in the class-accuracy view c says the map colours the norm views; in the heatmaps it just switches")
    func classAccuracyView() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny, width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("c")
        try await Pause.sleep(for: .milliseconds(500))
        #expect(!(try tmux.capture()).contains("colour map"))
        try tmux.sendKeys("v", "v", "v")
        try await tmux.waitFor(text: "class acc %", timeout: .seconds(10))
        try tmux.sendKeys("c")
        try await tmux.waitFor(text: "colour map jet: it colours the norm views (v)", timeout: .seconds(10))
    }

    @Test("without colour c says the shades stay")
    func noColor() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny, width: 120, height: 36, environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("c")
        try await tmux.waitFor(text: "colour map viridis: no colours here", timeout: .seconds(10))
    }
}
