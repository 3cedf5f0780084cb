import ArgumentParser
import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import NormscopeFlags
import Testing

/// The flag table feeds help, parsing and messages: every row appears in its commands' help with its allowed
/// values, a value outside its range gives the row's own line and exit 64 whichever command reads it, and the
/// library's other refusals (a missing value, an unknown option) are said from the parse failure's data.
@Suite("flag table")
struct FlagTableTests {
    /// Arguments a command needs besides the flag under test.
    static func required(_ command: String) -> [String] {
        switch command {
        case "dataset": ["-o", "d.csv"]
        case "figure": ["r.json", "-o", "f.gif"]
        default: []
        }
    }

    /// A value just outside the row's range (or no word of its choices), as a user would type it.
    static func outside(_ entry: FlagEntry) -> String {
        switch entry.kind {
        case .choice: return "sometimes"
        case .wholeNumbers(let r): return "64,\(Int(r.upper) + 1)"
        case .wholeNumber(let r):
            if r.upper >= Double(UInt64.max) { return "18446744073709551616" }
            return r.upperOpen ? "\(Int(r.upper))" : "\(Int(r.upper) + 1)"
        case .number(let r): return r.upperOpen ? "\(r.upper)" : "\(r.upper * 2 + 1)"
        }
    }

    /// Every (command, row) pair: the commands whose options include the row's flag.
    static var pairs: [(String, String)] {
        FlagTable.all.flatMap { entry in CommandOptions.commands(taking: entry.flag).map { ($0, entry.flag) } }
    }

    @Test("every row is a flag of some command, named once, with a range or choices")
    func rowsAreFlags() {
        let flags = FlagTable.all.map(\.flag)
        #expect(Set(flags).count == flags.count, "a flag is in the table twice")
        for entry in FlagTable.all {
            #expect(!CommandOptions.commands(taking: entry.flag).isEmpty, "\(entry.flag) is no command's option")
            #expect(entry.flag.hasPrefix("--") && FlagTable.entry(named: entry.name)?.flag == entry.flag)
        }
    }

    @Test("each row's help, with its allowed values, is its option's help in every command that takes it")
    func helpStatesRange() throws {
        for (command, flag) in Self.pairs {
            let entry = try #require(FlagTable.entry(named: flag))
            let help = try #require(CommandOptions.argument(flag, of: command)?.abstract)
            #expect(help.contains(entry.kind.helpPhrase), "\(command) \(flag): '\(help)' should state \(entry.kind.helpPhrase)")
        }
        // And in the help screen itself (`normscope help run`), wrapped or not.
        for sub in Normscope.configuration.subcommands {
            let screen = Normscope.helpMessage(for: sub, columns: 10_000).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for (command, flag) in Self.pairs where command == sub._commandName {
                let phrase = FlagTable.entry(named: flag)!.kind.helpPhrase
                #expect(screen.contains(phrase), "normscope help \(command) should state \(flag)'s \(phrase)")
            }
        }
    }

    @Test("steps lie in their ranges, and the parser reads each one back", arguments: FlagTable.all.map(\.flag))
    func stepsInRange(_ flag: String) throws {
        let entry = try #require(FlagTable.entry(named: flag))
        for step in entry.steps {
            #expect(throws: Never.self, "\(flag) step \(step)") { try entry.check(step) }
        }
    }

    /// The line a row gives for `value` (its refusal's message), "" when it takes the value.
    static func refusal(_ entry: FlagEntry, _ value: String) -> String {
        do { _ = try entry.check(value) } catch { return error.message }
        return ""
    }

    /// The pairs whose whole command line is parsed: each row under its first command, and each command with its
    /// first row. Parsing a refused line costs about a CPU-second in a debug build (ArgumentParser's DEBUG-only
    /// checks), and every pair would be over a minute; the commands that share a row share its declaration
    /// (`ExperimentOptions`, `Stage2Options`), whose transform is the row's parser, so for the other pairs the
    /// row's own refusal (`outsideRefusedByRow`) is what the parse would say.
    static var linePairs: [(String, String)] {
        var chosen = FlagTable.all.compactMap { entry in CommandOptions.commands(taking: entry.flag).first.map { ($0, entry.flag) } }
        for (command, flag) in pairs where !chosen.contains(where: { $0.0 == command }) { chosen.append((command, flag)) }
        return chosen
    }

    @Test("a value outside the range is the row's refusal, whichever command takes it")
    func outsideRefusedByRow() throws {
        for (command, flag) in Self.pairs {
            let entry = try #require(FlagTable.entry(named: flag))
            let value = Self.outside(entry), expected = Self.refusal(entry, value)
            #expect(expected.hasPrefix(flag + " ") && !expected.contains("\n"),
                    "\(command) \(flag) \(value) should be refused by its row in one line: '\(expected)'")
        }
        let commands = Set(Self.pairs.map(\.0)), parsed = Self.linePairs
        #expect(Set(parsed.map(\.0)) == commands && Set(parsed.map(\.1)) == Set(FlagTable.all.map(\.flag)),
                "every command and every row is parsed as a whole line at least once")
    }

    @Test("a value outside the range is the row's one line and exit 64, for every row and every command",
          arguments: linePairs.map { "\($0.0) \($0.1)" })
    func outsideGivesTableMessage(_ pair: String) throws {
        let parts = pair.split(separator: " ").map(String.init)
        let (command, flag) = (parts[0], parts[1])
        let entry = try #require(FlagTable.entry(named: flag))
        let value = Self.outside(entry), expected = Self.refusal(entry, value)
        #expect(expected.hasPrefix(flag + " "), "\(flag) \(value) should be refused by its row: '\(expected)'")
        let args = [command] + Self.required(command) + [flag, value]
        do {
            _ = try Normscope.parseAsRoot(args)
            Issue.record("\(args) was accepted")
        } catch {
            let failure = try #require(Normscope.failure(for: error, arguments: args))
            #expect(failure.status == 64, "\(args): \(failure)")
            #expect(failure.line == Normscope.errorLine(expected, command: command), "\(args): \(failure.line)")
        }
    }

    /// The kind of value a row takes, without its range: one name per case of `FlagValueKind`.
    static func kindName(_ entry: FlagEntry) -> String {
        switch entry.kind {
        case .choice: "choice"
        case .wholeNumbers: "whole numbers"
        case .wholeNumber: "whole number"
        case .number: "number"
        }
    }

    /// The (command, row) pairs whose missing value is parsed: a row of every kind and every command at least once
    /// (parsing costs about half a CPU-second in a debug build; the message comes from the row, found by its flag,
    /// in the same way for every row).
    static var missingValuePairs: [(String, FlagEntry)] {
        var chosen: [(String, FlagEntry)] = [], kinds = Set<String>(), commands = Set<String>()
        for entry in FlagTable.all {
            for command in CommandOptions.commands(taking: entry.flag)
            where !kinds.contains(Self.kindName(entry)) || !commands.contains(command) {
                chosen.append((command, entry))
                kinds.insert(Self.kindName(entry))
                commands.insert(command)
            }
        }
        return chosen
    }

    @Test("a row's flag given last: the row says what it needs")
    func missingValueSaysKind() throws {
        let pairs = Self.missingValuePairs
        #expect(Set(pairs.map(\.0)) == Set(FlagTable.all.flatMap { CommandOptions.commands(taking: $0.flag) }))
        #expect(Set(pairs.map { Self.kindName($0.1) }) == ["choice", "whole numbers", "whole number", "number"])
        for entry in FlagTable.all {
            #expect(!entry.kind.valuePhrase.isEmpty && !entry.kind.valuePhrase.contains("\n"), "\(entry.flag)")
        }
        for (command, entry) in pairs {
            let args = [command] + Self.required(command) + [entry.flag]
            do {
                _ = try Normscope.parseAsRoot(args)
                Issue.record("\(args) was accepted")
            } catch {
                let failure = try #require(Normscope.failure(for: error, arguments: args))
                #expect(failure.line == Normscope.errorLine("\(entry.flag) needs a value: \(entry.kind.valuePhrase)", command: command),
                        "\(failure.line)")
            }
        }
    }

    @Test("the words of the table's messages: whole numbers, numbers, choices and widths")
    func messageWords() {
        func message(_ entry: FlagEntry, _ text: String) -> String? {
            do { _ = try entry.check(text); return nil } catch { return error.message }
        }
        #expect(message(FlagTable.epochs.entry, "0") == "--epochs must be between 1 and 1000000 (got 0)")
        #expect(message(FlagTable.epochs.entry, "1e3") == "--epochs needs a whole number between 1 and 1000000, in digits (got '1e3')")
        #expect(message(FlagTable.seed.entry, "-1") == "--seed must be between 0 and 2^64-1 (got -1)")
        #expect(message(FlagTable.learningRate.entry, "fast") == "--lr needs a number in (0, 10] (got 'fast')")
        #expect(message(FlagTable.maxNormRadius.entry, "1e-40") == "--maxnorm-radius must be in (0, 1000] (got 1e-40, too small to tell from 0)")
        #expect(message(FlagTable.profile.entry, "linear") == "--profile must be one of 'exponential', 'step' (got 'linear')")
        #expect(message(FlagTable.hidden.entry, "64,0") == "--hidden needs comma-separated widths between 1 and 4096, such as 128,128,64 (got '64,0')")
        #expect(message(FlagTable.hidden.entry, " 64, 32") == nil)
        #expect((try? FlagTable.hidden.parse("128,128,64")) == [128, 128, 64])
    }

    @Test("reproduce reads the shared groups: the same flag, the same parser and message as run")
    func reproduceSharesGroups() throws {
        let r = try ReproduceCommand.parse(["--epochs", "7", "--hidden", "16,8", "--batchnorm", "--classes", "12",
                                            "--stage2-epochs", "4", "--cb-beta", "0.5", "--threads", "2"])
        let c = try r.makeConfig(recipe: .cifar100LTAnalogue)
        #expect(c.training.epochs == 7 && c.training.hidden == [16, 8] && c.training.usesBatchNorm)
        #expect(c.recipe.classes == 12 && c.stage2.epochs == 4 && c.stage2.beta == 0.5 && r.threads.threadCount == 2)
        for flag in ["--hidden", "--stage2-epochs", "--classes"] {
            let value = Self.outside(try #require(FlagTable.entry(named: flag)))
            var lines: [String] = []
            for command in ["run", "reproduce"] {
                do { _ = try Normscope.parseAsRoot([command, flag, value]) } catch {
                    lines.append(try #require(Normscope.failure(for: error, arguments: [command, flag, value])).line
                        .replacingOccurrences(of: "'normscope \(command) --help'", with: ""))
                }
            }
            #expect(lines.count == 2 && lines[0] == lines[1], "\(lines)")
        }
    }

    @Test("through the binary: a table value out of range, one line, exit 64")
    func throughBinary() async throws {
        let r = try await Child.normscope(["reproduce", "--stage2-maxnorm-thresh", "2"])
        #expect(r.status == 64 && r.stdout.isEmpty && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.hasPrefix("normscope: error: --stage2-maxnorm-thresh must be in [0, 1] (got 2.0) "), "\(r)")
    }
}
