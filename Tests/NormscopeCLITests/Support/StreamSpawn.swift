// Running the real `normscope` binary with standard output and standard error set up to fail: closed, a
// full device, or a pipe whose reader has already quit, deterministically (the read end is closed before
// the program starts, so no race with a `head -1` decides the outcome).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// One of the program's output descriptors, as a test wants it.
enum TestStream {
    /// A file the test reads afterwards.
    case file(String)
    /// Not open at all (`2>&-`).
    case closed
    /// `/dev/full`: every write fails with ENOSPC.
    case full
    /// A pipe whose reader has quit (`| head -1` after head read its line): EPIPE, or SIGPIPE.
    case quitReader
}

/// Starts normscope with chosen stdout and stderr and waits for it.
enum StreamSpawn {
    /// Runs `normscope args...` in `directory` with `stdout` and `stderr` as given (stdin /dev/null) and
    /// `environment` added; `fileSizeLimit` runs it under `ulimit <flag> <blocks>` (e.g. `-S -f 4`).
    /// Returns the exit status (128 + signal when killed).
    static func run(_ args: [String], stdout: TestStream, stderr: TestStream, directory: String? = nil,
                    environment: [String: String] = [:], ulimit: String? = nil,
                    timeout: Duration = .seconds(120)) async throws -> Int32 {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw TmuxError("pipe failed: errno \(errno)") }
        close(pipeEnds[0])  // the reader has quit before the program writes anything
        defer { close(pipeEnds[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (fd, stream) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch stream {
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .closed: posix_spawn_file_actions_addclose(&actions, fd)
            case .full: posix_spawn_file_actions_addopen(&actions, fd, "/dev/full", O_WRONLY, 0)
            case .quitReader: posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], fd)
            }
        }
        var argv = [try Paths.binary()] + args
        var script = "exec \"$@\""
        if let ulimit { script = "ulimit \(ulimit) && " + script }
        if let directory { script = "cd \"$1\" && shift && " + script; argv.insert(directory, at: 0) }
        argv = ["sh", "-c", script, "sh"] + argv
        var env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
        env.merge(environment) { _, new in new }
        let (pid, rc) = CleanSpawn.spawn(argv, environment: env, actions: &actions,
                                         defaults: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGCHLD])
        guard rc == 0 else { throw TmuxError("posix_spawnp failed: \(String(cString: strerror(rc)))") }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) != pid {
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw TmuxError("normscope \(args) timed out after \(timeout)")
            }
            try await Pause.sleep(for: .milliseconds(20))
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
