import Foundation
import NormscopeEngine
import Testing
@testable import NormscopeDraw

/// The class cursor in the real binary: moved with the keys at every stage, at 80x24 and 120x36, through a
/// resize, and read against the results file exported at the same moment.
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("class cursor in tmux", .serialized, .ownThread)
struct ClassCursorLiveTests {
    /// The 20-class quick data set on one thread.
    static let tiny = LiveViewTests.tiny

    /// The screen once its rows below the header (the clock ticks there) have not changed for a whole second.
    static func settled(_ tmux: TmuxSession, _ what: String, until: @escaping (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        func body(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") }
        var previous = "", since = clock.now
        return try await tmux.waitFor(timeout: .seconds(30), what) { s in
            defer { previous = s }
            if body(s) != body(previous) { since = clock.now }
            return until(s) && clock.now - since >= .seconds(1)
        }
    }

    /// The screen's last line (the readout while the cursor is shown).
    static func lastLine(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? "")
    }

    /// The readout's class index ("#7 n=…" or "class 7 · …"), or nil when the line is no readout.
    static func readoutClass(_ screen: String) -> Int? {
        let line = lastLine(screen)
        guard let r = line.range(of: #"^ (#|class )\d+"#, options: .regularExpression) else { return nil }
        return Int(line[r].filter(\.isNumber))
    }

    /// The cursor's marks under the panels: "▲class k" (or "class k▲" near the right edge) once per panel.
    static func marks(_ screen: String, _ k: Int) -> Int {
        screen.components(separatedBy: "▲class \(k)").count + screen.components(separatedBy: "class \(k)▲").count - 2
    }

    /// The readout's values per regime letter, as drawn: norm, accuracy, share ("0.76", "45%", "5.0%").
    static func values(_ line: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        let pattern = #/ ([a-e]) (\S+) (\S+%) (\S+%)/#
        for m in line.matches(of: pattern) { out[String(m.1)] = [String(m.2), String(m.3), String(m.4)] }
        return out
    }

    /// What the readout should say for class `k` of `run`'s last record.
    static func expected(_ run: RunHistory, _ k: Int) -> [String] {
        let r = run.records.last!
        let total = r.predictionCounts.reduce(0, +)
        let share = 100 * Double(r.predictionCounts[k]) / Double(total)
        return [NumberFormat.fixed(r.norms[k], 2), NumberFormat.fixed(r.classAccuracy[k], 0) + "%",
                NumberFormat.fixed(share, share < 10 ? 1 : 0) + "%"]
    }

    @Test("the cursor at the start, during training, paused (against an export), through a resize, after, and in stage 2")
    func everyStage() async throws {
        let dir = try Paths.scratch("cursor-live")
        defer { Paths.removeScratch(dir) }
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "300", "--stage2-epochs", "2", "--pace", "0.3",
                                                                        "--export-dir", dir], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "(e) WD+MaxNorm", timeout: .seconds(30))
        // At the start: → shows the cursor on the most frequent class.
        try tmux.sendKeys("Right")
        var screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 0") { Self.readoutClass($0) == 0 }
        #expect(Self.marks(screen, 0) == 5, "\(screen)")
        // During training: → → moves it two classes.
        try await tmux.waitFor(timeout: .seconds(30), "epoch 3") { (LiveViewTests.epoch($0) ?? 0) >= 3 }
        try tmux.sendKeys("Right", "Right")
        screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 2") { Self.readoutClass($0) == 2 }
        // 300 epochs at 0.3 s: still training even when the loaded test process leaves this task waiting a while.
        #expect(Self.marks(screen, 2) == 5 && !screen.contains("paused") && !screen.contains("finished"), "\(screen)")
        // Paused: the readout is what an export of the same moment holds.
        try tmux.sendKeys("Space")
        screen = try await Self.settled(tmux, "a settled paused screen") { $0.contains("paused") && Self.readoutClass($0) == 2 }
        let readout = Self.values(Self.lastLine(screen))
        try tmux.sendKeys("e")
        try await tmux.waitFor(text: "exported", timeout: .seconds(20))
        let json = try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".json") }
        let results = try ResultsFile.load(path: dir + "/" + (json ?? "none"))
        for (i, letter) in ["a", "b", "c", "d", "e"].enumerated() {
            #expect(readout[letter] == Self.expected(results.runs[i], 2), "\(letter): \(Self.lastLine(screen))")
        }
        // A resize to 80x24 while it is shown: still there, shorter.
        try tmux.resize(width: 80, height: 24)
        screen = try await Self.settled(tmux, "the 80x24 readout") { Self.readoutClass($0) == 2 && $0.contains("‖w‖ pred%") }
        #expect(Self.marks(screen, 2) == 5 && screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(screen)")
        try tmux.resize(width: 120, height: 36)
        // After training (resumed at flat out: three steps faster than 0.3 s): End jumps to the rarest class.
        try tmux.sendKeys("Space", "+", "+", "+")
        try await tmux.waitFor(text: "finished", timeout: .seconds(120))
        try tmux.sendKeys("End")
        screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 19") { Self.readoutClass($0) == 19 }
        #expect(Self.marks(screen, 19) == 5 && Self.lastLine(screen).contains("Few"), "\(screen)")
        // Stage 2: ← moves on through the continued panels; Esc hides the cursor.
        try tmux.sendKeys("2")
        try await tmux.waitFor(timeout: .seconds(60), "stage 2 finished") { $0.contains("stage 2") && $0.contains("finished") }
        try tmux.sendKeys("Left")
        screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 18") { Self.readoutClass($0) == 18 }
        #expect(Self.marks(screen, 18) == 5)
        try tmux.sendKeys("Escape")
        screen = try await tmux.waitFor(timeout: .seconds(10), "the cursor hidden") { Self.lastLine($0).hasPrefix(" q quit") }
        #expect(Self.marks(screen, 18) == 0 && !screen.contains("▲class"), "\(screen)")  // (a profile's overflow ▲ may stay)
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
    }

    @Test("a click in a heatmap moves the cursor to the clicked class; q turns mouse reporting off again")
    func click() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(30))
        #expect(try tmux.format("#{mouse_standard_flag} #{mouse_sgr_flag}") == "1 1", "clicks asked for, SGR coordinates")
        // Panel (a): border at column 0, gutter of 4, then 18 columns for 20 classes; column 11 (1-based 12) is class 6.
        try tmux.type("\u{1B}[<0;12;10M\u{1B}[<0;12;10m")
        var screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 6") { Self.readoutClass($0) == 6 }
        #expect(Self.marks(screen, 6) == 5)
        // A click in panel (e), 8 columns into its heatmap: class 8; then a click on the table: no change.
        try tmux.type("\u{1B}[<0;110;10M\u{1B}[<0;110;10m")
        screen = try await tmux.waitFor(timeout: .seconds(10), "the readout of class 8") { Self.readoutClass($0) == 8 }
        #expect(Self.marks(screen, 8) == 5)
        try tmux.type("\u{1B}[<0;60;34M\u{1B}[<0;60;34m")
        screen = try await Self.settled(tmux, "the readout after a click on the table") { Self.readoutClass($0) != nil }
        #expect(Self.readoutClass(screen) == 8, "\(Self.lastLine(screen))")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
        #expect(try tmux.format("#{mouse_any_flag} #{mouse_standard_flag} #{mouse_sgr_flag}") == "0 0 0")
    }

    @Test("at 80x24 the accuracy view shows the cursor, the prediction strip and its colour bar")
    func accuracyViewAt80x24() async throws {
        let tmux = try TmuxSession([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"], width: 80, height: 24)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(30))
        try tmux.sendKeys("v", "v", "v", "PageDown")
        let screen = try await Self.settled(tmux, "the accuracy view with the cursor") {
            $0.contains("class acc %") && Self.readoutClass($0) == 19
        }
        #expect(screen.contains("true 50") && Self.marks(screen, 19) == 5, "\(screen)")
        #expect(screen.contains("×"), "the Many classes' skew on each rule")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
    }
}
