import Foundation

/// The options of every command, read from ArgumentParser's description of them (`--experimental-dump-help`):
/// what a one-line error needs to say whose option a flag is, what an option takes, and what it is for.
enum CommandOptions {
    /// One long option or required argument of a command.
    struct Argument {
        /// `--epochs`, or `<results.json>` for a positional argument.
        var name: String
        /// Its help line.
        var abstract: String
        /// The words it takes, for an option of a few choices.
        var values: [String]
        /// Whether it is positional.
        var positional: Bool
        /// Whether it is an option that takes one value and may be given only once (not a flag, not `--change`).
        var single = false
        /// Its one-letter name (`o` for `--output`), if it has one.
        var short: String?

        /// Whether `word` (`--epochs`, `-o`) names this option.
        func isNamed(_ word: String) -> Bool {
            !positional && (word == name || short.map { "-" + $0 == word } == true)
        }
    }

    /// Command name → its arguments (long options and positional arguments; not --help and --version).
    static let arguments: [(command: String, arguments: [Argument])] = Normscope.configuration.subcommands.map { sub in
        (sub._commandName, read(json: sub._dumpHelp()))
    }

    /// Command name → its long options (`--epochs`).
    static let byCommand: [(command: String, options: Set<String>)] = arguments.map { entry in
        (entry.command, Set(entry.arguments.filter { !$0.positional }.map(\.name)))
    }

    /// The commands that take `flag`, in the order of `normscope --help`.
    static func commands(taking flag: String) -> [String] {
        byCommand.filter { $0.options.contains(flag) }.map(\.command)
    }

    /// The arguments of `command` (none for a name that is no command).
    static func arguments(of command: String) -> [Argument] {
        arguments.first { $0.command == command }?.arguments ?? []
    }

    /// The argument `name` (`--epochs`, `<results.json>`) of `command`.
    static func argument(_ name: String, of command: String) -> Argument? {
        arguments(of: command).first { $0.name == name }
    }

    /// The argument of `command` that ArgumentParser keys `key` (its property's name): the long option of that
    /// name, else the positional argument whose value name starts with it (`results` is `<results.json>`).
    static func argument(key: String, of command: String) -> Argument? {
        let all = arguments(of: command)
        return all.first { !$0.positional && $0.name == "--" + key }
            ?? all.first { $0.positional && $0.name.dropFirst().hasPrefix(key) }
    }

    private static func read(json: String) -> [Argument] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let command = root["command"] as? [String: Any] else { return [] }
        var out: [Argument] = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let abstract = argument["abstract"] as? String ?? ""
            let values = argument["allValues"] as? [String] ?? []
            if argument["kind"] as? String == "positional" {
                out.append(Argument(name: "<\(argument["valueName"] as? String ?? "value")>", abstract: abstract,
                                    values: values, positional: true))
            }
            let names = argument["names"] as? [[String: Any]] ?? []
            let short = names.first { $0["kind"] as? String == "short" }?["name"] as? String
            let single = argument["kind"] as? String == "option" && argument["isRepeating"] as? Bool != true
            for name in names where name["kind"] as? String == "long" {
                if let n = name["name"] as? String, n != "help", n != "version" {
                    out.append(Argument(name: "--" + n, abstract: abstract, values: values, positional: false,
                                        single: single, short: short))
                }
            }
        }
        return out
    }
}
