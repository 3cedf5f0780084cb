// A tmux harness for end-to-end tests of the terminal UI.
//
// tmux is started with posix_spawnp and an EMPTY signal mask with default dispositions: Foundation's
// Process hands the test runner's blocked signal mask to the child (Ctrl-C and resize then never
// arrive in the pane) and can hang waiting on a detached tmux server. Every session has its own
// server on a private socket (`tmux -L name`), so tests can run in parallel; `kill()` ends it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `kill(2)`, named apart from `TmuxSession.kill()`.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// Serialises pipe creation and spawning (see `TmuxSession.spawn`).
private let spawnLock = NSLock()

/// A failure of the harness itself (tmux missing, a tmux command failing, a wait timing out).
struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One detached tmux session on a private server, running one program in a pane of a fixed size.
///
///     let tmux = try TmuxSession(["/path/to/normscope", "watch"], width: 100, height: 30)
///     defer { tmux.kill() }
///     try await tmux.waitFor(text: "normscope")
///     try tmux.sendKeys("q")
///     #expect(try await tmux.waitForExit() == 0)
final class TmuxSession {
    /// The private server's socket name (`tmux -L`).
    let socketName: String
    /// The session's name on that server.
    let sessionName = "main"
    private(set) var width: Int
    private(set) var height: Int
    private let tmux: String
    private let configPath: String
    private let statusPath: String
    private var killed = false

    /// How the program ended.
    struct Exit: Equatable, CustomStringConvertible {
        /// The exit status as a shell reports it: 128 + signal for a program killed by a signal.
        var status: Int32
        /// Whether the tty modes (`stty -g`) after the program are those before it.
        var ttyRestored: Bool
        var description: String { "exit status \(status), tty \(ttyRestored ? "restored" : "NOT restored")" }
    }

    /// The pane runs the program under this shell (argv: status file, program...). It survives the
    /// keyboard's Ctrl-C and Ctrl-\\ (trapped, so the program still gets them at their default) but
    /// not the hangup of `kill()`; once the program has ended it writes the
    /// program's exit status and whether the tty modes came back to the status file, then sleeps:
    /// the pane stays alive, so the terminal state the program left (`#{cursor_flag}`,
    /// `#{alternate_on}`, the screen) can be inspected. (tmux 3.3's own `#{pane_dead_status}` is
    /// sometimes never filled in, and a dead pane always reports a hidden cursor.)
    static let wrapper = """
        trap : INT QUIT
        f=$1; shift
        before=$(stty -g)
        : > "$f.started"
        "$@"
        status=$?
        if [ "$before" = "$(stty -g)" ]; then tty=same; else tty=changed; fi
        echo "$status $tty" > "$f.tmp" && mv "$f.tmp" "$f"
        exec sleep 86400
        """

    /// Starts a server and a `width` x `height` session running `command` (an argv, no shell; use
    /// `["sh", "-c", "..."]` for shell syntax) in a clean environment: `LANG`/`LC_ALL`, `TERM`,
    /// `PATH`, `HOME`, `TMPDIR`, plus `environment` (e.g. `["NO_COLOR": "1"]`).
    /// Throws if tmux is not installed: end-to-end tests must not silently skip.
    init(_ command: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
         term: String = "xterm-256color", lang: String = "C.UTF-8", directory: String? = nil) throws {
        guard let tmux = Self.which("tmux") else {
            throw TmuxError("tmux is not installed: end-to-end tests need it (apt-get install tmux)")
        }
        precondition(!command.isEmpty, "TmuxSession needs a command")
        self.tmux = tmux
        self.width = width
        self.height = height
        socketName = "normscope-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        configPath = NSTemporaryDirectory() + "/\(socketName).conf"
        statusPath = NSTemporaryDirectory() + "/\(socketName).status"
        // remain-on-exit (without its banner) keeps the pane should the wrapper itself die; no status
        // line, so the program gets all `height` rows; escape-time 0 so ESC reaches it at once.
        let config = """
            set -g remain-on-exit on
            set -g remain-on-exit-format ""
            set -g status off
            set -sg escape-time 0
            set -g history-limit 2000
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        // A clean environment (`env -i`), so the pane does not depend on the test runner's (swift test
        // may set NO_COLOR, a developer may run inside tmux...): PATH, HOME and TMPDIR pass through.
        let outer = ProcessInfo.processInfo.environment
        var env = ["LANG": lang, "LC_ALL": lang, "TERM": term, "PATH": outer["PATH"] ?? "/usr/bin:/bin"]
        for name in ["HOME", "TMPDIR"] { if let v = outer[name] { env[name] = v } }
        env.merge(environment) { _, new in new }
        let assignments = env.keys.sorted().map { Self.shellQuote("\($0)=\(env[$0]!)") }
        let wrapped = ["sh", "-c", Self.wrapper, "sh", statusPath] + command
        let paneCommand = "exec env -i " + (assignments + wrapped.map(Self.shellQuote)).joined(separator: " ")
        var args = ["-f", configPath, "new-session", "-d", "-s", sessionName, "-x", "\(width)", "-y", "\(height)"]
        if let directory { args += ["-c", directory] }
        args.append(paneCommand)
        let result = try run(args)
        guard result.status == 0 else {
            try? FileManager.default.removeItem(atPath: configPath)
            throw TmuxError("tmux new-session failed (\(result.status)): \(result.output)")
        }
    }

    deinit { kill() }

    // MARK: - Commands

    /// The output and exit status of one tmux command.
    struct CommandResult {
        var status: Int32
        var output: String
    }

    /// Runs `tmux -L <socket> args...` and returns its combined stdout/stderr and exit status.
    @discardableResult
    func run(_ args: [String]) throws -> CommandResult {
        try Self.spawn([tmux, "-L", socketName] + args)
    }

    /// Runs a tmux command that must succeed, returning its output.
    @discardableResult
    func checked(_ args: [String]) throws -> String {
        let r = try run(args)
        guard r.status == 0 else { throw TmuxError("tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.output)") }
        return r.output
    }

    /// Sends keys by tmux name: "q", "C-c", "C-l", "Enter", "Escape", "Up", "F1", ...
    func sendKeys(_ keys: String...) throws {
        try checked(["send-keys", "-t", sessionName] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws {
        try checked(["send-keys", "-t", sessionName, "-l", text])
    }

    /// The pane's visible screen as text (trailing spaces trimmed by tmux), with SGR colour escapes
    /// when `withColors` (`capture-pane -e`).
    func capture(withColors: Bool = false) throws -> String {
        try checked(["capture-pane", "-p", "-t", sessionName] + (withColors ? ["-e"] : []))
    }

    /// Resizes the window (and so the pane); the program gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try checked(["resize-window", "-t", sessionName, "-x", "\(width)", "-y", "\(height)"])
        self.width = width
        self.height = height
    }

    /// A tmux format evaluated for the pane, e.g. "#{pane_current_command}".
    func format(_ format: String) throws -> String {
        try checked(["display-message", "-p", "-t", sessionName, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the program (the child of the pane's wrapper shell); waits up to 5 s for it to
    /// start, nil once it has ended.
    func programPID() throws -> pid_t? {
        guard let pane = pid_t(try format("#{pane_pid}")) else { throw TmuxError("no pane pid") }
        for _ in 0..<500 {
            if try exitStatus() != nil { return nil }
            if access(statusPath + ".started", F_OK) == 0 {
                let text = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
                if let pid = text.split(separator: " ").compactMap({ pid_t($0) }).first { return pid }
            }
            usleep(10_000)
        }
        throw TmuxError("the program did not start within 5 s")
    }

    /// Sends `signal` to the program (e.g. SIGTERM, SIGHUP).
    func signal(_ signal: Int32) throws {
        guard let pid = try programPID() else { throw TmuxError("the program has already ended") }
        guard sendSignal(pid, signal) == 0 else { throw TmuxError("kill(\(pid), \(signal)) failed: errno \(errno)") }
    }

    /// How the program ended, or nil while it runs.
    func exitStatus() throws -> Exit? {
        guard let text = try? String(contentsOfFile: statusPath, encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2, let status = Int32(fields[0]) else { throw TmuxError("bad status file: \(text)") }
        return Exit(status: status, ttyRestored: fields[1] == "same")
    }

    /// Whether the program is still running.
    var isRunning: Bool { ((try? exitStatus()) ?? nil) == nil }

    /// Ends the server (idempotent; call it in a `defer`).
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: configPath)
        try? FileManager.default.removeItem(atPath: statusPath)
        try? FileManager.default.removeItem(atPath: statusPath + ".started")
        // tmux leaves the socket file behind.
        let tmpdir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(tmpdir)/tmux-\(getuid())/\(socketName)")
    }

    // MARK: - Waiting

    /// Polls the screen until `predicate` holds; returns that screen. On timeout throws an error
    /// that shows the last screen.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(10), withColors: Bool = false,
                 _ what: String = "condition", _ predicate: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while true {
            screen = try capture(withColors: withColors)
            if predicate(screen) { return screen }
            if clock.now >= deadline { break }
            try await Pause.sleep(for: .milliseconds(50))
        }
        throw TmuxError("timed out after \(timeout) waiting for \(what); screen was:\n\(screen)")
    }

    /// Polls the screen until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitFor(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits for the program to end and returns its exit status (128 + signal if killed).
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
        try await waitForExitDetail(timeout: timeout).status
    }

    /// Waits for the program to end and returns how it ended.
    func waitForExitDetail(timeout: Duration = .seconds(10)) async throws -> Exit {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let exit = try exitStatus() { return exit }
            if clock.now >= deadline { break }
            try await Pause.sleep(for: .milliseconds(50))
        }
        let screen = (try? capture()) ?? "?"
        throw TmuxError("timed out after \(timeout) waiting for the program to exit; screen was:\n\(screen)")
    }

    // MARK: - Helpers

    /// Quotes `s` for a POSIX shell.
    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The full path of `program` found on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A product built next to the test bundle (e.g. "normscope" in .build/debug), or nil.
    static func builtProduct(_ name: String) -> String? {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name).path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// Runs `argv` with posix_spawnp, an empty signal mask and default signal dispositions, stdin
    /// from /dev/null, stdout and stderr into one pipe that is read to EOF before waiting.
    static func spawn(_ argv: [String]) throws -> CommandResult {
        // pipe + FD_CLOEXEC and the spawn happen under one lock, so a spawn on another thread cannot
        // inherit this pipe's write end (that would keep it open and the read below would never end).
        spawnLock.lock()
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            spawnLock.unlock()
            throw TmuxError("pipe failed: errno \(errno)")
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)

        // The environment minus TMUX (so a test run from inside tmux does not talk to that server).
        let env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
            .map { "\($0.key)=\($0.value)" }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = CleanSpawn.withAttributes(defaults: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH,
                                                      SIGTSTP, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1, SIGUSR2]) { attr in
            posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        }
        close(writeEnd)
        spawnLock.unlock()
        guard rc == 0 else {
            close(readEnd)
            throw TmuxError("posix_spawnp \(argv[0]) failed: \(String(cString: strerror(rc)))")
        }

        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if n > 0 { output += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(readEnd)

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TmuxError("waitpid failed: errno \(errno)") }
        }
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return CommandResult(status: exitCode, output: String(decoding: output, as: UTF8.self))
    }
}
