#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Foundation
import Testing

/// Every catchable signal that ends the process, sent to the live view: the pane is back on the main
/// screen with a visible cursor, no mouse reporting and the shell's tty modes, and the exit status is 128 + signal.
///
/// Serialized: each case trains in its pane, and the machine has two cores. Core dumps are off in the pane
/// (`ulimit -c 0`), and the Swift runtime's crash report is not interactive (it would wait for a key).
@Suite("fatal signals in tmux", .serialized, .ownThread)
struct FatalSignalTests {
    /// A signal and its name, for the test's label.
    struct Case: CustomTestStringConvertible, Sendable {
        var signal: Int32
        var name: String
        var testDescription: String { "SIG\(name) (\(signal))" }
    }

    static var cases: [Case] {
        var c: [Case] = [
            Case(signal: SIGINT, name: "INT"), Case(signal: SIGTERM, name: "TERM"), Case(signal: SIGHUP, name: "HUP"),
            Case(signal: SIGQUIT, name: "QUIT"), Case(signal: SIGPIPE, name: "PIPE"), Case(signal: SIGUSR1, name: "USR1"),
            Case(signal: SIGUSR2, name: "USR2"), Case(signal: SIGALRM, name: "ALRM"), Case(signal: SIGVTALRM, name: "VTALRM"),
            Case(signal: SIGPROF, name: "PROF"), Case(signal: SIGXCPU, name: "XCPU"), Case(signal: SIGXFSZ, name: "XFSZ"),
            Case(signal: SIGSEGV, name: "SEGV"), Case(signal: SIGBUS, name: "BUS"), Case(signal: SIGILL, name: "ILL"),
            Case(signal: SIGFPE, name: "FPE"), Case(signal: SIGABRT, name: "ABRT"), Case(signal: SIGTRAP, name: "TRAP"),
            Case(signal: SIGSYS, name: "SYS"),
        ]
        #if os(Linux)
        c += [Case(signal: SIGPOLL, name: "POLL"), Case(signal: SIGSTKFLT, name: "STKFLT"), Case(signal: SIGPWR, name: "PWR")]
        #endif
        let lo = ns_sigrtmin(), hi = ns_sigrtmax()
        if lo > 0 && hi > lo {
            c += [Case(signal: lo, name: "RTMIN"), Case(signal: lo + 1, name: "RTMIN+1"), Case(signal: hi, name: "RTMAX")]
        }
        return c
    }

    /// The live view on a small experiment, started by `sh -c "<setup>; exec normscope ..."` in `dir`.
    func live(setup: String, dir: String) async throws -> TmuxSession {
        let program = [try Paths.binary(), "--dataset", Paths.recipe("quick"), "--hidden", "32,16", "--threads", "1",
                       "--epochs", "500", "--pace", "0.15"]
        let tmux = try TmuxSession(["sh", "-c", setup + "; exec \"$@\"", "sh"] + program, width: 120, height: 40,
                                   environment: ["SWIFT_BACKTRACE": "interactive=no,color=no"], directory: dir)
        do {
            try await tmux.waitFor(timeout: .seconds(30), "the live view training") { $0.contains("epoch") && $0.contains("(e) WD+MaxNorm") }
        } catch {
            tmux.kill()
            throw error
        }
        return tmux
    }

    @Test("the terminal is restored and the exit status is 128 + signal", arguments: cases)
    func restored(_ c: Case) async throws {
        let dir = try Paths.scratch("signal")
        defer { Paths.removeScratch(dir) }
        let tmux = try await live(setup: "ulimit -c 0", dir: dir)
        defer { tmux.kill() }
        #expect(try tmux.format("#{alternate_on} #{cursor_flag} #{mouse_standard_flag}") == "1 0 1",
                "full screen, hidden cursor, mouse clicks reported before the signal")
        try tmux.signal(c.signal)
        let exit = try await tmux.waitForExitDetail(timeout: .seconds(30))
        #expect(exit == TmuxSession.Exit(status: 128 + c.signal, ttyRestored: true))
        #expect(try tmux.format("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}") == "0 1 0 0 0",
                "main screen, visible cursor, normal cursor keys, no mouse reporting")
    }

    @Test("a signal ignored when the view starts (nohup, trap '') stays ignored: the view goes on")
    func ignoredStaysIgnored() async throws {
        let dir = try Paths.scratch("signal")
        defer { Paths.removeScratch(dir) }
        let tmux = try await live(setup: "trap '' HUP USR1 ALRM", dir: dir)
        defer { tmux.kill() }
        for s in [SIGHUP, SIGUSR1, SIGALRM] { try tmux.signal(s) }
        try await Pause.sleep(for: .milliseconds(600))
        #expect(tmux.isRunning)
        #expect(try tmux.format("#{alternate_on}") == "1")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExitDetail(timeout: .seconds(20)) == TmuxSession.Exit(status: 0, ttyRestored: true))
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1")
    }
}
