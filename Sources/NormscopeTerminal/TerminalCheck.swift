#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Why the full-screen live view cannot run here; `message` is a ready one-line error.
package enum TerminalUnavailable: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input is not a terminal (piped or redirected).
    case stdinNotATTY
    /// Standard output is not a terminal (piped or redirected).
    case stdoutNotATTY
    /// `TERM` is unset or empty.
    case termUnset
    /// `TERM` is `dumb`.
    case termDumb
    /// No terminfo entry for this `TERM`.
    case unknownTerminal(String)
    /// The terminfo database itself is missing.
    case noTerminfoDatabase
    /// The terminal cannot address the cursor (hard-copy or generic).
    case notCapable(String)
    /// ncurses refused to initialise the terminal.
    case initFailed(String)

    /// The short reason, e.g. "stdout is not a tty".
    package var reason: String {
        switch self {
        case .stdinNotATTY: "stdin is not a tty"
        case .stdoutNotATTY: "stdout is not a tty"
        case .termUnset: "TERM is not set"
        case .termDumb: "TERM is 'dumb'"
        case .unknownTerminal(let t): "no terminfo entry for TERM '\(t)'"
        case .noTerminfoDatabase: "the terminfo database is missing"
        case .notCapable(let t): "terminal '\(t)' cannot move the cursor"
        case .initFailed(let t): "ncurses could not initialise terminal '\(t)'"
        }
    }

    /// The one-line error to print on stderr.
    package var message: String {
        "normscope: the live view needs a terminal (\(reason)); use 'normscope run' for headless training"
    }

    package var description: String { message }
}

/// Decides, before any ncurses call, whether a full-screen UI is possible.
enum TerminalCheck {
    /// What was learned about a usable terminal.
    struct Info: Equatable, Sendable {
        /// The `TERM` name.
        var term: String
        /// The terminfo `colors` number (0 if none); the live count comes from the started screen.
        var terminfoColors: Int

        init(term: String, terminfoColors: Int) {
            self.term = term
            self.terminfoColors = terminfoColors
        }
    }

    /// Outcome of loading a terminfo entry.
    enum Probe: Equatable, Sendable {
        case ok(colors: Int)
        case unknown
        case noDatabase
        case notCapable
    }

    /// Checks the real process: ttys, `TERM`, and the terminfo entry.
    static func check() -> Result<Info, TerminalUnavailable> {
        decide(stdinIsTTY: isatty(STDIN_FILENO) == 1,
               stdoutIsTTY: isatty(STDOUT_FILENO) == 1,
               term: environment("TERM"),
               probe: probeTerminfo)
    }

    /// The decision itself, with its inputs injected (pure apart from `probe`).
    static func decide(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?,
                              probe: (String) -> Probe) -> Result<Info, TerminalUnavailable> {
        guard stdoutIsTTY else { return .failure(.stdoutNotATTY) }
        guard stdinIsTTY else { return .failure(.stdinNotATTY) }
        guard let term, !term.isEmpty else { return .failure(.termUnset) }
        guard term != "dumb" else { return .failure(.termDumb) }
        switch probe(term) {
        case .ok(let colors): return .success(Info(term: term, terminfoColors: colors))
        case .unknown: return .failure(.unknownTerminal(term))
        case .noDatabase: return .failure(.noTerminfoDatabase)
        case .notCapable: return .failure(.notCapable(term))
        }
    }

    /// Loads the terminfo entry with `setupterm` (which, unlike `initscr`, neither exits nor
    /// changes tty modes) and frees it again.
    static func probeTerminfo(_ term: String) -> Probe {
        var colors: Int32 = 0
        let rc = ns_probe_terminal(term, &colors)
        switch rc {
        case NS_PROBE_OK: return .ok(colors: Int(colors))
        case NS_PROBE_NO_DATABASE: return .noDatabase
        case NS_PROBE_NOT_CAPABLE: return .notCapable
        default: return .unknown
        }
    }

    /// An environment variable, nil when unset.
    static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}
