#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Testing

/// Every command that writes, through the real binary, over a table of odd output paths: the result is
/// either the right file written whole (links followed) or one line of error, a non-zero exit and
/// nothing touched.
@Suite("output paths")
struct OutputPathTests {
    /// A command that writes a file with `-o`.
    enum Command: String, CaseIterable, Sendable {
        case run, figure, dataset, reproduce

        /// Its arguments without `-o`, reading `q.json` (a recipe) or `r.json` (results) in the directory.
        var arguments: [String] {
            switch self {
            case .run: return ["run", "--dataset", "q.json", "--epochs", "2", "--hidden", "32,16", "--threads", "1"]
            case .figure: return ["figure", "r.json"]
            case .dataset: return ["dataset", "--dataset", "q.json"]
            case .reproduce:
                return ["reproduce", "--dataset", "q.json", "--classes", "8", "--max-per-class", "60", "--test-per-class", "5",
                        "--epochs", "2", "--hidden", "12", "--seeds", "1", "--imbalances", "5", "--stage2-epochs", "1",
                        "--wd-grid", "0.01", "--tau-grid", "0,1", "--threads", "1", "--no-timings"]
            }
        }

        /// The input file it reads, relative to the directory.
        var input: String { self == .figure ? "r.json" : "q.json" }

        /// The files `-o arg` writes, relative to the directory (before links are followed).
        func files(_ arg: String, isDirectory: Bool = false) -> [String] {
            guard self == .reproduce else { return [arg] }
            return isDirectory ? [arg + "/reproduce.md", arg + "/reproduce.json"] : [arg + ".md", arg + ".json"]
        }

        /// Whether `text` is a complete output of this command written to `file`.
        func isComplete(_ data: Data, file: String) -> Bool {
            let text = String(decoding: data, as: UTF8.self)
            switch self {
            case .run: return (try? JSONDecoder().decode(ResultsFile.self, from: data))?.runs.count == 5
            case .figure: return text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n")
            case .dataset: return text.hasPrefix("label,split,x0,") && text.hasSuffix("\n")
            case .reproduce:
                return file.hasSuffix(".md") ? text.contains("| Method |")
                    : (try? JSONDecoder().decode(ReproduceReport.self, from: data))?.rows.count == 7
            }
        }
    }

    /// What an odd path must give.
    enum Outcome: Equatable {
        /// Exit 73, one line of error, nothing touched.
        case refused
        /// Exit 0; the command's files (links followed) written whole, nothing else touched.
        case written
        /// Exit 0; the data on standard output, nothing in the directory touched.
        case standardOutput
    }

    /// One odd output path.
    struct OddPath: CustomTestStringConvertible, Sendable {
        var name: String
        /// The `-o` argument for a command.
        var argument: @Sendable (Command) -> String
        /// Prepares the directory for `command`, whose outputs for that argument are `files`.
        var setup: @Sendable (_ dir: String, _ files: [String], _ command: Command) throws -> Void = { _, _, _ in }
        var outcome: @Sendable (Command) -> Outcome
        var testDescription: String { name }
    }

    static let cases: [OddPath] = [
        OddPath(name: "a new path", argument: { _ in "new.out" }, outcome: { _ in .written }),
        OddPath(name: "an existing regular file", argument: { _ in "old.out" },
                setup: { dir, files, _ in for f in files { try "OLD".write(toFile: dir + "/" + f, atomically: false, encoding: .utf8) } },
                outcome: { _ in .written }),
        OddPath(name: "/dev/null", argument: { _ in "/dev/null" }, outcome: { _ in .refused }),
        OddPath(name: "a directory", argument: { _ in "outdir" },
                setup: { dir, _, _ in try FileManager.default.createDirectory(atPath: dir + "/outdir", withIntermediateDirectories: false) },
                outcome: { $0 == .reproduce ? .written : .refused }),
        OddPath(name: "a FIFO", argument: { _ in "pipe" },
                setup: { dir, files, _ in for f in Set(files + ["pipe"]) { guard mkfifo(dir + "/" + f, 0o644) == 0 else { throw POSIXError(.EIO) } } },
                outcome: { _ in .refused }),
        OddPath(name: "a dangling symlink", argument: { _ in "dangling" },
                setup: { dir, files, _ in
                    for (i, f) in files.enumerated() {
                        try FileManager.default.createSymbolicLink(atPath: dir + "/" + f, withDestinationPath: "fresh-\(i).target")
                    }
                },
                outcome: { _ in .written }),
        OddPath(name: "a symlink to a regular file", argument: { _ in "link" },
                setup: { dir, files, _ in
                    for (i, f) in files.enumerated() {
                        try "OLD".write(toFile: dir + "/real-\(i).target", atomically: false, encoding: .utf8)
                        try FileManager.default.createSymbolicLink(atPath: dir + "/" + f, withDestinationPath: "real-\(i).target")
                    }
                },
                outcome: { _ in .written }),
        OddPath(name: "spaces and unicode", argument: { _ in "my out é ü 日本" }, outcome: { _ in .written }),
        // A blank at either end of the name: easy to miss, and it hides the extension that picks the format.
        OddPath(name: "a leading blank", argument: { _ in " lead.out" }, outcome: { _ in .refused }),
        OddPath(name: "a trailing blank", argument: { _ in "trail.out " },
                outcome: { $0 == .reproduce ? .written : .refused }),  // reproduce writes 'trail.out .md'
        OddPath(name: "only a blank", argument: { _ in " " }, outcome: { _ in .refused }),
        OddPath(name: "a 300-character name", argument: { _ in String(repeating: "n", count: 300) }, outcome: { _ in .refused }),
        OddPath(name: "a trailing slash", argument: { _ in "newdir/" }, outcome: { _ in .refused }),
        OddPath(name: "the input spelled differently", argument: { $0 == .reproduce ? "./q" : "./" + $0.input },
                outcome: { _ in .refused }),
        OddPath(name: "a symlink to the input", argument: { _ in "inlink" },
                setup: { dir, files, command in
                    for f in files { try FileManager.default.createSymbolicLink(atPath: dir + "/" + f, withDestinationPath: command.input) }
                },
                outcome: { _ in .refused }),
        OddPath(name: "-", argument: { _ in "-" }, outcome: { _ in .standardOutput }),
        OddPath(name: "/dev/stdout", argument: { _ in "/dev/stdout" }, outcome: { _ in .standardOutput }),
    ]

    /// A small results file for `figure`, trained once.
    static let resultsBytes: Data = {
        let recipe = DatasetRecipe(name: "tiny", classes: 6, dimension: 4, maxPerClass: 40, imbalance: 10,
                                   testPerClass: 4, modesPerClass: 1, latentDimension: 3, noise: 0.5)
        let r = Experiment(recipe: recipe, config: TrainingConfig(hidden: [8], epochs: 2)).run(threads: 1, timings: false)
        return (try? r.encoded()) ?? Data()
    }()

    /// Everything under `dir` (subdirectories included): relative name to kind and contents.
    static func snapshot(_ dir: String) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ relative: String) {
            for name in Paths.contents(relative.isEmpty ? dir : dir + "/" + relative) {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let full = dir + "/" + rel
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK: out[rel] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                case S_IFDIR: out[rel] = "directory"; walk(rel)
                case S_IFREG: out[rel] = "file " + String(decoding: FileManager.default.contents(atPath: full) ?? Data(), as: UTF8.self)
                case S_IFIFO: out[rel] = "fifo"
                default: out[rel] = "other"
                }
            }
        }
        walk("")
        return out
    }

    @Test("every writing command over every odd path: the file written whole, or one line, exit 73 and nothing touched",
          arguments: Command.allCases, cases)
    func oddPath(command: Command, odd: OddPath) async throws {
        let dir = try Paths.scratch("odd")
        defer { Paths.removeScratch(dir) }
        try Data(contentsOf: URL(fileURLWithPath: Paths.recipe("quick"))).write(to: URL(fileURLWithPath: dir + "/q.json"))
        try Self.resultsBytes.write(to: URL(fileURLWithPath: dir + "/r.json"))
        let arg = odd.argument(command)
        let outcome = odd.outcome(command)
        let files = command.files(arg, isDirectory: odd.name == "a directory")
        try odd.setup(dir, files, command)
        let before = Self.snapshot(dir)

        let r = try await Child.normscope(command.arguments + ["-o", arg], directory: dir, timeout: .seconds(90))
        let after = Self.snapshot(dir)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")

        switch outcome {
        case .refused:
            #expect(r.status == 73, "\(r)")
            #expect(r.stdout.isEmpty, "nothing on stdout: \(r)")
            #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("normscope: error: cannot write "), "\(r)")
            #expect(after == before, "nothing touched")
        case .standardOutput:
            #expect(r.status == 0, "\(r)")
            #expect(command.isComplete(Data(r.stdout.utf8), file: "stdout.json"), "stdout is exactly the data: \(r.stdout.prefix(300))")
            #expect(after == before, "nothing written in the directory")
        case .written:
            #expect(r.status == 0, "\(r)")
            var targets: [String] = []
            for f in files {
                var target = f
                if let link = before[f], link.hasPrefix("link -> ") {
                    #expect(after[f] == link, "\(f) is still the same link")
                    target = String(link.dropFirst("link -> ".count))
                }
                targets.append(target)
                let data = try #require(FileManager.default.contents(atPath: dir + "/" + target), "\(target) written")
                #expect(command.isComplete(data, file: f), "\(target) holds the whole output of \(f)")
            }
            for key in Set(before.keys).union(after.keys) where !targets.contains(key) {
                #expect(before[key] == after[key], "\(key) untouched (no temporary or probe file left)")
            }
        }
    }

    // MARK: - The reported symptoms

    @Test("the reported symptoms are refused before any work, in one line, exit 73, the inputs intact", arguments: [
        ["run", "--dataset", "d.csv", "--epochs", "1000000", "-o", "d.csv"],
        ["run", "--dataset", "d.csv", "--epochs", "1000000", "-o", "/dev/null"],
        ["run", "--dataset", "d.csv", "--epochs", "1000000", "-o", String(repeating: "n", count: 300) + ".json"],
        ["figure", "r.json", "-o", "r.json"],
        ["dataset", "--dataset", "d.csv", "-o", "d.csv"],
        ["reproduce", "--epochs", "1000000", "-o", "/nonexistent-dir/table"],
        ["reproduce", "--epochs", "1000000", "-o", "/dev/null"],
    ])
    func symptoms(_ args: [String]) async throws {
        let dir = try Paths.scratch("symptom")
        defer { Paths.removeScratch(dir) }
        try BadFileTests.good.write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        try Self.resultsBytes.write(to: URL(fileURLWithPath: dir + "/r.json"))
        let before = Self.snapshot(dir)
        let r = try await Child.normscope(args, directory: dir, timeout: .seconds(30))
        #expect(r.status == 73, "\(r)")
        #expect(r.stdout.isEmpty && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.hasPrefix("normscope: error: cannot write " + args.last!) && !r.stderr.contains(" training / "), "\(r)")
        #expect(Self.snapshot(dir) == before, "nothing touched")
    }

    @Test("reproduce -o DIR writes DIR/reproduce.md and DIR/reproduce.json, nothing beside the directory")
    func reproduceIntoDirectory() async throws {
        let dir = try Paths.scratch("reprodir")
        defer { Paths.removeScratch(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/tables", withIntermediateDirectories: false)
        let args = Array(Command.reproduce.arguments.dropFirst(3))  // without --dataset q.json
        let r = try await Child.normscope(["reproduce"] + args + ["-o", "tables"], directory: dir)
        #expect(r.status == 0, "\(r)")
        #expect(Paths.contents(dir) == ["tables"])
        #expect(Paths.contents(dir + "/tables") == ["reproduce.json", "reproduce.md"])
        #expect(r.stderr.contains("wrote tables/reproduce.md and tables/reproduce.json"), "\(r)")
    }

    // MARK: - Standard output

    @Test("run -o -: stdout is exactly the results JSON; the summary and progress go to stderr")
    func runToStandardOutput() async throws {
        let dir = try Paths.scratch("stdout")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(Array(Tiny.run(epochs: 2).dropLast()) + ["-o", "-"], directory: dir)
        #expect(r.status == 0, "\(r)")
        let file = try JSONDecoder().decode(ResultsFile.self, from: Data(r.stdout.utf8))
        #expect(file.runs.count == 5 && file.runs.allSatisfy { $0.epochsDone == 2 })
        #expect(r.stderr.contains("100%") && r.stderr.contains("wd+maxnorm") && r.stderr.contains("regime"), "\(r.stderr)")
        #expect(r.stderr.contains("wrote the results to standard output"), "\(r.stderr)")
        #expect(Paths.contents(dir).isEmpty)
    }

    @Test("standard output that cannot be written (/dev/full): the data are saved in $TMPDIR, exit 73", arguments: [
        (Command.run, "normscope-results-"), (Command.reproduce, "normscope-reproduce-"),
    ])
    func standardOutputFull(command: Command, rescuePrefix: String) async throws {
        let dir = try Paths.scratch("full")
        let tmp = try Paths.scratch("fulltmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        try Data(contentsOf: URL(fileURLWithPath: Paths.recipe("quick"))).write(to: URL(fileURLWithPath: dir + "/q.json"))
        let argv = [try Paths.binary()] + command.arguments + ["--quiet", "-o", "-"]
        let script = "cd \"$1\" && shift && exec \"$@\" > /dev/full"
        let r = try await Child(["sh", "-c", script, "sh", dir] + argv, environment: ["TMPDIR": tmp]).wait()
        #expect(r.status == 73, "\(r)")
        #expect(r.stderr.contains("cannot write to standard output: No space left on device") && r.stderr.contains("saved to "), "\(r)")
        let rescued = Paths.contents(tmp).filter { $0.hasPrefix(rescuePrefix) }
        #expect(rescued.count == 1, "\(Paths.contents(tmp))")
        if let name = rescued.first {
            let data = try #require(FileManager.default.contents(atPath: tmp + "/" + name))
            #expect(command.isComplete(data, file: name))
        }
    }

    @Test("a report printed to standard output that cannot take it (/dev/full) is an error, exit 74, not a silent 0",
          arguments: [["run"] + Tiny.dataset + ["--epochs", "2", "--hidden", "8", "--quiet"], ["dataset", "--list"]])
    func printedReportToFullDevice(arguments: [String]) async throws {
        let argv = [try Paths.binary()] + arguments
        let r = try await Child(["sh", "-c", "exec \"$@\" > /dev/full", "sh"] + argv).wait()
        #expect(r.status == 74, "\(r)")
        #expect(r.stderrLines.last?.hasPrefix("normscope: error: cannot write to standard output") == true, "\(r)")
    }

    // MARK: - Paths that change during a run

    @Test("an output path that turns into a FIFO during training is not touched; the results are saved in $TMPDIR")
    func becomesFIFO() async throws {
        let dir = try Paths.scratch("fifo")
        let tmp = try Paths.scratch("fifotmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        let out = dir + "/r.json"
        let child = try Child([try Paths.binary()] + ["run"] + Tiny.dataset
                              + ["--epochs", "1000000", "--hidden", "32,16", "--threads", "1", "-o", out],
                              environment: ["TMPDIR": tmp])
        try await child.waitForStderr(" training / ")
        #expect(mkfifo(out, 0o644) == 0)
        child.signal(SIGINT)
        let r = try await child.wait(timeout: .seconds(60))
        #expect(r.status == 73, "\(r)")
        #expect(r.stderr.contains("cannot write \(out): it is now a FIFO (named pipe), not a regular file"), "\(r.stderr)")
        var info = stat()
        #expect(lstat(out, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is left alone")
        #expect(Paths.contents(dir) == ["r.json"])
        #expect(Paths.contents(tmp).filter { $0.hasPrefix("normscope-results-") }.count == 1, "\(Paths.contents(tmp))")
    }
}
