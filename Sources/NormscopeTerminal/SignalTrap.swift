#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Termination signals turned into a flag that the UI loop polls.
///
/// The handlers (in the C shim) only store the signal number, which is all a handler may safely do;
/// the loop notices it through `pending`, restores the terminal and exits with 128 + signal.
/// A second signal before that (a stuck loop) restores tty modes and exits from the handler.
/// Crash signals (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, ...) restore the terminal and are then passed
/// on to their previous handler. SIGWINCH and SIGTSTP are left to ncurses.
public enum SignalTrap {
    /// Installs the handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT (idempotent). Call before the
    /// screen starts, so ncurses keeps its own handlers off these signals.
    public static func install() {
        ns_trap_install()
        ns_install_atexit()
    }

    /// Restores the signal dispositions found by `install()`.
    public static func uninstall() { ns_trap_uninstall() }

    /// The first trapped signal's number, or nil.
    public static var pending: Int32? {
        let s = ns_trap_pending()
        return s == 0 ? nil : s
    }

    /// Forgets a trapped signal.
    public static func clear() { ns_trap_clear() }

    /// The conventional exit status for death by `signal`: 128 + its number.
    public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }
}

extension SignalTrap {
    /// Whether the handlers are installed.
    public static var isInstalled: Bool { ns_trap_is_installed() != 0 }
}
