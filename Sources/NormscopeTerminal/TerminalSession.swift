#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// A live full-screen session: checks the terminal, starts the screen, runs a UI loop, and always
/// gives the terminal back.
///
///     let status = try TerminalSession.run { session in
///         while session.interruptSignal == nil {
///             session.screen.draw(canvas)
///             if case .char("q") = session.screen.readKey(timeoutMs: 100) { break }
///         }
///     }
///
/// The loop must poll `interruptSignal` (SIGINT, SIGTERM, SIGHUP, SIGQUIT) and return promptly when
/// it is set; `run` then restores the terminal and exits the process with status 128 + signal. Every
/// other fatal signal restores the terminal in its handler and ends the process (see `SignalTrap`).
final class TerminalSession {
    /// The screen to draw on and read keys from.
    let screen: TerminalScreen

    init(screen: TerminalScreen) { self.screen = screen }

    /// What the terminal can show.
    var capabilities: Capabilities { screen.capabilities }

    /// The termination signal that arrived, if any: the loop should return.
    var interruptSignal: Int32? { SignalTrap.pending }

    /// Runs `body` on a started screen. Throws `TerminalUnavailable` (before touching the terminal)
    /// when there is no usable terminal, and rethrows what `body` throws, after restoring the
    /// terminal. If a termination signal arrived, exits with 128 + signal once the terminal is back,
    /// unless `exitOnSignal` is false: then it returns and `SignalTrap.pending` tells the signal.
    static func run<R>(options: TerminalScreen.Options = TerminalScreen.Options(),
                              exitOnSignal: Bool = true,
                              _ body: (TerminalSession) throws -> R) throws -> R {
        if case .failure(let reason) = TerminalCheck.check() { throw reason }
        SignalTrap.install()
        let screen = TerminalScreen(options: options)
        do {
            try screen.start()
        } catch {
            SignalTrap.uninstall()
            throw error
        }
        let result: R
        do {
            result = try body(TerminalSession(screen: screen))
        } catch {
            finish(screen, exitOnSignal: exitOnSignal)
            throw error
        }
        finish(screen, exitOnSignal: exitOnSignal)
        return result
    }

    private static func finish(_ screen: TerminalScreen, exitOnSignal: Bool) {
        screen.stop()
        let signal = SignalTrap.pending
        SignalTrap.uninstall()
        if exitOnSignal, let signal { exit(SignalTrap.exitStatus(for: signal)) }
    }
}
