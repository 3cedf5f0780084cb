import ArgumentParser
import Foundation
import NormscopeEngine

/// ArgumentParser's own messages, said in the project's style: one line naming the flag, what it takes and
/// the value given (`--epochs needs a whole number between 1 and 1000000, in digits (got '1e3')`).
///
/// ArgumentParser reports parse failures through internal error types, so only their text can be read; the
/// shapes recognised here are ArgumentParser 1.x's ("The value 'X' is invalid for '--flag <v>'", "Missing
/// value for ...", "Unknown option ...", "Unexpected argument ...", "Missing expected argument ..."), each
/// pinned by a test. A message of another shape is passed on unchanged.
enum ParserMessage {
    /// `message` (ArgumentParser's first line, without its "Error:" label) rewritten for `command` (nil: the
    /// root command, the live view); `keepHelp` is false when the rewrite already says what the flag takes.
    static func rewrite(_ message: String, command: String?) -> (text: String, keepHelp: Bool) {
        if let m = match(#"^The value '(.*)' is invalid for '(-[^' ]+)( <[^>]*>)?'(.*)$"#, message) {
            return (invalidValue(m[0], flag: m[1], rest: m[3]), false)
        }
        if let m = match(#"^Missing value for '(-[^' ]+)( <[^>]*>)?'$"#, message) {
            if let range = range(of: m[0]) { return ("\(m[0]) needs a value: \(kind(range)) \(range.phrase)", false) }
            return ("\(m[0]) needs a value", true)
        }
        if let m = match(#"^Unknown option '(-[^']+)'(?:\. Did you mean '([^']+)'\?)?$"#, message) {
            return (unknownOption(m[0], suggestion: m[1].isEmpty ? nil : m[1], command: command), false)
        }
        if let m = match(#"^Unexpected argument '(.*)'$"#, message) {
            return ("unexpected argument '\(m[0])': give each value after its flag, as in --epochs 5", false)
        }
        if let m = match(#"^([0-9]+) unexpected arguments: (.*)$"#, message) {
            return ("\(m[0]) unexpected arguments \(m[1]): give each value after its flag, as in --epochs 5", false)
        }
        if let m = match(#"^Missing expected argument '(-[^ ]+|<[^>]*>)( <[^>]*>)?'$"#, message) {
            return ("\(m[0]) is needed", true)
        }
        return (message, true)
    }

    // MARK: - Values

    /// "--seed must be between 0 and 2^64-1 (got -1)", "--epochs needs a whole number between 1 and 1000000,
    /// in digits (got '1e3')", "--maxnorm-every must be one of 'step', 'epoch' (got 'sometimes')".
    static func invalidValue(_ value: String, flag: String, rest: String) -> String {
        if let range = range(of: flag) {
            // A whole number in digits that the flag's type cannot hold (-1 for a seed, 2^64) is out of range.
            if range.wholeNumbers, value.wholeMatch(of: /[+-]?[0-9]+/) != nil {
                return "\(flag) must be \(range.phrase) (got \(value))"
            }
            let form = range.wholeNumbers ? "\(kind(range)) \(range.phrase), in digits" : "\(kind(range)) \(range.phrase)"
            return "\(flag) needs \(form) (got '\(value)')"
        }
        let choices = quoted(in: rest)
        if !choices.isEmpty {
            return "\(flag) must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")) (got '\(value)')"
        }
        return "\(flag) cannot take '\(value)'\(rest.hasPrefix(":") ? rest : "")"
    }

    /// "a whole number" or "a number".
    static func kind(_ range: ValueRange) -> String { range.wholeNumbers ? "a whole number" : "a number" }

    /// The range of a numeric flag: the engine's for the flags that set its settings, else the command's own.
    static func range(of flag: String) -> ValueRange? {
        if let own = commandRanges[flag] { return own }
        return ConfigSetting.allCases.first { FlagName.of($0) == flag && $0.range != nil }?.range
    }

    /// Numeric flags that set no engine setting (each command checks them in its `validate()`).
    static let commandRanges: [String: ValueRange] = [
        "--threads": .between(1, 256, whole: true),
        "--timed-epochs": .between(1, 1000, whole: true),
        "--seeds": .between(1, 1000, whole: true),
        "--pace": .between(0, 60),
        "--hold": .between(0, 86_400),
        "--vmax": ValueRange(lower: 1e-6, upper: 1e6, lowerOpen: false, upperOpen: false, wholeNumbers: false,
                             phrase: "between 1e-6 and 1e6"),
    ]

    // MARK: - Options

    /// "normscope dataset has no option --epochs (an option of watch, run, bench and reproduce)".
    static func unknownOption(_ flag: String, suggestion: String?, command: String?) -> String {
        var text = "\(command.map { "normscope \($0)" } ?? "normscope") has no option \(flag)"
        let owners = CommandOptions.commands(taking: flag)
        if !owners.isEmpty {
            text += " (an option of \(list(owners)))"
        } else if let suggestion, editDistance(flag, suggestion) <= 2 {
            // ArgumentParser suggests anything within 3 edits (--bogus: --modes); a typo is closer than that.
            text += "; did you mean \(suggestion)?"
        }
        return text
    }

    /// Levenshtein distance between `a` and `b`, in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1]
            for j in b.indices {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    // MARK: - Text

    /// The capture groups of `pattern`'s whole match of `text` (empty strings for groups that did not take part).
    private static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? Regex(pattern), let m = try? regex.wholeMatch(in: text) else { return nil }
        return (1..<m.output.count).map { m.output[$0].substring.map(String.init) ?? "" }
    }

    /// The single-quoted words of `text` ("Please provide one of 'step' and 'epoch'.").
    private static func quoted(in text: String) -> [String] {
        text.matches(of: /'([^']*)'/).map { String($0.output.1) }
    }
}

/// The long options of every command, read from ArgumentParser's description of them.
enum CommandOptions {
    /// Command name → its long options (`--epochs`).
    static let byCommand: [(command: String, options: Set<String>)] = Normscope.configuration.subcommands.map { sub in
        (sub._commandName, longOptions(json: sub._dumpHelp()))
    }

    /// The commands that take `flag`, in the order of `normscope --help`.
    static func commands(taking flag: String) -> [String] {
        byCommand.filter { $0.options.contains(flag) }.map(\.command)
    }

    private static func longOptions(json: String) -> Set<String> {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let command = root["command"] as? [String: Any] else { return [] }
        var out: Set<String> = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let n = name["name"] as? String, n != "help", n != "version" { out.insert("--" + n) }
            }
        }
        return out
    }
}
