#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Testing

/// `normscope run` end to end: reproducible files, divergence, signals, and output that cannot be written.
@Suite("normscope run")
struct RunCommandTests {
    /// The results file at `path`, decoded.
    func results(_ path: String) throws -> ResultsFile { try ResultsFile.load(path: path) }

    /// The parsed JSON object at `path`.
    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: - Reproducibility

    @Test("same seed and flags: the same JSON byte for byte across runs and thread counts; it records version and settings")
    func byteIdentical() async throws {
        let dir = try Paths.scratch("repro")
        defer { Paths.removeScratch(dir) }
        let flags = ["run"] + Tiny.dataset + ["--epochs", "3", "--hidden", "32,16", "--seed", "7", "--quiet"]
        async let a = Child.normscope(flags + ["--threads", "1", "-o", dir + "/a.json"])
        async let b = Child.normscope(flags + ["--threads", "2", "-o", dir + "/b.json"])
        let (ra, rb) = try await (a, b)
        let rc = try await Child.normscope(flags + ["--threads", "3", "-o", dir + "/c.json"])
        #expect(ra.status == 0 && rb.status == 0 && rc.status == 0, "\(ra)\n\(rb)\n\(rc)")
        let fa = try #require(FileManager.default.contents(atPath: dir + "/a.json"))
        #expect(fa == FileManager.default.contents(atPath: dir + "/b.json"), "1 vs 2 threads")
        #expect(fa == FileManager.default.contents(atPath: dir + "/c.json"), "1 vs 3 threads, another run")
        #expect(ra.stdout.contains("time"), "the summary still shows wall-clock times")

        let j = try json(dir + "/a.json")
        let program = try #require(j["program"] as? [String: Any])
        #expect(program["name"] as? String == "normscope" && program["version"] as? String == "0.3.0")
        #expect(j["interrupted"] as? Bool == false)
        let config = try #require(j["config"] as? [String: Any])
        let training = try #require(config["training"] as? [String: Any])
        for key in ["hidden", "learningRate", "momentum", "batchSize", "epochs", "weightDecay", "maxNorm", "maxNormEvery", "seed"] {
            #expect(training[key] != nil, "settings record \(key)")
        }
        #expect(training["seed"] as? Int == 7 && training["epochs"] as? Int == 3 && training["hidden"] as? [Int] == [32, 16])
        #expect(config["regimes"] as? [String] == ["naive", "l2norm", "wd", "maxnorm", "wd+maxnorm"])
        let dataset = try #require(config["dataset"] as? [String: Any])
        let recipe = try #require(dataset["recipe"] as? [String: Any])
        #expect(recipe["name"] as? String == "quick" && recipe["classes"] as? Int == 20)
        let r = try results(dir + "/a.json")
        #expect(r.runs.allSatisfy { $0.seconds == 0 && $0.records.map(\.epoch) == [0, 1, 2, 3] })

        // Another seed gives another file; --timings records wall-clock seconds.
        // (an option given twice with different values is refused, so the seed is replaced, not given again)
        let seed8 = flags.map { $0 == "7" ? "8" : $0 }
        let other = try await Child.normscope(seed8 + ["--threads", "1", "-o", dir + "/d.json"])
        #expect(other.status == 0)
        #expect(fa != FileManager.default.contents(atPath: dir + "/d.json"))
        let timed = try await Child.normscope(flags + ["--threads", "1", "--timings", "-o", dir + "/t.json"])
        #expect(timed.status == 0)
        let t = try results(dir + "/t.json")
        #expect(t.runs.allSatisfy { $0.seconds > 0 })
        #expect(t.withoutTimings() == r, "timings are the only difference")
    }

    // MARK: - Divergence

    @Test("a learning rate that blows up: naive and wd stop at the first NaN and are marked; the norm-bounded regimes carry on")
    func divergence() async throws {
        let dir = try Paths.scratch("diverge")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(["run"] + Tiny.dataset + ["--epochs", "6", "--lr", "1", "--threads", "2", "-o", dir + "/r.json"])
        #expect(r.status == 0, "a divergence is a result, not an error: \(r)")
        let file = try results(dir + "/r.json")
        #expect(!file.interrupted)
        var diverged: [String] = []
        for h in file.runs {
            if let d = h.diverged {
                diverged.append(h.name)
                #expect(d.epoch >= 1 && d.epoch <= 6 && (d.reason.contains("NaN") || d.reason.contains("infinite") || d.reason.contains("finite")), "\(h.name): \(d)")
                #expect(h.epochsDone == d.epoch - 1, "\(h.name) stops at the bad epoch; rows before it are kept")
                #expect(h.records.allSatisfy { $0.norms.allSatisfy(\.isFinite) && $0.trainLoss.isFinite }, "only finite values recorded")
                #expect(r.stdout.contains("DIVERGED at epoch \(d.epoch): \(d.reason)"), "summary: \(r.stdout)")
                #expect(r.stderr.contains("\(h.name) diverged at epoch \(d.epoch)"))
            } else {
                #expect(h.epochsDone == 6, "\(h.name) carried on to the end")
            }
        }
        #expect(diverged == ["naive", "wd"], "at --lr 1 on quick: naive and wd blow up, l2norm, maxnorm, wd+maxnorm do not")
        let raw = try json(dir + "/r.json")
        let regimes = try #require(raw["regimes"] as? [[String: Any]])
        let naive = try #require(regimes.first?["diverged"] as? [String: Any])
        #expect(naive["epoch"] as? Int != nil && naive["reason"] as? String != nil)
        #expect(regimes[1]["diverged"] == nil, "no key for a regime that did not diverge")
    }

    // MARK: - Signals

    /// Starts a run of a million epochs writing `DIR/r.json`, which holds "OLD" until the run writes it, and
    /// waits until it trains.
    func startEndlessRun(in dir: String) async throws -> (Child, String) {
        let out = dir + "/r.json"
        try "OLD".write(toFile: out, atomically: true, encoding: .utf8)
        let child = try Child([try Paths.binary()] + ["run"] + Tiny.dataset
                              + ["--epochs", "1000000", "--hidden", "32,16", "--threads", "1", "-o", out])
        try await child.waitForStderr(" training / ")
        return (child, out)
    }

    @Test("a termination signal stops cleanly: results so far, marked interrupted, written whole", arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupted(signal: Int32) async throws {
        let dir = try Paths.scratch("sig")
        defer { Paths.removeScratch(dir) }
        let (child, out) = try await startEndlessRun(in: dir)
        try await Pause.sleep(for: .milliseconds(600))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "OLD", "nothing is written while training")
        child.signal(signal)
        let r = try await child.wait(timeout: .seconds(60))
        #expect(r.status == 130, "\(r)")
        #expect(r.stderr.contains("interrupted"), "\(r.stderr)")
        #expect(r.stdout.contains("naive"), "the summary is printed")
        let file = try results(out)
        #expect(file.interrupted)
        #expect(file.runs.count == 5)
        #expect(file.runs.allSatisfy { $0.epochsDone >= 1 && $0.epochsDone < 1_000_000 })
        #expect(Paths.contents(dir) == ["r.json"], "no temporary file left behind")
    }

    @Test("Ctrl-\\ (SIGQUIT) quits at once with one line and 131: no crash report, the output path untouched")
    func quitSignal() async throws {
        let dir = try Paths.scratch("sigquit")
        defer { Paths.removeScratch(dir) }
        let (child, out) = try await startEndlessRun(in: dir)
        child.signal(SIGQUIT)
        let r = try await child.wait(timeout: .seconds(60))
        #expect(r.status == 128 + SIGQUIT, "\(r)")
        #expect(r.stderr.contains("normscope: quit (Ctrl-\\); nothing written"), "\(r.stderr)")
        #expect(!r.stderr.contains("crashed") && !r.stderr.contains("Backtrac") && !r.stderr.contains("Thread 0"), "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "OLD")
        #expect(Paths.contents(dir) == ["r.json"], "no temporary file left behind")
    }

    @Test("a second Ctrl-C quits at once and leaves the output path untouched")
    func secondInterrupt() async throws {
        let dir = try Paths.scratch("sig2")
        defer { Paths.removeScratch(dir) }
        let out = dir + "/r.json"
        // Big epochs (the default data, a wide network), so the first Ctrl-C waits for the epochs under way. The
        // header is printed before the networks are built: a first Ctrl-C that lands before any epoch started
        // stops at once and writes the (interrupted) results before the second arrives. Such an attempt says
        // nothing about the second Ctrl-C, so it is tried again (at most three times).
        var conclusive = false
        for _ in 0..<3 where !conclusive {
            try "OLD".write(toFile: out, atomically: true, encoding: .utf8)
            let child = try Child([try Paths.binary(), "run", "--epochs", "1000", "--hidden", "1024,1024", "--threads", "1", "-o", out])
            try await child.waitForStderr(" training / ")
            child.signal(SIGINT)
            try await child.waitForStderr("stopping after the epochs under way")
            child.signal(SIGINT)
            let r = try await child.wait(timeout: .seconds(60))
            if r.stderr.contains("normscope: wrote ") && !r.stderr.contains("quitting without writing results") { continue }
            conclusive = true
            #expect(r.status == 130, "\(r)")
            #expect(r.stderr.contains("quitting without writing results"), "\(r.stderr)")
            #expect(try String(contentsOfFile: out, encoding: .utf8) == "OLD")
            #expect(Paths.contents(dir) == ["r.json"])
        }
        #expect(conclusive, "in three attempts the first Ctrl-C always finished before the second arrived")
    }

    // MARK: - Output that cannot be written

    @Test("an unwritable output path is an error before any training", arguments: [
        ("/proc/normscope-test.json", "directory /proc does not accept new files"),
        ("/nonexistent-dir/r.json", "directory /nonexistent-dir does not exist"),
        ("/tmp", "it is a directory"),
    ])
    func unwritableOutput(path: String, reason: String) async throws {
        let r = try await Child.normscope(Tiny.run(epochs: 1000) + ["-o", path], timeout: .seconds(30))
        #expect(r.status == 73, "\(r)")
        #expect(r.stdout.isEmpty, "nothing trained")
        #expect(r.stderrLines.count == 1 && r.stderr.contains("cannot write \(path): \(reason)") && r.stderr.contains("nothing was trained"), "\(r.stderr)")
    }

    @Test("output that becomes unwritable during training: summary printed, results rescued, exit status 73")
    func rescuedResults() async throws {
        let dir = try Paths.scratch("rescue")
        let tmp = try Paths.scratch("rescuetmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        let out = dir + "/sub/r.json"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        let child = try Child([try Paths.binary()] + ["run"] + Tiny.dataset
                              + ["--epochs", "1000000", "--hidden", "32,16", "--threads", "1", "-o", out],
                              environment: ["TMPDIR": tmp])
        try await child.waitForStderr(" training / ")
        try FileManager.default.removeItem(atPath: dir + "/sub")
        child.signal(SIGINT)
        let r = try await child.wait(timeout: .seconds(60))
        #expect(r.status == 73, "\(r)")
        #expect(r.stdout.contains("wd+maxnorm"), "the summary is still printed: \(r)")
        let rescue = Paths.contents(tmp).filter { $0.hasPrefix("normscope-results-") }
        #expect(rescue.count == 1, "\(Paths.contents(tmp))")
        #expect(r.stderr.contains("cannot write \(out)") && r.stderr.contains("saved to"), "\(r.stderr)")
        if let name = rescue.first {
            let file = try results(tmp + "/" + name)
            #expect(file.interrupted && file.runs.count == 5)
        }
    }

    @Test("a closed stdout does not lose the results file")
    func closedStdout() async throws {
        let dir = try Paths.scratch("pipe")
        defer { Paths.removeScratch(dir) }
        let command = ([try Paths.binary()] + Tiny.run(epochs: 2) + ["-o", dir + "/r.json"]).map { "'\($0)'" }.joined(separator: " ")
        let r = try await Child(["sh", "-c", "\(command) | true"]).wait()
        #expect(r.status == 0, "\(r)")
        let file = try results(dir + "/r.json")
        #expect(file.runs.allSatisfy { $0.epochsDone == 2 })
    }
}
