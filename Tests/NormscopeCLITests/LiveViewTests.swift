#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Testing

/// The live view (the default command), end to end: the real binary in a tmux pane.
///
/// Serialized: each test trains in its pane, and the machine has two cores.
@Suite("live view in tmux", .serialized, .ownThread)
struct LiveViewTests {
    static let titles = ["(a) Naive", "(b) L2-norm", "(c) WD", "(d) MaxNorm", "(e) WD+MaxNorm"]
    /// A small, fast experiment on one thread.
    static let tiny = ["--dataset", Paths.recipe("quick"), "--hidden", "32,16", "--threads", "1"]

    /// The binary in a pane: `normscope <args>`.
    func live(_ args: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
              term: String = "xterm-256color") throws -> TmuxSession {
        try TmuxSession([try Paths.binary()] + args, width: width, height: height, environment: environment, term: term)
    }

    /// Waits for the program to end with `status` and checks the terminal is given back: tty modes as
    /// before, main screen, visible cursor.
    func expectRestored(_ tmux: TmuxSession, status: Int32, timeout: Duration = .seconds(20)) async throws {
        let exit = try await tmux.waitForExitDetail(timeout: timeout)
        #expect(exit == TmuxSession.Exit(status: status, ttyRestored: true))
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1", "main screen, visible cursor")
    }

    /// The epoch in the header ("epoch 12/50"), or nil.
    static func epoch(_ screen: String) -> Int? {
        guard let first = screen.split(separator: "\n").first, let r = first.range(of: #"epoch +\d+/"#, options: .regularExpression)
        else { return nil }
        return Int(first[r].dropFirst(6).dropLast().trimmingCharacters(in: .whitespaces))
    }

    /// Waits until the header's epoch stops changing (a paused run settling) and returns it.
    func settledEpoch(_ tmux: TmuxSession) async throws -> Int {
        var last = -1, same = 0
        for _ in 0..<100 {
            let e = Self.epoch(try tmux.capture()) ?? -1
            if e == last && e >= 0 { same += 1 } else { same = 0; last = e }
            if same >= 6 { return e }
            try await Pause.sleep(for: .milliseconds(100))
        }
        throw TmuxError("the epoch did not settle: \(try tmux.capture())")
    }

    /// Whether `ansi` (a `capture-pane -e` screen) sets any colour.
    static func hasColor(_ ansi: String) -> Bool {
        var rest = Substring(ansi)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" }) else { break }
            if rest[end] == "m" {
                for p in rest[..<end].split(separator: ";").compactMap({ Int($0) }) {
                    if (30...38).contains(p) || (40...48).contains(p) || (90...97).contains(p) || (100...107).contains(p) { return true }
                }
            }
            rest = rest[end...]
        }
        return false
    }

    // MARK: - Panels, keys, quitting

    @Test("the five panel titles appear; q quits and gives the terminal back")
    func titlesAndQuit() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "5", "--pace", "0"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(timeout: .seconds(30), "five titles and the finished run") { s in
            Self.titles.allSatisfy(s.contains) && s.contains("finished")
        }
        #expect(screen.contains("epoch 5/5"))
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "1 0", "full screen, hidden cursor")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("after q the pane is back at a usable shell prompt")
    func shellPromptAfterQuit() async throws {
        let tmux = try TmuxSession(["bash", "--norc", "--noprofile", "-i"], width: 120, height: 40, environment: ["PS1": "READY$ "])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "READY$")
        let command = ([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"]).map(TmuxSession.shellQuote)
        try tmux.type(command.joined(separator: " "))
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { s in Self.titles.allSatisfy(s.contains) }
        try tmux.sendKeys("q")
        try await tmux.waitFor(timeout: .seconds(20), "the prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$") }
        try tmux.type("echo typed-$((40+2))")
        try tmux.sendKeys("Enter")
        let screen = try await tmux.waitFor(text: "typed-42")
        #expect(screen.contains("echo typed-$((40+2))"), "the shell echoes what is typed: the tty is sane")
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1")
    }

    @Test("on a terminal without an alternate screen (vt100) the prompt after q gets a line of its own")
    func promptBelowLastFrameOnVT100() async throws {
        let tmux = try TmuxSession(["bash", "--norc", "--noprofile", "-i"], width: 80, height: 24,
                                   environment: ["PS1": "READY$ "], term: "vt100")
        defer { tmux.kill() }
        try await tmux.waitFor(text: "READY$")
        let command = ([try Paths.binary()] + Self.tiny + ["--epochs", "3", "--pace", "0"]).map(TmuxSession.shellQuote)
        try tmux.type(command.joined(separator: " "))
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { $0.contains("? help") && $0.contains("(a)") }
        try tmux.sendKeys("q")
        let screen = try await tmux.waitFor(timeout: .seconds(20), "the prompt") {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$")
        }
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.last == "READY$", "the prompt is not written over the last frame's key hints:\n\(screen)")
        #expect(lines.dropLast().last?.contains("? help") == true, "the last frame stays above the prompt:\n\(screen)")
    }

    @Test("Ctrl-Z suspends to a usable shell; fg resumes and redraws")
    func suspendAndResume() async throws {
        let tmux = try TmuxSession(["bash", "--norc", "--noprofile", "-i"], width: 120, height: 40, environment: ["PS1": "READY$ "])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "READY$")
        let command = ([try Paths.binary()] + Self.tiny + ["--epochs", "300", "--pace", "0.3"]).map(TmuxSession.shellQuote)
        try tmux.type(command.joined(separator: " "))
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(timeout: .seconds(30), "the live view") { s in Self.titles.allSatisfy(s.contains) }
        try tmux.sendKeys("C-z")
        try await tmux.waitFor(timeout: .seconds(10), "the prompt") { $0.contains("Stopped") && $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$") }
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1")
        try tmux.type("echo typed-$((40+2)); fg")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(timeout: .seconds(10), "the live view again") { s in Self.titles.allSatisfy(s.contains) && !s.contains("typed-42") }
        try tmux.sendKeys("q")
        try await tmux.waitFor(timeout: .seconds(20), "the prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$") }
    }

    @Test("space pauses (the header says so), n advances exactly one epoch, space resumes")
    func pauseAndStep() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "60", "--pace", "0.3"])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "training") { (Self.epoch($0) ?? 0) >= 2 }
        try tmux.sendKeys("Space")
        try await tmux.waitFor(text: "paused")
        let e = try await settledEpoch(tmux)
        try tmux.sendKeys("n")
        try await tmux.waitFor(timeout: .seconds(15), "epoch \(e + 1)") { Self.epoch($0) == e + 1 }
        try await Pause.sleep(for: .milliseconds(1200))
        let after = try tmux.capture()
        #expect(Self.epoch(after) == e + 1, "still one epoch on: \(after)")
        #expect(after.contains("paused"))
        #expect(after.contains("space resume") && !after.contains("space pause"), "the hint says what space does now")
        try tmux.sendKeys("Space")
        try await tmux.waitFor(timeout: .seconds(15), "running again") { ($0.contains("running")) && (Self.epoch($0) ?? 0) > e + 1 }
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("pausing at flat out stops training too")
    func pauseFlatOut() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "100000", "--pace", "0"])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "training") { (Self.epoch($0) ?? 0) >= 3 }
        try tmux.sendKeys("Space")
        try await tmux.waitFor(text: "paused")
        let e = try await settledEpoch(tmux)
        try await Pause.sleep(for: .milliseconds(800))
        #expect(Self.epoch(try tmux.capture()) == e)
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("keys during training: help opens and closes, v cycles views, + changes the pace, r restarts")
    func keysDuringTraining() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "200", "--pace", "0.6"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "pace 0.6 s/epoch", timeout: .seconds(30))
        try tmux.sendKeys("?")
        try await tmux.waitFor(text: "press ? to close")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor(timeout: .seconds(10), "help closed") { !$0.contains("press ? to close") }
        try tmux.sendKeys("+")
        try await tmux.waitFor(text: "pace 0.3 s/epoch")
        try tmux.sendKeys("v")
        try await tmux.waitFor(timeout: .seconds(10), "the profiles view") { !$0.contains("ep↓") && $0.contains("(e) WD+MaxNorm") }
        try tmux.sendKeys("v")
        try await tmux.waitFor(text: "test accuracy, all classes")
        try tmux.sendKeys("v")
        try await tmux.waitFor(text: "ep↓")
        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "press r again to restart")
        #expect(!(try tmux.capture().contains("seed 1")), "one r while training only asks")
        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "restarted with seed 1")
        #expect(try tmux.capture().contains("seed 1"))
        try tmux.sendKeys("2")
        try await tmux.waitFor(text: "stage 2 starts once stage 1 has finished")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("2 after stage 1 runs stage 2 live: the header says stage 2, every panel continues, the table gains its rows")
    func stageTwo() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "3", "--stage2-epochs", "2", "--pace", "0"], width: 160, height: 48)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "stage 1 done")
        try tmux.sendKeys("2")
        try await tmux.waitFor(text: "stage 2")
        try await tmux.waitFor(timeout: .seconds(30), "stage 2 finished") { $0.contains("epoch 2/2") && $0.contains("finished") }
        let screen = try tmux.capture()
        #expect(screen.contains("(a) Naive") && screen.contains("stage 2, epoch 2"), "every panel continues below its stage 1")
        #expect(screen.contains("s2 weight balancing") && screen.contains("(e) WD+MaxNorm"),
                "a stage-2 row per panel in the accuracy table")
        #expect(screen.contains("on (c) WD") && screen.contains("CB & MaxNorm"), "the paper's other variants on the wd base")
        try await tmux.waitFor(text: "stage 2 done: e exports")  // not the training keys, which do nothing now
        #expect(try !tmux.capture().contains("space pause"))
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    // MARK: - Sizes

    @Test("a resize reflows the panels")
    func resizeReflows() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "100", "--pace", "0.3"])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "titles") { s in Self.titles.allSatisfy(s.contains) }
        for (w, h) in [(200, 60), (80, 24), (120, 40)] {
            try tmux.resize(width: w, height: h)
            try await tmux.waitFor(timeout: .seconds(10), "a \(w)x\(h) layout") { s in
                let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                return Self.titles.allSatisfy(s.contains) && lines.allSatisfy { $0.count <= w }
                    && (lines.first?.count ?? 0) >= w - 2 && lines.count >= h - 1
            }
        }
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("a too-small terminal shows the notice, and q still quits")
    func tooSmall() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "50", "--pace", "0.3"], width: 30, height: 10)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "Terminal too small", timeout: .seconds(30))
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor(timeout: .seconds(10), "titles") { s in Self.titles.allSatisfy(s.contains) }
        try tmux.resize(width: 12, height: 4)
        try await tmux.waitFor(timeout: .seconds(10), "the notice") { $0.contains("small") }
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("a resize storm (200 resizes, 1x1 to 400x120) neither crashes nor leaves garbage")
    func resizeStorm() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "2000", "--pace", "0.05"], width: 100, height: 30)
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "titles") { s in Self.titles.allSatisfy(s.contains) }
        var rng = SplitMix64(seed: 200, stream: "resize-storm")
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0..<200 {
            let (w, h): (Int, Int)
            switch i % 10 {
            case 0: (w, h) = (1, 1)
            case 5: (w, h) = (400, 120)
            default: (w, h) = (1 + rng.nextInt(below: 260), 1 + rng.nextInt(below: 80))
            }
            try tmux.resize(width: w, height: h)
            // Keys in the middle of the storm: views, help, pause.
            switch i {
            case 50, 150: try tmux.sendKeys("v")
            case 75, 125: try tmux.sendKeys("?")
            case 100: try tmux.sendKeys("Space")
            default: break
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        #expect(seconds < 30, "the storm took \(seconds) s")
        #expect(tmux.isRunning, "survived the storm")
        try tmux.resize(width: 100, height: 30)
        // Settled: paused, so only the clock in the header changes.
        func body(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") }
        // Settled means unchanged for a whole second: two captures 50 ms apart can both precede the view's
        // answer to the last resize on a loaded machine (CI saw the taller layout, clipped by tmux, twice).
        var previous = "", stableSince = clock.now
        let settled = try await tmux.waitFor(timeout: .seconds(20), "a settled paused screen") { s in
            defer { previous = s }
            if body(s) != body(previous) { stableSince = clock.now }
            return s.contains("paused") && s.contains("test accuracy, all classes")
                && clock.now - stableSince >= .seconds(1)
        }
        #expect(settled.split(separator: "\n").allSatisfy { $0.count <= 100 })
        try tmux.sendKeys("C-l")
        try await Pause.sleep(for: .milliseconds(400))
        let redrawn = try tmux.capture()
        #expect(body(redrawn) == body(settled), "nothing left over from the storm: the screen equals a full redraw")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    // MARK: - Glyphs and colour

    @Test("NO_COLOR and --no-color draw without colour", arguments: [true, false])
    func noColor(viaEnvironment: Bool) async throws {
        let tmux = try live(Self.tiny + ["--epochs", "5", "--pace", "0"] + (viaEnvironment ? [] : ["--no-color"]),
                            environment: viaEnvironment ? ["NO_COLOR": "1"] : [:])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "finished") { s in s.contains("finished") && Self.titles.allSatisfy(s.contains) }
        let ansi = try tmux.capture(withColors: true)
        #expect(!Self.hasColor(ansi), "no colour codes")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("a colour terminal does get colour (the check above can fail)")
    func colorByDefault() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "3", "--pace", "0"])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "finished") { $0.contains("finished") }
        #expect(Self.hasColor(try tmux.capture(withColors: true)))
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("--ascii puts no non-ASCII glyph on screen, help overlay included")
    func ascii() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "5", "--pace", "0", "--ascii"])
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "finished") { s in s.contains("finished") && Self.titles.allSatisfy(s.contains) }
        let screen = try tmux.capture()
        let foreign = String(String.UnicodeScalarView(screen.unicodeScalars.filter { !$0.isASCII }))
        #expect(foreign.isEmpty, "non-ASCII: \(foreign.prefix(20))")
        try tmux.sendKeys("?")
        let help = try await tmux.waitFor(text: "press ? to close")
        let foreignHelp = help.unicodeScalars.filter { !$0.isASCII }.count
        #expect(foreignHelp == 0)
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    // MARK: - No terminal

    @Test("stdout redirected: one line pointing to normscope run, exit status 2")
    func stdoutRedirected() async throws {
        let r = try await Child.normscope(Self.tiny + ["--epochs", "3"], environment: ["TERM": "xterm-256color"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == ["normscope: the live view needs a terminal (stdout is not a tty); use 'normscope run' for headless training"])
    }

    @Test("TERM unset or dumb: one line pointing to normscope run, exit status 2", arguments: ["unset", "dumb"])
    func noUsableTerm(term: String) async throws {
        let script = term == "unset" ? "unset TERM; exec \"$@\"" : "exec \"$@\""
        let tmux = try TmuxSession(["sh", "-c", script, "sh", try Paths.binary()] + Self.tiny + ["--epochs", "3"],
                                   width: 200, height: 20, term: term == "unset" ? "xterm" : "dumb")
        defer { tmux.kill() }
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(30))
        #expect(exit == TmuxSession.Exit(status: 2, ttyRestored: true))
        let reason = term == "unset" ? "TERM is not set" : "TERM is 'dumb'"
        let screen = try tmux.capture()
        #expect(screen.contains("normscope: the live view needs a terminal (\(reason)); use 'normscope run' for headless training"))
    }

    // MARK: - Demo

    @Test("--demo --hold 1 on a tiny experiment plays through and exits by itself")
    func demo() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "3", "--demo", "--hold", "1", "--pace", "0"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "Long-tailed data: 20 classes", timeout: .seconds(30))
        try await tmux.waitFor(text: "reproduced live", timeout: .seconds(40))
        try await expectRestored(tmux, status: 0, timeout: .seconds(20))
    }

    // MARK: - Signals

    /// When the signal is sent.
    enum Moment: String, CaseIterable, Sendable { case atLaunch, training, helpOpenPaused, finished }

    @Test("SIGINT, SIGTERM and SIGHUP at any moment leave the terminal restored",
          arguments: [SIGINT, SIGTERM, SIGHUP], Moment.allCases)
    func signals(signal: Int32, moment: Moment) async throws {
        let epochs = moment == .finished ? "3" : "500"
        let tmux = try live(Self.tiny + ["--epochs", epochs, "--pace", moment == .finished ? "0" : "0.15"])
        defer { tmux.kill() }
        switch moment {
        case .atLaunch:
            _ = try tmux.programPID()
        case .training:
            try await tmux.waitFor(timeout: .seconds(30), "training") { (Self.epoch($0) ?? 0) >= 1 }
        case .helpOpenPaused:
            try await tmux.waitFor(timeout: .seconds(30), "titles") { s in Self.titles.allSatisfy(s.contains) }
            try tmux.sendKeys("Space")
            try tmux.sendKeys("?")
            try await tmux.waitFor(text: "press ? to close")
        case .finished:
            try await tmux.waitFor(text: "finished", timeout: .seconds(30))
        }
        try tmux.signal(signal)
        try await expectRestored(tmux, status: 128 + signal)
    }

    // MARK: - Export and divergence

    @Test("export to an unwritable --export-dir shows the error and training goes on")
    func exportUnwritable() async throws {
        let tmux = try live(Self.tiny + ["--epochs", "400", "--pace", "0.15", "--export-dir", "/proc"], width: 80, height: 24)
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "training") { (Self.epoch($0) ?? 0) >= 1 }
        try tmux.sendKeys("e")
        let screen = try await tmux.waitFor(text: "export failed")
        #expect(screen.contains("training goes on"))
        let e = Self.epoch(screen) ?? 0
        try await tmux.waitFor(timeout: .seconds(20), "more epochs") { (Self.epoch($0) ?? 0) >= e + 3 }
        #expect(try tmux.capture().contains("running"))
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("export writes the results JSON into --export-dir")
    func exportWritable() async throws {
        let dir = try Paths.scratch("export")
        defer { Paths.removeScratch(dir) }
        let tmux = try live(Self.tiny + ["--epochs", "4", "--pace", "0", "--export-dir", dir], width: 200, height: 50)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "finished", timeout: .seconds(30))
        try tmux.sendKeys("e")
        try await tmux.waitFor(text: "exported")
        let files = Paths.contents(dir).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "\(Paths.contents(dir))")
        if let f = files.first {
            let r = try ResultsFile.load(path: dir + "/" + f)
            #expect(!r.interrupted && r.runs.count == 5 && r.runs.allSatisfy { $0.epochsDone == 4 && $0.seconds == 0 })
        }
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("e e in quick succession writes two sets of files: the second export takes the name with -2")
    func exportTwiceInOneSecond() async throws {
        let dir = try Paths.scratch("export-twice")
        defer { Paths.removeScratch(dir) }
        let tmux = try live(Self.tiny + ["--epochs", "3", "--pace", "0", "--export-dir", dir], width: 160, height: 48)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "finished", timeout: .seconds(30))
        try tmux.sendKeys("e", "e")
        try await tmux.waitFor(timeout: .seconds(20), "two exports") { _ in
            Paths.contents(dir).filter { $0.hasSuffix(".png") }.count >= 2
        }
        let files = Paths.contents(dir)
        #expect(files.count == 6, "two sets of .json .svg .png: \(files)")
        let stems = Set(files.map { ($0 as NSString).deletingPathExtension })
        #expect(stems.count == 2, "two names (the second with -2 unless a second began in between): \(files)")
        for f in files where f.hasSuffix(".json") { #expect(try ResultsFile.load(path: dir + "/" + f).runs.count == 5) }
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("e while stage 1 and stage 2 train writes a JSON and an SVG that open, and training goes on")
    func exportWhileTraining() async throws {
        let dir = try Paths.scratch("export-mid")
        defer { Paths.removeScratch(dir) }
        let tmux = try live(Self.tiny + ["--epochs", "60", "--pace", "0.05", "--stage2-epochs", "1100", "--export-dir", dir],
                            width: 160, height: 48)
        defer { tmux.kill() }
        func exportAndCheck(_ count: Int) async throws {
            try tmux.sendKeys("e")
            try await tmux.waitFor(timeout: .seconds(20), "export number \(count)") { _ in
                // The PNG is written last: once it is there, the export is done.
                Paths.contents(dir).filter { $0.hasSuffix(".png") }.count >= count
            }
            for f in Paths.contents(dir) where f.hasSuffix(".json") {
                let r = try ResultsFile.load(path: dir + "/" + f)
                #expect(r.runs.count >= 5)
            }
            for f in Paths.contents(dir) where f.hasSuffix(".svg") {
                let svg = try String(contentsOfFile: dir + "/" + f, encoding: .utf8)
                #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"), "\(f) is whole")
            }
        }
        try await tmux.waitFor(timeout: .seconds(30), "a few epochs") { (Self.epoch($0) ?? 0) >= 3 }
        try await exportAndCheck(1)
        try await exportAndCheck(2)
        try tmux.sendKeys("+", "+", "+", "+", "+", "+", "+", "+")  // flat out
        try await tmux.waitFor(text: "stage 1 done", timeout: .seconds(60))
        try tmux.sendKeys("2")
        try await tmux.waitFor(timeout: .seconds(30), "stage 2 past 1,024 epochs") { s in
            s.contains("stage 2") && (Self.epoch(s) ?? 0) > 1_030
        }
        try await exportAndCheck(3)
        #expect(try tmux.capture().contains("exported"), "the live view is still running")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("a diverged regime is marked in its panel and the table; the others finish")
    func divergenceShown() async throws {
        let tmux = try live(["--dataset", Paths.recipe("quick"), "--threads", "1", "--epochs", "6", "--lr", "1", "--pace", "0"],
                            width: 160, height: 48)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(timeout: .seconds(60), "finished with two diverged panels") { s in
            s.contains("finished") && s.components(separatedBy: "DIVERGED at epoch 2").count - 1 == 2
        }
        #expect(screen.contains("DIVERGED at epoch 2: loss is") && screen.contains("NaN"), "the banner, wrapped in a narrow panel")
        #expect(screen.contains("diverged at epoch 2"), "the accuracy table says so")
        #expect(screen.contains("epoch 6/6"), "the other regimes finished")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }
}
