#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Testing

/// Headless commands whose stdout or stderr cannot be written (closed, full, a reader that quit): the
/// output files are still written whole and the exit status is the documented one — never a trap
/// (SIGILL, 132) or SIGPIPE (141) that loses the results.
@Suite("failing standard streams")
struct FailingStreamTests {
    /// `run` of 2 epochs with progress on stderr (not `--quiet`), writing `r.json` in `dir`.
    func runArgs(_ dir: String) -> [String] {
        ["run"] + Tiny.dataset + ["--epochs", "2", "--hidden", "32,16", "--threads", "1", "-o", dir + "/r.json"]
    }

    /// Whether `path` holds complete results of 2 epochs for the five regimes.
    func wholeResults(_ path: String) -> Bool {
        guard let file = try? ResultsFile.load(path: path) else { return false }
        return file.runs.count == 5 && file.runs.allSatisfy { $0.epochsDone == 2 }
    }

    @Test("run writes its results and exits 0 whatever stderr is",
          arguments: [("closed", TestStream.closed), ("full", .full), ("quit reader", .quitReader)])
    func runWithFailingStderr(name: String, stderr: TestStream) async throws {
        let dir = try Paths.scratch("stderr")
        defer { Paths.removeScratch(dir) }
        let status = try await StreamSpawn.run(runArgs(dir), stdout: .file(dir + "/out.txt"), stderr: stderr)
        #expect(status == 0, "stderr \(name)")
        #expect(wholeResults(dir + "/r.json"), "stderr \(name): the results file is whole")
        #expect(Paths.contents(dir) == ["out.txt", "r.json"], "no temporary file left")
        let out = (try? String(contentsOfFile: dir + "/out.txt", encoding: .utf8)) ?? ""
        #expect(out.contains("wd+maxnorm"), "the summary still reaches stdout: \(out)")
    }

    @Test("run 2>&1 | head -1 (both streams to a reader that quit): results whole, exit 0")
    func runWithBothStreamsToQuitReader() async throws {
        let dir = try Paths.scratch("both")
        defer { Paths.removeScratch(dir) }
        let status = try await StreamSpawn.run(runArgs(dir), stdout: .quitReader, stderr: .quitReader)
        #expect(status == 0)
        #expect(wholeResults(dir + "/r.json"))
    }

    @Test("the literal shell pipeline: run ... -o r.json 2>&1 | head -1")
    func literalHeadPipeline() async throws {
        let dir = try Paths.scratch("head")
        defer { Paths.removeScratch(dir) }
        let command = ([try Paths.binary()] + runArgs(dir)).map { "'\($0)'" }.joined(separator: " ")
        let r = try await Child(["bash", "-c", "\(command) 2>&1 | head -1; exit ${PIPESTATUS[0]}"]).wait()
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("normscope: "), "head got the first line: \(r.stdout)")
        #expect(wholeResults(dir + "/r.json"))
    }

    @Test("run > /dev/full: the results file is written, then exit 74 for the lost summary")
    func runWithFullStdout() async throws {
        let dir = try Paths.scratch("full")
        defer { Paths.removeScratch(dir) }
        let status = try await StreamSpawn.run(runArgs(dir), stdout: .full, stderr: .file(dir + "/err.txt"))
        #expect(status == 74)
        #expect(wholeResults(dir + "/r.json"))
        let err = (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? ""
        #expect(err.contains("cannot write to standard output: No space left on device"), "\(err)")
    }

    @Test("help and version > /dev/full: one line and exit 74, not a silent 0",
          arguments: [["--help"], ["--version"], ["run", "--help"], ["help", "figure"]])
    func helpWithFullStdout(_ args: [String]) async throws {
        let dir = try Paths.scratch("helpfull")
        defer { Paths.removeScratch(dir) }
        let status = try await StreamSpawn.run(args, stdout: .full, stderr: .file(dir + "/err.txt"))
        #expect(status == 74, "\(args)")
        let err = (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? ""
        #expect(err.split(separator: "\n").count == 1 && err.contains("cannot write to standard output"), "\(args): \(err)")
        let ok = try await StreamSpawn.run(args, stdout: .file(dir + "/out.txt"), stderr: .file(dir + "/err2.txt"))
        #expect(ok == 0, "\(args) to a file")
        let out = (try? String(contentsOfFile: dir + "/out.txt", encoding: .utf8)) ?? ""
        #expect(out.contains(args.contains("--version") ? "." : "USAGE"), "\(args): \(out)")
    }

    @Test("run >&- 2>&- (both closed): nothing lands in the results file, exit 0")
    func runWithBothClosed() async throws {
        let dir = try Paths.scratch("closed")
        defer { Paths.removeScratch(dir) }
        let status = try await StreamSpawn.run(runArgs(dir), stdout: .closed, stderr: .closed)
        #expect(status == 0)
        #expect(wholeResults(dir + "/r.json"), "a file opened as descriptor 1 or 2 would have taken the messages")
    }

    @Test("an error with a failing stderr keeps its exit status (73, not a trap)",
          arguments: [TestStream.closed, .full, .quitReader])
    func errorWithFailingStderr(stderr: TestStream) async throws {
        let dir = try Paths.scratch("err")
        defer { Paths.removeScratch(dir) }
        let args = ["run"] + Tiny.dataset + ["--epochs", "2", "-o", dir + "/missing/r.json"]
        #expect(try await StreamSpawn.run(args, stdout: .quitReader, stderr: stderr) == 73)
        let bad = ["run"] + Tiny.dataset + ["--epochs", "0"]
        #expect(try await StreamSpawn.run(bad, stdout: .quitReader, stderr: stderr) == 64)
    }

    @Test("reproduce 2>&1 | head -1: the report files are written, exit 0; without -o too")
    func reproduceToQuitReader() async throws {
        let dir = try Paths.scratch("repro")
        defer { Paths.removeScratch(dir) }
        let args = ["reproduce"] + Tiny.dataset + ["--epochs", "1", "--stage2-epochs", "1", "--hidden", "16", "--seeds", "1",
                                                   "--imbalances", "10", "--threads", "1"]
        #expect(try await StreamSpawn.run(args + ["-o", dir + "/rep"], stdout: .quitReader, stderr: .quitReader) == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/rep.md") && FileManager.default.fileExists(atPath: dir + "/rep.json"))
        #expect(try await StreamSpawn.run(args, stdout: .quitReader, stderr: .quitReader) == 0)
        #expect(try await StreamSpawn.run(args, stdout: .full, stderr: .closed) == 74, "the table is lost: 74")
    }

    @Test("dataset and figure with a failing stderr write their files")
    func datasetAndFigure() async throws {
        let dir = try Paths.scratch("dsfig")
        defer { Paths.removeScratch(dir) }
        #expect(try await StreamSpawn.run(["dataset"] + Tiny.dataset + ["-o", dir + "/d.csv"], stdout: .quitReader, stderr: .quitReader) == 0)
        #expect(((try? String(contentsOfFile: dir + "/d.csv", encoding: .utf8)) ?? "").hasPrefix("label,split,"))
        #expect(try await StreamSpawn.run(runArgs(dir), stdout: .closed, stderr: .closed) == 0)
        #expect(try await StreamSpawn.run(["figure", dir + "/r.json", "-o", dir + "/f.svg"], stdout: .full, stderr: .quitReader) == 0)
        #expect(((try? String(contentsOfFile: dir + "/f.svg", encoding: .utf8)) ?? "").hasSuffix("</svg>\n"))
        #expect(try await StreamSpawn.run(["dataset", "--list"], stdout: .full, stderr: .quitReader) == 74)
    }
}
