import Foundation
@testable import NormscopeCLI
import Testing

/// Each command takes only its own flags, grouped by concern (data, training, stage 2, its own), shows only
/// those in its --help, and refuses another command's flag in one line that says whose it is.
@Suite("flags per command")
struct CommandFlagsTests {
    static let data: Set<String> = ["--dataset", "--seed", "--classes", "--imbalance", "--profile", "--max-per-class",
                                    "--test-per-class", "--dim", "--noise", "--modes"]
    static let training: Set<String> = ["--epochs", "--hidden", "--lr", "--momentum", "--batch-size", "--weight-decay",
                                        "--maxnorm-radius", "--wd-maxnorm-radius", "--maxnorm-thresh", "--maxnorm-every",
                                        "--regimes", "--threads", "--batchnorm", "--change"]
    static let stage2: Set<String> = ["--stage2-epochs", "--stage2-base", "--stage2-variants", "--stage2-lr",
                                      "--stage2-weight-decay", "--cb-beta", "--stage2-maxnorm-thresh",
                                      "--stage2-maxnorm-every", "--tau"]

    /// Every long option (and flag) of every command, as `--experimental-dump-help` describes them.
    static let expected: [String: Set<String>] = [
        "watch": data.union(training).union(stage2).union(["--no-color", "--ascii", "--colormap", "--vmax", "--pace",
                                                           "--demo", "--hold", "--export-dir", "--record", "--force"]),
        "run": data.union(training).union(stage2).union(["--stage2", "--output", "--timings", "--no-timings", "--quiet", "--force"]),
        "dataset": data.union(["--output", "--list", "--force"]),
        "bench": data.union(training).union(["--timed-epochs", "--only", "--sweep", "--format"]),
        "reproduce": ["--seed", "--seeds", "--imbalances", "--dataset", "--classes", "--max-per-class", "--test-per-class",
                      "--epochs", "--hidden", "--batchnorm", "--weight-decay", "--wd-grid", "--tau", "--tau-grid", "--validation-fraction",
                      "--stage2-epochs", "--stage2-weight-decay", "--stage2-maxnorm-thresh", "--cb-beta", "--threads",
                      "--output", "--no-timings", "--quiet", "--force"],
        "figure": ["--output", "--format", "--colormap", "--vmax", "--fps", "--width", "--force"],
    ]

    @Test("each command takes exactly its own flags, and its --help shows no other command's")
    func ownFlagsOnly() async throws {
        #expect(Set(CommandOptions.byCommand.map(\.command)) == Set(Self.expected.keys))
        for (command, options) in CommandOptions.byCommand {
            #expect(options == Self.expected[command], "\(command): extra \(options.subtracting(Self.expected[command] ?? [])), missing \(Self.expected[command]?.subtracting(options) ?? [])")
        }
        let everything = Self.expected.values.reduce(Set<String>()) { $0.union($1) }
        for (command, own) in Self.expected {
            let help = try await Child.normscope([command, "--help"])
            #expect(help.status == 0, "\(help)")
            // The --dataset help points to 'normscope dataset --list': a mention of another command, not a flag.
            let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .replacingOccurrences(of: "normscope dataset --list", with: "")
            let shown = Set(text.matches(of: /--[a-z0-9-]+/).map { String($0.output) })
            let foreign = shown.intersection(everything).subtracting(own)
            // Help texts may name another flag of the same command ("conflicts with --maxnorm-thresh").
            #expect(foreign.isEmpty, "\(command) --help shows \(foreign)")
            #expect(own.subtracting(["--no-timings"]).isSubset(of: shown), "\(command) --help lacks \(own.subtracting(shown))")
        }
    }

    @Test("dataset takes no training flag: --epochs 0 is an unknown option, not a bad epoch count")
    func datasetRefusesEpochs() throws {
        let args = ["dataset", "-o", "d.csv", "--epochs", "0"]
        #expect(throws: (any Error).self) { _ = try Normscope.parseAsRoot(args) }
        do { _ = try Normscope.parseAsRoot(args) } catch {
            let f = try #require(Normscope.failure(for: error, arguments: args))
            #expect(f.status == 64)
            #expect(f.line == "normscope: error: normscope dataset has no option --epochs (an option of watch, run, bench and reproduce) (see 'normscope dataset --help')")
        }
    }

    /// (command, its arguments ending in a flag of another command (and its value), that flag).
    static let foreign: [(String, [String], String)] = [
        ("dataset", ["-o", "d.csv", "--lr", "0.1"], "--lr"),
        ("dataset", ["-o", "d.csv", "--threads", "2"], "--threads"),
        ("dataset", ["-o", "d.csv", "--stage2-epochs", "3"], "--stage2-epochs"),
        ("dataset", ["-o", "d.csv", "--regimes", "naive"], "--regimes"),
        ("bench", ["--tau", "0.5"], "--tau"),
        ("bench", ["--output", "x.json"], "--output"),
        ("run", ["--pace", "1"], "--pace"),
        ("run", ["--timed-epochs", "2"], "--timed-epochs"),
        ("watch", ["--timings"], "--timings"),
        ("watch", ["--list"], "--list"),
        ("reproduce", ["--lr", "0.1"], "--lr"),
        ("reproduce", ["--dim", "8"], "--dim"),
        ("figure", ["r.json", "-o", "f.svg", "--seed", "1"], "--seed"),
        ("figure", ["r.json", "-o", "f.svg", "--epochs", "3"], "--epochs"),
    ]

    @Test("another command's flag: one line naming the command, the flag and whose it is; exit 64; nothing written",
          arguments: 0..<foreign.count)
    func foreignFlagRefused(_ i: Int) async throws {
        let (command, rest, flag) = Self.foreign[i]
        let dir = try Paths.scratch("foreign")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope([command] + rest, directory: dir, timeout: .seconds(60))
        #expect(r.status == 64 && r.stdout.isEmpty && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.hasPrefix("normscope: error: normscope \(command) has no option \(flag) (an option of "), "\(r)")
        #expect(Paths.contents(dir).isEmpty)
    }

    /// ArgumentParser's messages, said the project's way (issue 12, part 4): exact lines.
    static let parserMessages: [([String], String)] = [
        (["run", "--seed", "-1"], "--seed must be between 0 and 2^64-1 (got -1)"),
        (["run", "--seed", "18446744073709551616"], "--seed must be between 0 and 2^64-1 (got 18446744073709551616)"),
        (["reproduce", "--seed", "-1"], "--seed must be between 0 and 2^64-1 (got -1)"),
        (["run", "--tau", "-1"], "--tau must be in [0, 10] (got -1.0)"),
        (["run", "--maxnorm-radius", "-1"], "--maxnorm-radius must be in (0, 1000] (got -1.0)"),
        (["run", "--hidden", "-64"], "--hidden needs comma-separated widths between 1 and 4096, such as 128,128,64 (got '-64')"),
        (["run", "--epochs", "1e3"], "--epochs needs a whole number between 1 and 1000000, in digits (got '1e3')"),
        (["run", "--epochs", "2.5"], "--epochs needs a whole number between 1 and 1000000, in digits (got '2.5')"),
        (["run", "--epochs"], "--epochs needs a value: a whole number between 1 and 1000000"),
        (["run", "--lr", "fast"], "--lr needs a number in (0, 10] (got 'fast')"),
        (["watch", "--pace", "slow"], "--pace needs a number between 0 and 60 (got 'slow')"),
        (["figure", "r.json", "-o", "f.svg", "--vmax", "big"], "--vmax needs a number between 1e-6 and 1e6 (got 'big')"),
        (["bench", "--timed-epochs", "x"], "--timed-epochs needs a whole number between 1 and 1000, in digits (got 'x')"),
        (["reproduce", "--seeds", "-2"], "--seeds must be between 1 and 1000 (got -2)"),
        (["run", "--profile", "linear"], "--profile must be one of 'exponential', 'step' (got 'linear')"),
        (["run", "--epoch", "5"], "normscope run has no option --epoch; did you mean --epochs?"),
        (["run", "--bogus"], "normscope run has no option --bogus"),
        (["run", "extra"], "unexpected argument 'extra': give each value after its flag, as in --epochs 5"),
        (["figure", "r.json"], "--output is needed — The file to write; - for standard output."),
        (["run", "--dataset"], "--dataset needs a value — A built-in recipe such as quick or the built-in data set digits-lt ('normscope dataset --list'), a recipe file (.json) or a CSV file."),
    ]

    @Test("parser messages name the flag, what it takes and the value, in one line", arguments: 0..<parserMessages.count)
    func parserMessage(_ i: Int) throws {
        let (args, message) = Self.parserMessages[i]
        do {
            _ = try Normscope.parseAsRoot(args)
            Issue.record("\(args) was accepted")
        } catch {
            let f = try #require(Normscope.failure(for: error, arguments: args))
            #expect(f.status == 64)
            #expect(f.line == "normscope: error: \(message) (see 'normscope \(args[0]) --help')")
        }
    }

    @Test("an exported recipe records its seed: seed 5 is not seed 0, and the recipe regenerates its own data")
    func recipeRecordsSeed() async throws {
        let dir = try Paths.scratch("seed")
        defer { Paths.removeScratch(dir) }
        for args in [["dataset", "--dataset", "quick", "-o", "r0.json"], ["dataset", "--dataset", "quick", "--seed", "5", "-o", "r5.json"],
                     ["dataset", "--dataset", "r5.json", "-o", "from-recipe.csv"],
                     ["dataset", "--dataset", "quick", "--seed", "5", "-o", "from-flag.csv"],
                     ["dataset", "--dataset", "quick", "-o", "seed0.csv"]] {
            let r = try await Child.normscope(args, directory: dir)
            #expect(r.status == 0, "\(args): \(r)")
        }
        let r0 = try String(contentsOfFile: dir + "/r0.json", encoding: .utf8)
        let r5 = try String(contentsOfFile: dir + "/r5.json", encoding: .utf8)
        #expect(r0 != r5 && r5.contains("\"seed\": 5,") && r0.contains("\"seed\": 0,"), "\(r5)")
        let fromRecipe = FileManager.default.contents(atPath: dir + "/from-recipe.csv")
        #expect(fromRecipe != nil && fromRecipe == FileManager.default.contents(atPath: dir + "/from-flag.csv"))
        #expect(fromRecipe != FileManager.default.contents(atPath: dir + "/seed0.csv"))
        // Training on the recipe uses its seed, unless --seed says otherwise.
        let run = try await Child.normscope(["run", "--dataset", "r5.json", "--epochs", "1", "--regimes", "naive", "--quiet",
                                             "-o", "run.json"], directory: dir)
        #expect(run.status == 0, "\(run)")
        let results = try String(contentsOfFile: dir + "/run.json", encoding: .utf8)
        #expect(results.contains("\"seed\" : 5"), "\(results.prefix(800))")
    }
}
