import Foundation
import Testing
@testable import NormscopeCLI

/// The training keys once training has finished, in the real binary: space and n say why they do nothing (they
/// used to set a pause no one could see, which then held stage 2 at its epoch 0), `2` runs stage 2 whatever
/// came before, and the command line the help shows afterwards is one the live view takes.
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("finished run's keys in tmux", .serialized, .ownThread)
struct FinishedRunKeysLiveTests {
    /// The built-in quick recipe by name (so the help's command line stays short), small, on one thread.
    static let tiny = LiveViewTests.tiny + ["--stage2-epochs", "2"]

    /// The header line.
    static func header(_ screen: String) -> String { String(screen.split(separator: "\n").first ?? "") }

    /// The `normscope ...` command line in the help box, without the frame.
    static func helpCommand(_ screen: String) -> [String]? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("normscope --") }),
              let start = line.range(of: "normscope --") else { return nil }
        let inBox = line[start.lowerBound...].prefix { $0 != "│" }  // the help box's right edge ends it
        return Array(inBox.split(separator: " ").map(String.init).dropFirst())
    }

    @Test("space after stage 1 says why and leaves no hidden pause: 2 then runs stage 2 to its end; the help's command parses")
    func spaceAfterStage1() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("Space")
        var screen = try await tmux.waitFor(text: "stage 1 has finished: 2 starts stage 2", timeout: .seconds(10))
        #expect(!Self.header(screen).contains("paused"), "\(screen)")
        try tmux.sendKeys("n")
        try await tmux.waitFor(text: "stage 1 has finished: 2 starts stage 2", timeout: .seconds(10))
        try tmux.sendKeys("2")
        screen = try await tmux.waitFor(text: "stage 2 done", timeout: .seconds(60))
        #expect(Self.header(screen).contains("epoch 2/2"), "\(screen)")
        try tmux.sendKeys("Space")
        try await tmux.waitFor(text: "training has finished: r restarts", timeout: .seconds(10))
        // The help's command line reproduces the run in the live view itself, which has no --stage2.
        try tmux.sendKeys("?")
        screen = try await tmux.waitFor(text: "press ? to close", timeout: .seconds(10))
        let words = try #require(Self.helpCommand(screen), "\(screen)")
        #expect(words.contains("--stage2-epochs") && !words.contains("--stage2"), "\(words)")
        #expect(throws: Never.self) { _ = try WatchCommand.parse(words) }
    }

    @Test("stepping with n to the end of stage 1 pauses; 2 still runs stage 2 to its end")
    func stepToTheEndThenStage2() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "2", "--pace", "2"], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "(e) WD+MaxNorm", timeout: .seconds(30))
        try tmux.sendKeys("n")
        try await tmux.waitFor(timeout: .seconds(30), "epoch 1") { (LiveViewTests.epoch($0) ?? 0) >= 1 }
        try tmux.sendKeys("n")
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(30))
        try tmux.sendKeys("2")
        let screen = try await tmux.waitFor(text: "stage 2 done", timeout: .seconds(60))
        #expect(!Self.header(screen).contains("paused"), "\(screen)")
    }
}
