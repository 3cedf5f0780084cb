#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// A signal that ends a headless command while it writes its output leaves no temporary file behind.
///
/// Outputs are written to a hidden `.NAME.tmp-PID-XXXX` beside the output and renamed when complete. Each test
/// waits for that temporary file to appear, sends the signal while it is being written, and checks the exit
/// status, that the output keeps its old contents, and that nothing else is left in the directory. An attempt
/// whose write finished before the signal arrived says nothing, and is tried again (at most three times).
@Suite(.serialized)
struct SignalTemporaryFileTests {
    /// `dataset -o d.csv` writes 55 MB: long enough to be caught mid-write.
    static let bigDataset = ["dataset", "--classes", "100", "--max-per-class", "200", "--imbalance", "1",
                             "--dim", "256", "--test-per-class", "1"]

    @Test("SIGTERM, SIGINT, SIGHUP, SIGQUIT while dataset -o writes: ends 128 + signal, no temporary file left",
          arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT])
    func datasetWrite(signal: Int32) async throws {
        let outcome = try await Self.signalDuringWrite(Self.bigDataset, output: "d.csv", signal: signal)
        let r = try #require(outcome.result, "the write was never caught under way in three attempts")
        #expect(r.status == 128 + signal, "\(r)")
        #expect(outcome.contents == ["d.csv"], "a temporary file was left: \(outcome.contents)")
        #expect(outcome.old, "d.csv keeps its old contents")
    }

    @Test("Ctrl-\\ while run -o writes a large results file: exit 131, no temporary file left")
    func runWrite() async throws {
        let args = ["run", "--classes", "10000", "--max-per-class", "1", "--test-per-class", "1", "--dim", "1",
                    "--hidden", "1", "--epochs", "3", "--quiet"]
        let outcome = try await Self.signalDuringWrite(args, output: "r.json", signal: SIGQUIT)
        let r = try #require(outcome.result, "the write was never caught under way in three attempts")
        #expect(r.status == 128 + SIGQUIT, "\(r)")
        #expect(outcome.contents == ["r.json"], "a temporary file was left: \(outcome.contents)")
        #expect(outcome.old, "r.json keeps its old contents")
    }

    /// Runs `normscope args -o output` in a scratch directory holding `output` ("OLD"), sends `signal` once
    /// the temporary file appears, and returns the result (nil when no attempt caught the write), what the
    /// directory then holds, and whether `output` still reads "OLD".
    static func signalDuringWrite(_ args: [String], output: String, signal: Int32) async throws
        -> (result: Child.Result?, contents: [String], old: Bool) {
        let dir = try Paths.scratch("sigtmp")
        defer { Paths.removeScratch(dir) }
        let out = dir + "/" + output
        for _ in 0..<3 {
            try "OLD".write(toFile: out, atomically: false, encoding: .utf8)
            let child = try Child([try Paths.binary()] + args + ["-o", out])
            // Not caught: the child ended (and was reaped) before its temporary file was seen.
            guard try await waitForTemporary(in: dir, of: output, child: child) else { continue }
            child.signal(signal)
            let r = try await child.wait(timeout: .seconds(60))
            if r.status == 0 { continue }  // the write ended before the signal came
            let old = (try? String(contentsOfFile: out, encoding: .utf8)) == "OLD"
            return (r, Paths.contents(dir), old)
        }
        return (nil, Paths.contents(dir), false)
    }

    /// Polls `dir` every millisecond for `output`'s temporary file; false when `child` ended first.
    static func waitForTemporary(in dir: String, of output: String, child: Child) async throws -> Bool {
        let prefix = ".\(output).tmp-"
        let deadline = ContinuousClock().now + .seconds(300)
        while ContinuousClock().now < deadline {
            if Paths.contents(dir).contains(where: { $0.hasPrefix(prefix) }) { return true }
            var status: Int32 = 0
            if waitpid(child.pid, &status, WNOHANG) == child.pid { return false }
            usleep(1_000)
        }
        throw TmuxError("no temporary file \(prefix)* appeared in 300 s")
    }
}
