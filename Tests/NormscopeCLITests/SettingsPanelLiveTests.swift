import Foundation
import NormscopeEngine
import Testing

/// The settings panel end to end in tmux (issue 17 items 1, 2): a change from the next epoch gives the results
/// of `run --change`, a restart the results of the same flags given at the start, a refused value the flag's
/// own line, Esc changes nothing, and in stage 2 every change restarts.
@Suite("settings panel in tmux", .serialized, .ownThread)
struct SettingsPanelLiveTests {
    static let tiny = ["--dataset", Paths.recipe("quick"), "--hidden", "32,16", "--threads", "1", "--epochs", "8"]

    func live(_ args: [String], in dir: String) throws -> TmuxSession {
        try TmuxSession([try Paths.binary()] + Self.tiny + ["--export-dir", dir] + args, width: 120, height: 36)
    }

    /// The screen once it has not changed for a whole second (a loaded machine draws late).
    func stable(_ tmux: TmuxSession, _ what: String, timeout: Duration = .seconds(60),
                _ predicate: @escaping (String) -> Bool) async throws -> String {
        var last = "", since = ContinuousClock.now
        return try await tmux.waitFor(timeout: timeout, what) { s in
            if s != last { last = s; since = .now }
            return predicate(s) && ContinuousClock.now - since >= .seconds(1)
        }
    }

    /// The epoch the header shows.
    static func epoch(_ screen: String) -> Int? { LiveViewTests.epoch(screen) }

    /// Pauses right away (a slow pace releases one epoch at once) and steps to a settled epoch; returns it.
    func pauseAndStep(_ tmux: TmuxSession, steps: Int) async throws -> Int {
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { $0.contains("(e) WD+MaxNorm") }
        try tmux.sendKeys("Space")
        for _ in 0..<steps { try tmux.sendKeys("n") }
        let screen = try await stable(tmux, "paused after stepping") { $0.contains("paused") && Self.epoch($0) != nil }
        return Self.epoch(screen)!
    }

    /// Runs to the end at flat out (resuming when paused), exports, and returns the results JSON written.
    func finishAndExport(_ tmux: TmuxSession, dir: String, paused: Bool) async throws -> Data {
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "settings")
        try tmux.sendKeys("End")
        for _ in 0..<10 { try tmux.sendKeys("Left") }  // pace 0: flat out
        try tmux.sendKeys("Enter")
        if paused { try tmux.sendKeys("Space") }
        try await tmux.waitFor(timeout: .seconds(120), "the finished run") { $0.contains("stage 1 done") || $0.contains("finished") }
        try tmux.sendKeys("e")
        try await tmux.waitFor(text: "exported", timeout: .seconds(120))
        let json = Paths.contents(dir).filter { $0.hasSuffix(".json") }
        try #require(json.count == 1, "\(Paths.contents(dir))")
        return try Data(contentsOf: URL(fileURLWithPath: dir + "/" + json[0]))
    }

    /// `run` with `args` into `dir/run.json`; returns the file.
    func run(_ args: [String], dir: String) async throws -> Data {
        let r = try await Child.normscope(["run"] + Self.tiny + ["--quiet", "-o", dir + "/run.json"] + args)
        try #require(r.status == 0, "\(r)")
        return try Data(contentsOf: URL(fileURLWithPath: dir + "/run.json"))
    }

    @Test("weight decay from the next epoch: the flag's refusal, a flash, and the results of run --change")
    func fromNextEpoch() async throws {
        let dir = try Paths.scratch("panel"), out = try Paths.scratch("panel-run")
        defer { Paths.removeScratch(dir); Paths.removeScratch(out) }
        let tmux = try live(["--pace", "4"], in: dir)
        defer { tmux.kill() }
        _ = try await pauseAndStep(tmux, steps: 2)
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "from next epoch", timeout: .seconds(30))
        try tmux.type("77")
        try tmux.sendKeys("Enter")
        let refused = try await tmux.waitFor(text: "--weight-decay must", timeout: .seconds(30))
        let flag = try await Child.normscope(["run", "--weight-decay", "77"])
        let line = try #require(flag.stderrLines.first)
        let message = line.replacingOccurrences(of: "normscope: error: ", with: "")
            .replacingOccurrences(of: " (see 'normscope run --help')", with: "")
        #expect(flag.status != 0 && refused.contains(message), "the panel shows the flag's line: \(message)\n\(refused)")
        try tmux.sendKeys("BSpace", "BSpace", "Right", "Enter")
        // The flash names the change (a loaded test process may look after it is gone: then the export must say).
        let flash = try? await tmux.waitFor(text: "weight decay 0.005 from epoch ", timeout: .seconds(10))
        let live = try await finishAndExport(tmux, dir: dir, paused: true)
        // The change's epoch as recorded (a step may still have been under way when the paused screen looked settled).
        let recorded = try ResultsFile.decode(live, path: "export.json").config.training.changes
        try #require(recorded.count == 1 && recorded[0].setting == .weightDecay && recorded[0].value == 0.005, "\(recorded)")
        let epoch = recorded[0].epoch
        if let flash { #expect(flash.contains("weight decay 0.005 from epoch \(epoch + 1)"), "\(flash)") }
        let headless = try await run(["--change", "\(epoch):weight-decay=0.005"], dir: out)
        #expect(live == headless, "the export equals run --change \(epoch):weight-decay=0.005")
    }

    @Test("Esc changes nothing; imbalance 10 restarts from epoch 0 and gives the results of --imbalance 10")
    func restart() async throws {
        let dir = try Paths.scratch("panel"), out = try Paths.scratch("panel-run")
        defer { Paths.removeScratch(dir); Paths.removeScratch(out) }
        let tmux = try live(["--pace", "4"], in: dir)
        defer { tmux.kill() }
        let epoch = try await pauseAndStep(tmux, steps: 2)
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "imbalance factor")
        try tmux.sendKeys("Right", "Escape")
        let closed = try await stable(tmux, "the panel closed") { !$0.contains("imbalance factor") }
        #expect(Self.epoch(closed) == epoch && !closed.contains("from epoch"), "Esc: nothing applied")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "imbalance factor")
        for _ in 0..<8 { try tmux.sendKeys("Down") }
        try tmux.type("10")
        try tmux.sendKeys("Enter")
        let restarted = try await tmux.waitFor(text: "restarted from epoch 0 with imbalance 10")
        #expect((Self.epoch(restarted) ?? 99) <= 1, "\(restarted)")
        let live = try await finishAndExport(tmux, dir: dir, paused: false)
        let headless = try await run(["--imbalance", "10"], dir: out)
        #expect(live == headless, "the export equals a run started with --imbalance 10")
    }

    @Test("in stage 2 the panel says every change restarts, and a weight decay change does")
    func stage2Restarts() async throws {
        let dir = try Paths.scratch("panel")
        defer { Paths.removeScratch(dir) }
        let tmux = try live(["--pace", "0", "--stage2-epochs", "1"], in: dir)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(120))
        try tmux.sendKeys("2")
        try await tmux.waitFor(text: "stage 2 done", timeout: .seconds(120))
        try tmux.sendKeys("s")
        let panel = try await tmux.waitFor(text: "every change restarts")
        #expect(!panel.contains("from next epoch"), "\(panel)")
        try tmux.sendKeys("Right", "Enter")
        let after = try await tmux.waitFor(text: "restarted from epoch 0 with weight decay 0.005", timeout: .seconds(120))
        #expect(after.contains("stage 1"), "\(after)")
    }

    @Test("the panel open through a resize to 80x24: it fills the width, scrolls, and still answers")
    func resizeWhileOpen() async throws {
        let dir = try Paths.scratch("panel")
        defer { Paths.removeScratch(dir) }
        let tmux = try live(["--pace", "4"], in: dir)
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { $0.contains("(e) WD+MaxNorm") }
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "from next epoch")
        try tmux.resize(width: 80, height: 24)
        let small = try await stable(tmux, "the panel at 80x24") { $0.contains("settings") && $0.contains("▼") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(small)")
        try tmux.sendKeys("NPage", "NPage", "NPage")
        let bottom = try await tmux.waitFor(text: "pace (s/epoch)")
        #expect(bottom.contains("▲") && !bottom.contains("weight decay"), "scrolled to the last row:\n\(bottom)")
        try tmux.sendKeys("Escape")
        _ = try await stable(tmux, "the panel closed") { !$0.contains("pace (s/epoch)") && $0.contains("? help") }
    }
}
