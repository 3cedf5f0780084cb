import NormscopeFlags

extension ParserFailure {
    /// The failure in one line for `command` (nil: the root command, the live view), in the project's words:
    /// "--epochs needs a value: a whole number between 1 and 1000000", "normscope run has no option --epoch;
    /// did you mean --epochs?".
    func message(command: String?) -> String {
        let owner = command ?? "watch"
        switch self {
        case .badValue(let error):
            return error.message
        case .invalidValue(let flag, let value):
            if let entry = FlagTable.entry(named: flag) {
                do { _ = try entry.check(value) } catch { return error.message }
            }
            let choices = CommandOptions.argument(flag, of: owner)?.values ?? []
            if !choices.isEmpty {
                return "\(flag) must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")) (got '\(value)')"
            }
            return "\(flag) cannot take '\(value)'"
        case .missingValue(let flag):
            if let entry = FlagTable.entry(named: flag) { return "\(flag) needs a value: \(entry.kind.valuePhrase)" }
            return "\(flag) needs a value" + Self.help(CommandOptions.argument(flag, of: owner))
        case .unknownOption(let flag):
            return Self.unknownOption(flag, command: command)
        case .unexpected(let values):
            let quoted = values.map { "'\($0)'" }.joined(separator: ", ")
            let what = values.count == 1 ? "unexpected argument \(quoted)" : "\(values.count) unexpected arguments \(quoted)"
            return "\(what): give each value after its flag, as in --epochs 5"
        case .missingArgument(let key):
            let argument = CommandOptions.argument(key: key, of: owner)
            return "\(argument?.name ?? "<\(key)>") is needed" + Self.help(argument)
        }
    }

    /// " — <help line>" of `argument`, or nothing.
    private static func help(_ argument: CommandOptions.Argument?) -> String {
        guard let abstract = argument?.abstract, !abstract.isEmpty else { return "" }
        return " — " + abstract
    }

    /// "normscope dataset has no option --epochs (an option of watch, run, bench and reproduce)", or with a
    /// suggestion within two edits of an option of the command ("; did you mean --epochs?").
    static func unknownOption(_ flag: String, command: String?) -> String {
        var text = "\(command.map { "normscope \($0)" } ?? "normscope") has no option \(flag)"
        let owners = CommandOptions.commands(taking: flag)
        if !owners.isEmpty {
            text += " (an option of \(list(owners)))"
        } else if let suggestion = nearestOption(to: flag, of: command ?? "watch") {
            text += "; did you mean \(suggestion)?"
        }
        return text
    }

    /// The option of `command` closest to `flag`, if within two edits (a typo, not another word).
    static func nearestOption(to flag: String, of command: String) -> String? {
        let options = CommandOptions.byCommand.first { $0.command == command }?.options.sorted() ?? []
        let scored = options.map { ($0, editDistance(flag, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
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
}
