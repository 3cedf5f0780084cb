import ArgumentParser
import Foundation
@testable import NormscopeCLI
import NormscopeFlags
import Testing

/// Every numeric flag of every command: its help states its range, both ends of the range are accepted, and
/// anything outside it (one below, one above, nan, inf, -1, exponent forms for integers) is one line on stderr
/// with exit status 64. The table is checked against the commands' own option list (ArgumentParser's
/// `--experimental-dump-help`), so a new option must be classified here before the tests pass.
@Suite("numeric flags")
struct NumericFlagTests {
    /// One numeric flag (or list of numbers, tested with one entry) and its range.
    struct Flag: CustomTestStringConvertible, Sendable {
        var commands: [String]
        var name: String
        /// The range as the help text states it.
        var help: String
        var min: String
        var max: String
        /// Values just outside the range and other bad values.
        var bad: [String]
        var testDescription: String { "\(name) (\(commands.joined(separator: ", ")))" }

        /// An integer flag: exponent and fractional forms are refused too.
        static func int(_ commands: [String], _ name: String, _ help: String, _ min: String, _ max: String,
                        below: String, above: String) -> Flag {
            Flag(commands: commands, name: name, help: help, min: min, max: max,
                 bad: [below, above, "nan", "inf", "-1", "1e3", "2.5"].uniqued())
        }

        /// A real flag; `1e3` is tested where 1000 is out of range.
        static func real(_ commands: [String], _ name: String, _ help: String, _ min: String, _ max: String,
                         below: String, above: String) -> Flag {
            var bad = [below, above, "nan", "inf", "-inf", "-1"]
            if let hi = Double(max), hi < 1000 { bad.append("1e3") }
            if min == tiny { bad += underflowing }
            return Flag(commands: commands, name: name, help: help, min: min, max: max, bad: bad.uniqued())
        }
    }

    /// The commands that take the data flags, and those that train (and take the training flags).
    static let data = ["watch", "run", "dataset", "bench"]
    static let training = ["watch", "run", "bench"]
    static let stage2 = ["watch", "run"]
    /// The lowest value of a range open at 0: the smallest normal Float (positive settings are used in single
    /// precision, where anything smaller is subnormal or 0).
    static let tiny = "1.1754943508222875e-38"
    /// Positive values that underflow: refused by every range open at 0.
    static let underflowing = ["5e-324", "4.9e-324", "1e-40"]
    /// The largest double below 1.
    static let belowOne = "0.9999999999999999"

    static let flags: [Flag] = [
        .int(data + ["reproduce"], "--seed", "between 0 and 2^64-1", "0", "18446744073709551615", below: "-1", above: "18446744073709551616"),
        .int(training, "--epochs", "between 1 and 1000000", "1", "1000000", below: "0", above: "1000001"),
        .int(data + ["reproduce"], "--classes", "between 2 and 10000", "2", "10000", below: "1", above: "10001"),
        .real(data, "--imbalance", "between 1 and 1000000", "1", "1000000", below: "0.999", above: "1000000.5"),
        .int(data + ["reproduce"], "--max-per-class", "between 1 and 100000", "1", "100000", below: "0", above: "100001"),
        .int(data + ["reproduce"], "--test-per-class", "between 1 and 100000", "1", "100000", below: "0", above: "100001"),
        .int(data, "--dim", "between 1 and 4096", "1", "4096", below: "0", above: "4097"),
        .real(data, "--noise", "between 0 and 100", "0", "100", below: "-0.001", above: "100.001"),
        .int(data, "--modes", "between 1 and 64", "1", "64", below: "0", above: "65"),
        .int(training + ["reproduce"], "--hidden", "each between 1 and 4096", "1", "4096", below: "0", above: "4097"),
        .real(training, "--lr", "in (0, 10]", tiny, "10", below: "0", above: "10.001"),
        .real(training, "--momentum", "in [0, 1)", "0", belowOne, below: "-0.001", above: "1"),
        .int(training, "--batch-size", "between 1 and 65536", "1", "65536", below: "0", above: "65537"),
        .real(training + ["reproduce"], "--weight-decay", "in [0, 10]", "0", "10", below: "-0.001", above: "10.001"),
        .real(training, "--maxnorm-radius", "in (0, 1000]", tiny, "1000", below: "0", above: "1000.5"),
        .real(training, "--wd-maxnorm-radius", "in (0, 1000]", tiny, "1000", below: "0", above: "1000.5"),
        .real(training, "--maxnorm-thresh", "in [0, 1]", "0", "1", below: "-0.001", above: "1.001"),
        .int(training + ["reproduce"], "--threads", "between 1 and 256", "1", "256", below: "0", above: "257"),
        .int(stage2 + ["reproduce"], "--stage2-epochs", "between 1 and 1000000", "1", "1000000", below: "0", above: "1000001"),
        .real(stage2, "--stage2-lr", "in (0, 10]", tiny, "10", below: "0", above: "10.5"),
        .real(stage2 + ["reproduce"], "--stage2-weight-decay", "in [0, 10]", "0", "10", below: "-0.001", above: "10.001"),
        .real(stage2 + ["reproduce"], "--cb-beta", "in [0, 1)", "0", belowOne, below: "-0.001", above: "1"),
        .real(stage2 + ["reproduce"], "--stage2-maxnorm-thresh", "in [0, 1]", "0", "1", below: "-0.001", above: "1.001"),
        .real(stage2 + ["reproduce"], "--tau", "in [0, 10]", "0", "10", below: "-0.001", above: "10.001"),
        .real(["watch"], "--pace", "between 0 and 60", "0", "60", below: "-0.001", above: "60.001"),
        .real(["watch"], "--hold", "between 0 and 86400", "0", "86400", below: "-0.001", above: "86400.5"),
        .int(["bench"], "--timed-epochs", "between 1 and 1000", "1", "1000", below: "0", above: "1001"),
        .int(["reproduce"], "--seeds", "between 1 and 1000", "1", "1000", below: "0", above: "1001"),
        .int(["reproduce"], "--epochs", "between 1 and 1000000", "1", "1000000", below: "0", above: "1000001"),
        .real(["reproduce"], "--imbalances", "each 1 to 1000000", "1", "1000000", below: "0.999", above: "1000000.5"),
        .real(["reproduce"], "--wd-grid", "each in [0, 10]", "0", "10", below: "-0.001", above: "10.001"),
        .real(["reproduce"], "--tau-grid", "each in [0, 10]", "0", "10", below: "-0.001", above: "10.001"),
        .real(["reproduce"], "--validation-fraction", "in (0, 1)", tiny, belowOne, below: "0", above: "1"),
        .real(["figure", "watch"], "--vmax", "between 1e-6 and 1e6", "1e-6", "1e6", below: "9.99e-7", above: "1000001"),
        .int(["figure"], "--fps", "between 1 and 50", "1", "50", below: "0", above: "51"),
        .int(["figure"], "--width", "between 480 and 3000", "480", "3000", below: "479", above: "3001"),
    ]

    /// Options that take no number (names, paths, choices).
    static let nonNumeric: Set<String> = [
        "--dataset", "--profile", "--maxnorm-every", "--regimes", "--colormap", "--export-dir", "--stage2-base",
        "--stage2-variants", "--stage2-maxnorm-every", "--output", "--only", "--format", "--record", "--change",
    ]

    /// Arguments a command needs besides the flag under test.
    static func required(_ command: String) -> [String] {
        switch command {
        case "dataset": ["-o", "d.csv"]
        case "figure": ["r.json", "-o", "f.gif"]  // a GIF: every figure flag applies to it
        default: []
        }
    }

    /// Every (command, flag) pair of the table.
    static var pairs: [(String, Flag)] { flags.flatMap { f in f.commands.map { ($0, f) } } }

    /// `normscope --experimental-dump-help`: each command's options with their help text.
    static func options() async throws -> [String: [String: String]] {
        let r = try await Child.normscope(["--experimental-dump-help"])
        #expect(r.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var out: [String: [String: String]] = [:]
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            let name = sub["commandName"] as? String ?? "?"
            var opts: [String: String] = [:]
            for a in sub["arguments"] as? [[String: Any]] ?? [] where a["kind"] as? String == "option" {
                let names = (a["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }
                if let long = names.first?["name"] as? String { opts["--" + long] = a["abstract"] as? String ?? "" }
            }
            out[name] = opts
        }
        return out
    }

    @Test("(a) the table covers every option of every command, and each numeric flag's help states its range")
    func helpStatesRanges() async throws {
        let options = try await Self.options()
        #expect(Set(options.keys).subtracting(["help"]) == ["watch", "run", "dataset", "bench", "reproduce", "figure"])
        for (command, opts) in options {
            for name in opts.keys where !Self.nonNumeric.contains(name) {
                #expect(Self.flags.contains { $0.name == name && $0.commands.contains(command) },
                        "\(command) \(name) is not in the table: add its range")
            }
        }
        for (command, flag) in Self.pairs {
            let help = try #require(options[command]?[flag.name], "\(command) has no \(flag.name)")
            #expect(help.contains(flag.help), "\(command) \(flag.name): '\(help)' should state \(flag.help)")
        }
    }

    /// The commands of the table, each once.
    static var commands: [String] { Array(Set(flags.flatMap(\.commands))).sorted() }

    /// Whether `args` parse; records the refusal when `record`.
    static func accepted(_ args: [String], record: Bool) -> Bool {
        do { _ = try Normscope.parseAsRoot(args); return true } catch {
            if record { Issue.record("\(args.joined(separator: " ")) refused: \(Normscope.message(for: error))") }
            return false
        }
    }

    /// Each command with all its flags at the low ends, then at the high ends, in one command line each
    /// (parsing in a debug build costs about half a CPU-second, and the table has over a hundred pairs); only
    /// when a whole line is refused (two flags that exclude each other) is each flag tried alone, so every
    /// refused end is still named.
    @Test("(b) both ends of each range are accepted", arguments: commands)
    func endsAccepted(command: String) throws {
        let own = Self.flags.filter { $0.commands.contains(command) }
        for end in [\Flag.min, \Flag.max] {
            let all = [command] + Self.required(command) + own.flatMap { [$0.name, $0[keyPath: end]] }
            if Self.accepted(all, record: false) { continue }
            for flag in own {
                _ = Self.accepted([command] + Self.required(command) + [flag.name, flag[keyPath: end]], record: true)
            }
        }
    }

    /// One (command, flag) pair per declaration: the commands sharing a flag share its declaration
    /// (`ExperimentOptions`, `Stage2Options`), so every bad value is tried on the first of them only
    /// (parsing in a debug build is slow); the binary test below tries every command.
    static var declarations: [(String, Flag)] { flags.map { ($0.commands[0], $0) } }

    @Test("(c) values outside the range are one line naming the flag, exit status 64", arguments: declarations)
    func outsideRefused(command: String, flag: Flag) throws {
        // The row's parser refuses every bad value; the command line (about a CPU-second per refusal in a debug
        // build) is tried with the first bad value and the first negative one, which the parser must read as
        // values: the option's transform is the row's parser, so the other values say nothing new there.
        let row = FlagTable.entry(named: flag.name)
        let firstNegative = flag.bad.first { $0.hasPrefix("-") }
        for value in flag.bad {
            if let row, value != flag.bad[0], value != firstNegative {
                do {
                    _ = try row.check(value)
                    Issue.record("\(flag.name) \(value) was accepted by its row")
                } catch {
                    #expect(error.message.contains(flag.name) && !error.message.contains("\n"), "\(error.message)")
                }
                continue
            }
            var forms = [[command] + Self.required(command) + [flag.name, value]]
            if value.hasPrefix("-") { forms.append([command] + Self.required(command) + ["\(flag.name)=\(value)"]) }
            for args in forms {
                do {
                    _ = try Normscope.parseAsRoot(args)
                    Issue.record("\(args.joined(separator: " ")) was accepted")
                } catch {
                    let failure = try #require(Normscope.failure(for: error, arguments: args))
                    #expect(failure.status == 64, "\(args): \(failure)")
                    #expect(failure.line.hasPrefix("normscope: error: ") && !failure.line.contains("\n"), "\(failure.line)")
                    #expect(failure.line.contains(flag.name), "\(args): \(failure.line)")
                    #expect(!failure.line.contains("Missing value"), "\(args): a negative value is a value: \(failure.line)")
                }
            }
        }
    }

    /// The pairs the binary tries: every declaration once, and every command at least once.
    static var binaryPairs: [(String, Flag)] {
        var chosen = declarations
        for command in commands where !chosen.contains(where: { $0.0 == command }) {
            if let flag = flags.first(where: { $0.commands.contains(command) }) { chosen.append((command, flag)) }
        }
        return chosen
    }

    @Test("(c) through the binary: one below the range, for every flag and every command", arguments: binaryPairs)
    func belowThroughBinary(command: String, flag: Flag) async throws {
        let dir = try Paths.scratch("numeric")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope([command] + Self.required(command) + [flag.name, flag.bad[0]], directory: dir,
                                          timeout: .seconds(60))
        #expect(r.status == 64 && r.stdout.isEmpty, "\(r)")
        #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("normscope: error: ") && r.stderr.contains(flag.name), "\(r)")
        #expect(Paths.contents(dir).isEmpty, "nothing written")
    }

    @Test("negative numbers are values: --seed -1 is out of range, not a missing value")
    func negativeSeed() async throws {
        let r = try await Child.normscope(["run", "--seed", "-1"])
        #expect(r.status == 64 && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.contains("--seed must be between 0 and 2^64-1 (got -1)"), "\(r)")
        #expect(!r.stderr.contains("Missing value"), "\(r)")
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
