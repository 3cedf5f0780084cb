#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The tmux harness itself, on small shell programs (the UI's own end-to-end tests build on it).
@Suite("tmux harness", .ownThread)
struct TmuxHarnessTests {
    @Test("starts a program, sees its output, types into it, reads its exit status")
    func roundTrip() async throws {
        let tmux = try TmuxSession(["sh", "-c", "printf hello; read x; echo \"got:$x\"; exit 3"], width: 60, height: 10)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "hello")
        #expect(tmux.isRunning)
        try tmux.type("abc")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(text: "got:abc")
        let exit = try await tmux.waitForExitDetail()
        #expect(exit == TmuxSession.Exit(status: 3, ttyRestored: true))
        #expect(!tmux.isRunning)
        // The pane keeps the screen the program left.
        #expect(try tmux.capture().contains("got:abc"))
    }

    @Test("passes LANG, TERM and extra environment to the program")
    func environment() async throws {
        let script = "echo \"[$LANG|$TERM|$NO_COLOR|$FOO|$(tty >/dev/null && echo tty)]\"; sleep 30"
        let plain = try TmuxSession(["sh", "-c", script])
        defer { plain.kill() }
        try await plain.waitFor(text: "[C.UTF-8|xterm-256color|||tty]")
        let extra = try TmuxSession(["sh", "-c", script], environment: ["NO_COLOR": "1", "FOO": "a b'c"], term: "xterm")
        defer { extra.kill() }
        try await extra.waitFor(text: "[C.UTF-8|xterm|1|a b'c|tty]")
    }

    @Test("Ctrl-C reaches the program as SIGINT (the spawn does not leak a blocked signal mask)")
    func controlC() async throws {
        let tmux = try TmuxSession(["sh", "-c", "trap 'echo caught; exit 7' INT; echo ready; while :; do sleep 0.05; done"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "ready")
        try tmux.sendKeys("C-c")
        try await tmux.waitFor(text: "caught")
        #expect(try await tmux.waitForExit() == 7)
    }

    @Test("resizing the window delivers SIGWINCH and the new size")
    func resize() async throws {
        let script = "trap 'echo \"size $(stty size)\"' WINCH; echo ready; while :; do sleep 0.05; done"
        let tmux = try TmuxSession(["sh", "-c", script], width: 80, height: 24)
        defer { tmux.kill() }
        try await tmux.waitFor(text: "ready")
        try tmux.resize(width: 50, height: 12)
        try await tmux.waitFor(text: "size 12 50")
        #expect(try tmux.format("#{pane_width}x#{pane_height}") == "50x12")
    }

    @Test("a signal sent to the program is reported as 128 + signal")
    func killedBySignal() async throws {
        let tmux = try TmuxSession(["sleep", "30"])
        defer { tmux.kill() }
        #expect(tmux.isRunning)
        try tmux.signal(SIGTERM)
        #expect(try await tmux.waitForExit() == 128 + SIGTERM)
    }

    @Test("a program that leaves the tty in raw mode is caught")
    func ttyNotRestored() async throws {
        let tmux = try TmuxSession(["sh", "-c", "stty raw -echo"])
        defer { tmux.kill() }
        #expect(try await tmux.waitForExitDetail() == TmuxSession.Exit(status: 0, ttyRestored: false))
    }

    @Test("waitFor times out with the screen in the error")
    func timeout() async throws {
        let tmux = try TmuxSession(["sh", "-c", "echo something else; sleep 30"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "something")
        await #expect(throws: TmuxError.self) {
            try await tmux.waitFor(text: "never shown", timeout: .milliseconds(300))
        }
    }

    @Test("finds the normscope executable built beside the tests")
    func builtProduct() throws {
        let path = try #require(TmuxSession.builtProduct("normscope"))
        #expect(path.hasSuffix("/normscope"))
    }

    @Test("kill ends the private server")
    func killEndsServer() throws {
        let tmux = try TmuxSession(["sleep", "30"])
        tmux.kill()
        let r = try tmux.run(["has-session", "-t", tmux.sessionName])
        #expect(r.status != 0)
    }
}

// MARK: - The ncurses backend, end to end

import CNcursesw
import Foundation
@testable import NormscopeTerminal

/// Runs the backend's self-test screen in a tmux pane: the pane runs this very test binary with
/// only `backendSelfTestScreen` selected and NORMSCOPE_BACKEND_DEMO=1 (otherwise that test is off).
@Suite("ncurses backend in tmux", .ownThread)
struct TerminalBackendTests {
    static var demoRequested: Bool { ProcessInfo.processInfo.environment["NORMSCOPE_BACKEND_DEMO"] == "1" }

    @Test("self-test screen (runs only inside the pane)", .enabled(if: demoRequested))
    func backendSelfTestScreen() {
        exit(NormscopeTerminal.backendSelfTest())
    }

    /// A tmux session running the self-test screen.
    func demo(width: Int = 100, height: Int = 30, environment: [String: String] = [:],
              term: String = "xterm-256color") throws -> TmuxSession {
        var env = environment
        env["NORMSCOPE_BACKEND_DEMO"] = "1"
        return try TmuxSession(Self.demoCommand, width: width, height: height, environment: env, term: term)
    }

    static var demoCommand: [String] {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return [exe, "--testing-library", "swift-testing", "--filter", "backendSelfTestScreen"]
    }

    /// Waits for the demo to end with `status` and checks the terminal is given back.
    func expectRestored(_ tmux: TmuxSession, status: Int32) async throws {
        #expect(try await tmux.waitForExitDetail() == TmuxSession.Exit(status: status, ttyRestored: true))
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1", "main screen, visible cursor")
    }

    @Test("draws colours and the bottom-right cell, follows resizes, redraws on Ctrl-L, restores on q")
    func drawResizeQuit() async throws {
        let tmux = try demo()
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(text: "normscope backend self-test")
        #expect(screen.contains("100x30"))
        #expect(screen.split(separator: "\n").last?.hasSuffix("┘") == true)
        let colored = try tmux.capture(withColors: true)
        #expect(colored.contains("\u{1B}[48;5;196m"), "a 256-colour background")
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "1 0", "alternate screen, hidden cursor")

        try tmux.resize(width: 60, height: 20)
        try await tmux.waitFor(text: "60x20")
        try tmux.resize(width: 30, height: 10)
        try await tmux.waitFor(text: "terminal too small: 30x10")
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitFor(text: "100x30")
        try tmux.sendKeys("C-l")
        try await tmux.waitFor(text: "Ctrl-L redraws 1")
        try tmux.sendKeys("e")
        try await tmux.waitFor(text: "last char(\"e\")")
        #expect(try !tmux.capture().contains("written to stderr"), "stderr is held back while the screen is live")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
        #expect(try tmux.capture().contains("normscope self-test: a line written to stderr during the live view"))
    }

    @Test("termination signals restore the terminal and exit with 128 + signal",
          arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func signals(signal: Int32) async throws {
        let tmux = try demo()
        defer { tmux.kill() }
        try await tmux.waitFor(text: "normscope backend self-test")
        try tmux.signal(signal)
        try await expectRestored(tmux, status: 128 + signal)
    }

    @Test("Ctrl-C quits")
    func controlC() async throws {
        let tmux = try demo()
        defer { tmux.kill() }
        try await tmux.waitFor(text: "normscope backend self-test")
        try tmux.sendKeys("C-c")
        try await expectRestored(tmux, status: 130)
    }

    @Test("NO_COLOR draws without colour")
    func noColor() async throws {
        let tmux = try demo(environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        try await tmux.waitFor(text: "NO_COLOR set")
        let colored = try tmux.capture(withColors: true)
        #expect(!colored.contains("38;5;") && !colored.contains("48;5;"))
        #expect(colored.contains("\u{1B}[7m"), "attributes still work")
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("an 8-colour terminal gets colours mapped into 8")
    func eightColors() async throws {
        let tmux = try demo(term: "xterm")
        defer { tmux.kill() }
        try await tmux.waitFor(text: "colors 8 (terminal 8)")
        let colored = try tmux.capture(withColors: true)
        #expect(!colored.contains("38;5;") && !colored.contains("48;5;"))
        try tmux.sendKeys("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("no usable terminal: a one-line reason and exit status 2", arguments: [
        ("TERM=dumb", "TERM is 'dumb'"),
        ("TERM=nosuchterminal", "no terminfo entry for TERM 'nosuchterminal'"),
        ("stdout", "stdout is not a tty"),
        ("stdin", "stdin is not a tty"),
    ])
    func unavailable(setup: String, reason: String) async throws {
        let run = "\"$@\""
        let script: String
        var term = "xterm-256color"
        switch setup {
        case "stdout": script = "\(run) > /dev/null"
        case "stdin": script = "\(run) < /dev/null"
        default:
            term = String(setup.dropFirst("TERM=".count))
            script = run
        }
        let tmux = try TmuxSession(["sh", "-c", script, "sh"] + Self.demoCommand, width: 200,
                                   environment: ["NORMSCOPE_BACKEND_DEMO": "1"], term: term)
        defer { tmux.kill() }
        #expect(try await tmux.waitForExitDetail() == TmuxSession.Exit(status: 2, ttyRestored: true))
        let screen = try tmux.capture()
        #expect(screen.contains("normscope: the live view needs a terminal (\(reason)); use 'normscope run' for headless training"))
    }
}

// MARK: - The backend's pure parts

@Suite("ncurses backend, pure parts")
struct TerminalBackendPureTests {
    func decide(stdin: Bool = true, stdout: Bool = true, term: String? = "xterm-256color",
                probe: TerminalCheck.Probe = .ok(colors: 256)) -> Result<TerminalCheck.Info, TerminalUnavailable> {
        TerminalCheck.decide(stdinIsTTY: stdin, stdoutIsTTY: stdout, term: term) { _ in probe }
    }

    @Test("the terminal check names the first thing missing")
    func terminalCheck() {
        #expect(decide() == .success(TerminalCheck.Info(term: "xterm-256color", terminfoColors: 256)))
        #expect(decide(stdin: false, stdout: false) == .failure(.stdoutNotATTY))
        #expect(decide(stdin: false) == .failure(.stdinNotATTY))
        #expect(decide(term: nil) == .failure(.termUnset))
        #expect(decide(term: "") == .failure(.termUnset))
        #expect(decide(term: "dumb") == .failure(.termDumb))
        #expect(decide(probe: .unknown) == .failure(.unknownTerminal("xterm-256color")))
        #expect(decide(probe: .notCapable) == .failure(.notCapable("xterm-256color")))
        #expect(decide(probe: .noDatabase) == .failure(.noTerminfoDatabase))
        #expect(TerminalUnavailable.stdoutNotATTY.message
            == "normscope: the live view needs a terminal (stdout is not a tty); use 'normscope run' for headless training")
    }

    @Test("terminfo probe: real entries load, unknown and dumb ones do not")
    func probe() {
        InProcessNcurses.exclusive {
            #expect(TerminalCheck.probeTerminfo("xterm-256color") == .ok(colors: 256))
            #expect(TerminalCheck.probeTerminfo("xterm") == .ok(colors: 8))
            #expect(TerminalCheck.probeTerminfo("no-such-terminal-here") == .unknown)
            #expect(TerminalCheck.probeTerminfo("dumb") == .notCapable)
        }
    }

    @Test("wget_wch results decode to keys")
    func keys() {
        #expect(KeyInput.decode(status: OK, value: 113) == .char("q"))
        #expect(KeyInput.decode(status: OK, value: 0xE9) == .char("é"))
        #expect(KeyInput.decode(status: OK, value: 3) == .ctrlC)
        #expect(KeyInput.decode(status: OK, value: 12) == .ctrlL)
        #expect(KeyInput.decode(status: OK, value: 27) == .escape)
        #expect(KeyInput.decode(status: OK, value: 13) == .enter)
        #expect(KeyInput.decode(status: OK, value: 127) == .backspace)
        #expect(KeyInput.decode(status: OK, value: 1) == .other(1))
        #expect(KeyInput.decode(status: KEY_CODE_YES, value: UInt32(KEY_RESIZE)) == .resize)
        #expect(KeyInput.decode(status: KEY_CODE_YES, value: UInt32(KEY_UP)) == .up)
        #expect(KeyInput.decode(status: KEY_CODE_YES, value: UInt32(KEY_F0 + 5)) == .function(5))
        #expect(KeyInput.decode(status: ERR, value: 0) == nil)
    }

    @Test("256 colours are kept; fewer map to basic colours that keep the hue")
    func colorMapping() {
        #expect(TerminalScreen.colorMap(forColors: 256) == (0..<256).map { Int16($0) })
        #expect(TerminalScreen.colorMap(forColors: 0).allSatisfy { $0 == -1 })
        let eight = TerminalScreen.colorMap(forColors: 8)
        #expect(eight.allSatisfy { (0..<8).contains($0) })
        #expect(Array(eight[0..<8]) == (0..<8).map { Int16($0) })
        // A jet heat map stays blue -> cyan -> green -> yellow -> red.
        #expect(eight[21] == 4 && eight[51] == 6 && eight[46] == 2 && eight[226] == 3 && eight[196] == 1)
        #expect(eight[232] == 0 && eight[255] == 7, "greys by lightness")
        let sixteen = TerminalScreen.colorMap(forColors: 16)
        #expect(sixteen[196] == 9 && sixteen[88] == 1, "bright and dark red")
        #expect(sixteen[244] == 8, "mid grey")
    }
}
