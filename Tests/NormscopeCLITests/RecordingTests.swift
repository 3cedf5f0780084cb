#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// `--record FILE.cast`, end to end: the real binary in a tmux pane records itself; the cast must parse as
/// asciicast v2 and, replayed in pyte, end on the same screen tmux shows at the end (`capture-pane -e`), in
/// every colour mode, across resizes, in the demo, and after a signal.
@Suite("recording in tmux", .serialized, .ownThread)
struct RecordingTests {
    static let tiny = ["--dataset", Paths.recipe("quick"), "--hidden", "32,16", "--threads", "1"]

    func live(_ args: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
              term: String = "xterm-256color") throws -> TmuxSession {
        try TmuxSession([try Paths.binary()] + args, width: width, height: height, environment: environment, term: term)
    }

    /// Waits until two captures a second apart are the same (the clock has stopped), and writes it to `path`.
    func settledCapture(_ tmux: TmuxSession, to path: String) async throws {
        var last = ""
        for _ in 0..<20 {
            let now = try tmux.capture(withColors: true)
            if now == last {
                try now.write(toFile: path, atomically: true, encoding: .utf8)
                return
            }
            last = now
            try await Pause.sleep(for: .milliseconds(1100))
        }
        throw TmuxError("the screen did not settle: \(last)")
    }

    /// Quits with `q`, checks the terminal came back, and checks the cast against the capture.
    func quitAndCheck(_ tmux: TmuxSession, cast: String, capture: String) async throws -> CastCheck {
        try tmux.sendKeys("q")
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(20))
        #expect(exit == TmuxSession.Exit(status: 0, ttyRestored: true))
        #expect(FileManager.default.fileExists(atPath: cast) && !FileManager.default.fileExists(atPath: cast + ".partial"))
        return try await CastCheck.run(cast, capture: capture)
    }

    @Test("a recorded session replays to the live view's last screen, not a cleared one")
    func replaysToTheFinalScreen() async throws {
        let dir = try Paths.scratch("rec")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/session.cast"
        let started = Date().timeIntervalSince1970.rounded(.down)
        let tmux = try live(Self.tiny + ["--epochs", "6", "--pace", "0.1", "--record", cast])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "finished", timeout: .seconds(30))
        #expect(FileManager.default.fileExists(atPath: cast + ".partial"), "the cast grows as .partial")
        try await settledCapture(tmux, to: dir + "/screen.txt")
        let check = try await quitAndCheck(tmux, cast: cast, capture: dir + "/screen.txt")
        #expect(check.width == 100 && check.height == 30 && check.term == "xterm-256color")
        #expect(check.title.hasPrefix("normscope") && (started...Date().timeIntervalSince1970).contains(Double(check.timestamp)),
                "the header's timestamp is when the recording started: within the test, however long a loaded machine makes it")
        #expect(check.outputEvents >= 4 && check.resizeEvents == 0, "a frame per epoch at least")
        #expect(check.differences == 0, "\(check.firstDifferences)")
        #expect(check.text.first?.contains("finished") == true && check.text.joined().contains("(e) WD+MaxNorm"))
    }

    @Test("resizes are \"r\" events and the replay follows them")
    func resizes() async throws {
        let dir = try Paths.scratch("rec-resize")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/resize.cast"
        let tmux = try live(Self.tiny + ["--epochs", "30", "--pace", "0.15", "--record", cast])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "(e) WD+MaxNorm", timeout: .seconds(30))
        try tmux.resize(width: 132, height: 40)
        try await tmux.waitFor(timeout: .seconds(10), "the wide layout") { ($0.split(separator: "\n").first?.count ?? 0) > 110 }
        try tmux.resize(width: 90, height: 28)
        try await tmux.waitFor(text: "finished", timeout: .seconds(40))
        try await settledCapture(tmux, to: dir + "/screen.txt")
        let check = try await quitAndCheck(tmux, cast: cast, capture: dir + "/screen.txt")
        #expect(check.width == 100 && check.height == 30 && check.resizeEvents >= 2 && check.finalSize == [90, 28])
        #expect(check.differences == 0, "\(check.firstDifferences)")
    }

    @Test("8 colours (TERM=xterm) and NO_COLOR record what those terminals show")
    func colourModes() async throws {
        for (term, env) in [("xterm", [:]), ("xterm-256color", ["NO_COLOR": "1"])] as [(String, [String: String])] {
            let dir = try Paths.scratch("rec-colour")
            defer { Paths.removeScratch(dir) }
            let cast = dir + "/c.cast"
            let tmux = try live(Self.tiny + ["--epochs", "4", "--pace", "0", "--record", cast], environment: env, term: term)
            defer { tmux.kill() }
            try await tmux.waitFor(text: "finished", timeout: .seconds(30))
            try await settledCapture(tmux, to: dir + "/screen.txt")
            let check = try await quitAndCheck(tmux, cast: cast, capture: dir + "/screen.txt")
            #expect(check.term == term && check.differences == 0, "\(term) \(env): \(check.firstDifferences)")
        }
    }

    @Test("the demo records itself to its closing screen and ends on it")
    func demo() async throws {
        let dir = try Paths.scratch("rec-demo")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/demo.cast"
        let tmux = try live(Self.tiny + ["--epochs", "3", "--stage2-epochs", "2", "--demo", "--hold", "3", "--pace", "0",
                                         "--record", cast], width: 120, height: 36)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "Done:", timeout: .seconds(60))
        try await Pause.sleep(for: .milliseconds(300))
        try tmux.capture(withColors: true).write(toFile: dir + "/screen.txt", atomically: true, encoding: .utf8)
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(20))
        #expect(exit == TmuxSession.Exit(status: 0, ttyRestored: true))
        let check = try await CastCheck.run(cast, capture: dir + "/screen.txt")
        #expect(check.title.contains("--demo") && check.width == 120 && check.height == 36)
        #expect(check.differences == 0, "\(check.firstDifferences)")
        #expect(check.text.joined().contains("Done:"), "ends on the closing caption")
        #expect(check.duration > 10, "the introduction, stage 1, stage 2 and the held end: \(check.duration) s")
    }

    @Test("SIGTERM finishes the cast; SIGKILL leaves a playable .partial")
    func signals() async throws {
        let dir = try Paths.scratch("rec-signal")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/term.cast"
        let tmux = try live(Self.tiny + ["--epochs", "100", "--pace", "0.3", "--record", cast])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "epoch 2") { $0.contains("epoch 2/") || $0.contains("epoch 3/") }
        try tmux.signal(SIGTERM)
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(20))
        #expect(exit == TmuxSession.Exit(status: 128 + SIGTERM, ttyRestored: true))
        #expect(!FileManager.default.fileExists(atPath: cast + ".partial"))
        let finished = try await CastCheck.run(cast)
        #expect(finished.outputEvents >= 2 && finished.text.first?.contains("running") == true)

        let killedCast = dir + "/kill.cast"
        let killed = try live(Self.tiny + ["--epochs", "100", "--pace", "0.3", "--record", killedCast])
        defer { killed.kill() }
        try await killed.waitFor(timeout: .seconds(30), "epoch 2") { $0.contains("epoch 2/") || $0.contains("epoch 3/") }
        try killed.signal(SIGKILL)
        _ = try await killed.waitForExitDetail(timeout: .seconds(20))
        #expect(!FileManager.default.fileExists(atPath: killedCast))
        let partial = try await CastCheck.run(killedCast + ".partial")
        #expect(partial.outputEvents >= 2 && partial.text.joined().contains("(a) Naive"))
    }

    @Test("a second signal during shutdown (TERM then INT, two HUPs) still leaves a finished cast, no .partial",
          arguments: [(SIGTERM, SIGINT), (SIGHUP, SIGHUP)])
    func secondSignal(first: Int32, second: Int32) async throws {
        let dir = try Paths.scratch("rec-second")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/twice.cast"
        let tmux = try live(Self.tiny + ["--epochs", "100", "--pace", "0.3", "--record", cast])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "epoch 2") { $0.contains("epoch 2/") || $0.contains("epoch 3/") }
        guard let pid = try tmux.programPID() else { throw TmuxError("the live view ended early") }
        // Both at once: the second arrives before the main loop has finished the recording.
        #expect(kill(pid, first) == 0 && kill(pid, second) == 0)
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(20))
        #expect(exit.ttyRestored && (exit.status == 128 + first || exit.status == 128 + second), "\(exit)")
        #expect(!FileManager.default.fileExists(atPath: cast + ".partial"), "\(Paths.contents(dir))")
        let finished = try await CastCheck.run(cast)
        #expect(finished.outputEvents >= 2 && finished.text.joined().contains("(a) Naive"))
    }

    @Test("a live view that refuses to start (TERM=dumb, no terminal) leaves no recording behind")
    func refusedStartLeavesNoFile() async throws {
        let dir = try Paths.scratch("rec-refused")
        defer { Paths.removeScratch(dir) }
        let dumb = try live(Self.tiny + ["--record", dir + "/dumb.cast"], term: "dumb")
        defer { dumb.kill() }
        let exit = try await dumb.waitForExitDetail(timeout: .seconds(20))
        #expect(exit.status == 2, "\(exit)")
        #expect(Paths.contents(dir).isEmpty, "\(Paths.contents(dir))")
        let piped = try await Child.normscope(["--record", dir + "/piped.cast"] + Self.tiny, directory: dir)
        #expect(piped.status == 2 && piped.stderrLines.count == 1 && piped.stderr.contains("terminal"), "\(piped)")
        #expect(Paths.contents(dir).isEmpty, "\(Paths.contents(dir))")
    }

    @Test("a recording that cannot grow stops whole at its last frame; the live view goes on")
    func fileSizeLimit() async throws {
        let dir = try Paths.scratch("rec-full")
        defer { Paths.removeScratch(dir) }
        let cast = dir + "/full.cast"
        // 100 blocks of 512 bytes: the first frames fit, the rest fails with EFBIG (SIGXFSZ ignored), as on a full disk.
        let script = "ulimit -f 100; trap '' XFSZ; exec \"$0\" \"$@\" 2>\"\(dir)/err.txt\""
        let tmux = try TmuxSession(["sh", "-c", script, try Paths.binary()] + Self.tiny
                                   + ["--epochs", "40", "--pace", "0.05", "--record", cast], width: 100, height: 30)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "finished", timeout: .seconds(40))
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
        let err = try String(contentsOfFile: dir + "/err.txt", encoding: .utf8)
        #expect(err.contains("normscope: recording: writing stopped early") && err.contains(cast), "\(err)")
        let size = (try FileManager.default.attributesOfItem(atPath: cast)[.size] as? Int) ?? -1
        #expect(size > 0 && size <= 100 * 512)
        let check = try await CastCheck.run(cast)
        #expect(check.outputEvents >= 1 && check.text.joined().contains("(a) Naive"), "whole lines only, and they replay")
    }

    @Test("--record paths are checked before anything starts: one line, nothing left behind")
    func badPaths() async throws {
        let dir = try Paths.scratch("rec-bad")
        defer { Paths.removeScratch(dir) }
        let missing = try await Child.normscope(["--record", dir + "/no/such/dir/x.cast"] + Self.tiny, directory: dir)
        #expect(missing.status == 73 && missing.stderrLines.count == 1 && missing.stderr.contains("--record"), "\(missing)")
        let stdout = try await Child.normscope(["--record", "-"] + Self.tiny, directory: dir)
        #expect(stdout.status == 64 && stdout.stderrLines.count == 1 && stdout.stderr.contains("standard output"), "\(stdout)")
        let directory = try await Child.normscope(["--record", dir] + Self.tiny, directory: dir)
        #expect(directory.status == 73 && directory.stderr.contains("is a directory"), "\(directory)")
        #expect(Paths.contents(dir).isEmpty, "\(Paths.contents(dir))")
    }
}
