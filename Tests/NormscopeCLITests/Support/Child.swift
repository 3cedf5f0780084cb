// Running the real `normscope` binary headless: stdout and stderr go to files (no pipe can fill up and
// block it), the signal mask is empty and dispositions default (as in Tmux.swift), and the child can be
// signalled and waited for with a timeout.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// `kill(2)` and `waitpid(2)` under names that do not clash with the methods below.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// One run of a program with captured output.
final class Child {
    /// What a finished run left.
    struct Result: CustomStringConvertible {
        /// Exit status, or 128 + signal when killed.
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
        /// The stderr lines that are not empty.
        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }
    }

    let pid: pid_t
    private let outPath: String
    private let errPath: String
    private var finished: Result?

    /// Starts `argv` (argv[0] is a path or found on PATH) in `directory` with the environment of the tests
    /// plus `environment` (a nil value removes a variable); stdin is /dev/null.
    init(_ argv: [String], directory: String? = nil, environment: [String: String?] = [:]) throws {
        let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        outPath = NSTemporaryDirectory() + "/normscope-child-\(tag).out"
        errPath = NSTemporaryDirectory() + "/normscope-child-\(tag).err"
        var env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
        for (k, v) in environment { env[k] = v }
        var command = argv
        if let directory { command = ["sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory] + argv }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let (pid, rc) = CleanSpawn.spawn(command, environment: env, actions: &actions,
                                         defaults: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH,
                                                    SIGALRM, SIGUSR1, SIGUSR2])
        guard rc == 0 else { throw TmuxError("posix_spawnp \(command[0]) failed: \(String(cString: strerror(rc)))") }
        self.pid = pid
    }

    deinit {
        if finished == nil {
            _ = sendSignal(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        unlink(outPath)
        unlink(errPath)
    }

    /// What the program has written to stderr so far.
    var stderrSoFar: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` to the program.
    func signal(_ signal: Int32) { _ = sendSignal(pid, signal) }

    /// Waits for the program to end (killing it after `timeout`, which then throws).
    @discardableResult
    func wait(timeout: Duration = .seconds(120)) async throws -> Result {
        if let finished { return finished }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw TmuxError("waitpid failed: errno \(errno)") }
            if clock.now >= deadline {
                _ = sendSignal(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                finished = Result(status: -1, stdout: read(outPath), stderr: read(errPath))
                throw TmuxError("timed out after \(timeout); \(finished!)")
            }
            try await Pause.sleep(for: .milliseconds(20))
        }
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        finished = Result(status: code, stdout: read(outPath), stderr: read(errPath))
        return finished!
    }

    /// Polls until the program's stderr contains `text`.
    func waitForStderr(_ text: String, timeout: Duration = .seconds(60)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !stderrSoFar.contains(text) {
            if clock.now >= deadline { throw TmuxError("timed out waiting for \"\(text)\" on stderr: \(stderrSoFar)") }
            var status: Int32 = 0
            if finished != nil || waitpid(pid, &status, WNOHANG) == pid {
                throw TmuxError("the program ended before writing \"\(text)\": \(stderrSoFar)")
            }
            try await Pause.sleep(for: .milliseconds(20))
        }
    }

    private func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `normscope args...` to the end, at most a few at once (`SpawnGate`): `timeout` starts at the spawn.
    static func normscope(_ args: [String], directory: String? = nil, environment: [String: String?] = [:],
                          timeout: Duration = .seconds(120)) async throws -> Result {
        let binary = try Paths.binary()
        await SpawnGate.shared.enter()
        defer { Task { await SpawnGate.shared.leave() } }
        return try await Child([binary] + args, directory: directory, environment: environment).wait(timeout: timeout)
    }
}

/// Where things are: the built binary, the repository, fresh scratch directories.
enum Paths {
    /// The `normscope` executable built beside the tests.
    static func binary() throws -> String {
        try #require(TmuxSession.builtProduct("normscope"), "build the normscope product first (swift build)")
    }

    /// The repository's root (this file is Tests/NormscopeCLITests/Support/Child.swift).
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A recipe in datasets/, by name.
    static func recipe(_ name: String) -> String { repository + "/datasets/\(name).json" }

    /// A new empty directory under the temporary directory (remove it with `removeScratch`).
    static func scratch(_ tag: String = "t") throws -> String {
        let path = NSTemporaryDirectory() + "/normscope-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func removeScratch(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// The names in `directory`, hidden ones included.
    static func contents(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// The small, fast experiment end-to-end tests train: the quick recipe, a narrow network.
enum Tiny {
    static var dataset: [String] { ["--dataset", Paths.recipe("quick")] }
    /// `run` flags for a run of `epochs` epochs on one thread, no progress.
    static func run(epochs: Int = 3) -> [String] {
        ["run"] + dataset + ["--epochs", "\(epochs)", "--hidden", "32,16", "--threads", "1", "--quiet"]
    }
}
