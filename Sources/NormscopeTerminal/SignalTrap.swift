#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Every catchable signal that would end the process, handled so that the terminal is given back first.
///
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT (the polite ones): the handler (in the C shim) only stores the
///   signal number; the loop notices it through `pending`, stops the screen properly and exits with
///   128 + signal. A second one before that (a stuck loop) restores the terminal from the handler and
///   exits at once.
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS): the handler restores
///   the terminal with async-signal-safe calls only (tty modes saved at install, the terminal's own
///   sgr0/cnorm/rmcup strings captured when the screen starts), replays held-back stderr, calls the
///   previous handler (the Swift runtime's backtracer) and then dies of the signal.
/// - Every other signal whose default is to end the process (SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
///   SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE, SIGPOLL, SIGSTKFLT, SIGPWR, the realtime signals): the same,
///   if it is at its default action when the trap is installed.
///
/// A signal found ignored (`nohup`, a background job) stays ignored. SIGWINCH and SIGTSTP are left to
/// ncurses; SIGKILL and SIGSTOP cannot be caught.
enum SignalTrap {
    /// Installs the handlers (idempotent). Call before the screen starts, so ncurses keeps its own
    /// handlers off these signals.
    static func install() {
        ns_trap_install()
        ns_install_atexit()
    }

    /// Restores the signal dispositions found by `install()`.
    static func uninstall() { ns_trap_uninstall() }

    /// The first trapped signal's number, or nil.
    static var pending: Int32? {
        let s = ns_trap_pending()
        return s == 0 ? nil : s
    }

    /// Forgets a trapped signal.
    static func clear() { ns_trap_clear() }

    /// The conventional exit status for death by `signal`: 128 + its number.
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }
}

extension SignalTrap {
    /// Whether the handlers are installed.
    static var isInstalled: Bool { ns_trap_is_installed() != 0 }

    /// How the installed trap handles `signal`.
    enum Handling: Equatable, Sendable {
        /// Not at all (not installed, not fatal, or found ignored or handled by someone else).
        case none
        /// Recorded for the main loop, which restores the terminal and exits with 128 + signal.
        case polite
        /// Terminal restored in the handler, then death by the signal.
        case fatal
    }

    /// How the installed trap handles `signal`.
    static func handling(of signal: Int32) -> Handling {
        switch ns_trap_kind(signal) {
        case NS_TRAP_POLITE: .polite
        case NS_TRAP_FATAL: .fatal
        default: .none
        }
    }
}
