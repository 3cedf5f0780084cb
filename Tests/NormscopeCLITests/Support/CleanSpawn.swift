#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawn attributes for a child that starts with a clean signal state: nothing blocked, and `defaults`
/// reset to their default action.
///
/// The test runner blocks and ignores signals that the program under test must receive (Ctrl-C, resize,
/// SIGPIPE); a child spawned with the runner's state would never see them (see STYLE.md).
enum CleanSpawn {
    /// Runs `body` with such attributes; they are destroyed afterwards.
    static func withAttributes<R>(defaults: [Int32], _ body: (inout posix_spawnattr_t) throws -> R) rethrows -> R {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var set = sigset_t()
        sigemptyset(&set)
        for s in defaults { sigaddset(&set, s) }
        posix_spawnattr_setsigdefault(&attr, &set)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attr)
    }

    /// Spawns `argv` (looked up on PATH) with `environment`, `actions` and such attributes; returns the
    /// child's pid and posix_spawnp's result (0 on success).
    static func spawn(_ argv: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
                      defaults: [Int32]) -> (pid: pid_t, rc: Int32) {
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = withAttributes(defaults: defaults) { attr in posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, cEnv) }
        return (pid, rc)
    }
}
