import Synchronization

/// The lock of ncurses' process-wide state, for the tests that use ncurses inside the test process.
///
/// ncurses keeps one current terminal (`cur_term`, `SP`) per process and is not thread-safe: a test that loads a
/// terminfo entry (`setupterm`) and one that opens a screen on a pipe (`newterm`) must not run at once.
enum InProcessNcurses {
    private static let lock = Mutex(())

    /// Runs `body` while no other test uses ncurses in this process.
    static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock { _ in try body() }
    }
}
