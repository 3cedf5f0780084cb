import ArgumentParser
import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import NormscopeFlags
@testable import NormscopeTerminal
import Testing

/// The command line that reproduces a run: minimal, read back by the real option parser to the same
/// configuration, and (with `run`) writing a live session's results file byte for byte.
@Suite("reproducing command", .serialized)
struct ReproducingCommandTests {
    /// The configuration `run` reads from `args` (after `normscope run`).
    static func parsed(_ args: [String]) throws -> RunConfig {
        let cmd = try RunCommand.parse(args)
        let exp = try cmd.experiment.makeExperiment()
        var c = exp.runConfig
        if cmd.stage2Enabled || cmd.stage2.anyGiven { c.stage2 = try cmd.stage2.config(regimes: exp.regimes) }
        return c
    }

    /// The configuration the flags `args` describe, as the reproducing command should give it back.
    static func config(_ args: [String]) throws -> RunConfig { try parsed(args) }

    @Test("defaults give a bare command; only changed flags appear, in the table's order, changes by epoch")
    func minimal() throws {
        #expect(ReproducingCommand.line(for: try Self.config([])) == "normscope")
        let c = try Self.config(["--change", "60:lr=0.02", "--weight-decay", "0", "--dataset", "quick", "--epochs", "80",
                                 "--change", "50:weight-decay=5e-3", "--seed", "7"])
        #expect(ReproducingCommand.line(for: c, pace: 0.3)
                == "normscope --dataset quick --seed 7 --epochs 80 --weight-decay 0.0 --pace 0.3 --change 50:weight-decay=0.005 --change 60:lr=0.02")
        #expect(ReproducingCommand.runLine(for: c).hasPrefix("normscope run --dataset quick --seed 7"))
    }

    @Test("words a shell would split are quoted and read back")
    func quoting() throws {
        #expect(ReproducingCommand.quoted("a b") == "'a b'" && ReproducingCommand.quoted("it's") == "'it'\\''s'")
        #expect(ReproducingCommand.quoted("wd+maxnorm") == "wd+maxnorm" && ReproducingCommand.quoted("") == "''")
        let words = ["normscope", "--dataset", "my data/it's $HOME.csv", "--regimes", "naive,wd+maxnorm"]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "printf '%s\\n' " + words.map(ReproducingCommand.quoted).joined(separator: " ")]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(String(decoding: out, as: UTF8.self) == words.joined(separator: "\n") + "\n")
    }

    /// Random flags within the tables' ranges, small enough to generate data quickly.
    static func randomArgs(_ rng: inout some RandomNumberGenerator) -> [String] {
        var a: [String] = []
        func maybe(_ flag: String, _ values: [String]) {
            if Bool.random(using: &rng) { a += [flag, values.randomElement(using: &rng)!] }
        }
        maybe("--dataset", ["quick", "step"])
        maybe("--seed", ["0", "1", "12345678901"])
        maybe("--classes", ["3", "7"])
        maybe("--imbalance", ["1", "2.5", "10"])
        maybe("--profile", ["step", "exponential"])
        maybe("--max-per-class", ["8", "20"])
        maybe("--test-per-class", ["2", "5"])
        maybe("--dim", ["3", "16"])
        maybe("--noise", ["0", "0.25"])
        maybe("--modes", ["1", "2"])
        let epochs = [5, 40, 100].randomElement(using: &rng)!
        a += ["--epochs", "\(epochs)"]
        maybe("--hidden", ["8", "16,8", "128,128,64"])
        maybe("--lr", ["0.1", "0.003", "1e-4"])
        maybe("--momentum", ["0", "0.95"])
        maybe("--batch-size", ["16", "64"])
        maybe("--weight-decay", ["0", "5e-4", "0.002"])
        if Bool.random(using: &rng) { maybe("--maxnorm-thresh", ["0", "0.1"]) } else {
            maybe("--maxnorm-radius", ["0.5", "1.2", "3"])
            maybe("--wd-maxnorm-radius", ["0.3", "0.6"])
        }
        maybe("--maxnorm-every", ["epoch", "step"])
        if Bool.random(using: &rng) { a.append("--batchnorm") }
        maybe("--regimes", ["naive,wd", "wd+maxnorm,naive", "naive,l2norm,wd,maxnorm,wd+maxnorm"])
        if Bool.random(using: &rng) {
            a.append("--stage2")
            maybe("--stage2-epochs", ["3", "10"])
            maybe("--tau", ["0.4", "0.7"])
            maybe("--cb-beta", ["0.99"])
            maybe("--stage2-lr", ["0.05"])
            maybe("--stage2-variants", ["cb+wd", "posthoc-l2,cb+wd+maxnorm"])
        }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let name = ["weight-decay", "maxnorm-radius", "wd-maxnorm-radius", "lr", "momentum"].randomElement(using: &rng)!
            let value = name == "momentum" ? "0.5" : name == "lr" ? "0.03" : "0.8"
            a += ["--change", "\(Int.random(in: 0..<epochs, using: &rng)):\(name)=\(value)"]
        }
        return a
    }

    @Test("the line read back by run's option parser gives the same configuration, for random flags")
    func roundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let args = Self.randomArgs(&rng)
            let c: RunConfig
            do { c = try Self.config(args) } catch { continue }  // e.g. the step recipe with --profile: fine to skip
            let back = try Self.parsed(ReproducingCommand.arguments(for: c))
            var expected = c
            expected.training.changes = ConfigChange.inEpochOrder(c.training.changes)
            #expect(back == expected, "\(args.joined(separator: " ")) -> \(ReproducingCommand.line(for: c))")
        }
    }

    @Test("the live view's line is one the live view takes, stage 2 included (it has no --stage2: 2 starts it)")
    func liveLineParsesInTheLiveView() throws {
        var rng = SystemRandomNumberGenerator()
        var withStage2 = 0
        for _ in 0..<40 {
            let args = Self.randomArgs(&rng)
            let c: RunConfig
            do { c = try Self.config(args) } catch { continue }
            let words = ReproducingCommand.line(for: c, pace: 0.6).split(separator: " ").dropFirst().map(String.init)
            if c.stage2 != nil { withStage2 += 1 }
            #expect(!words.contains("--stage2"), "\(words)")
            let unquoted = ReproducingCommand.arguments(for: c, pace: 0.6, stage2Switch: false)
            #expect(throws: Never.self, "\(unquoted)") { _ = try WatchCommand.parse(unquoted) }
        }
        let stage2 = try Self.config(["--stage2", "--stage2-epochs", "3"])
        #expect(ReproducingCommand.line(for: stage2) == "normscope --stage2-epochs 3")
        #expect(ReproducingCommand.runLine(for: stage2) == "normscope run --stage2 --stage2-epochs 3")
        #expect(withStage2 > 0)
    }

    @Test("run with the reproducing flags writes a live session's export byte for byte, a change mid-run included")
    func liveExportEqualsRun() async throws {
        let dir = try Paths.scratch("reproduce-live")
        defer { Paths.removeScratch(dir) }
        let options = try RunCommand.parse(["--dataset", "quick", "--epochs", "40", "--hidden", "16",
                                            "--change", "2:lr=0.05"]).experiment
        let exp = try options.makeExperiment()
        let run = LiveRun(experiment: exp, threads: 2, stage2Epochs: 0)
        defer { run.stop() }
        run.session.epochLimit = 5
        run.session.waitUntilIdleAtLimit()
        run.session.epochLimit = .max  // flat out: regimes at different epochs when the change is asked for
        let c = run.changeFromNextEpoch(.weightDecay, to: 0.02)
        #expect(c.epoch >= 5 && c.epoch < 40 && run.changes.count == 2, "\(c)")
        run.session.waitUntilFinished()
        let exported = try Exporter(directory: dir).export(run.results(of: run.frame().run), seed: 0, colorMap: .jet,
                                                           vmax: 2, now: Date(timeIntervalSince1970: 1)).get()[0]
        let live = try ResultsFile.load(path: exported)
        #expect(live.config.training.changes.last == c)
        let command = try #require(live.command)
        #expect(command.contains("--change 2:lr=0.05 --change \(c.epoch):weight-decay=0.02"), "\(command)")
        let args = Array(ReproducingCommand.arguments(for: live.config))
        let out = dir + "/run.json"
        let r = try await Child.normscope(["run"] + args + ["--quiet", "-o", out])
        #expect(r.status == 0, "\(r)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: exported))), "normscope run \(args.joined(separator: " "))")
    }
}
