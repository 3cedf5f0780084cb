/// An option that takes one value given twice with different values (`run --epochs 1 --epochs 2`, `figure -o
/// a.svg -o b.svg`): ArgumentParser would silently keep the last, so a mistyped or pasted command line would
/// run with a value the user may not have meant. Repeatable options (`--change`) and flags are not checked.
enum RepeatedOption {
    /// The one-line message for the first option of `command` given twice with different values in
    /// `arguments` (the words after the command name), or nil when there is none.
    static func problem(in arguments: [String], command: String) -> String? {
        guard mayRepeat(arguments) else { return nil }
        let options = CommandOptions.arguments(of: command)
        var seen: [String: String] = [:]
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            i += 1
            if word == "--" { break }
            let equals = word.firstIndex(of: "=")
            let spelled = equals.map { String(word[..<$0]) } ?? word
            guard let option = options.first(where: { $0.isNamed(spelled) }), option.single else { continue }
            let value: String
            if let equals {
                value = String(word[word.index(after: equals)...])
            } else if i < arguments.count {
                value = arguments[i]
                i += 1
            } else {
                return nil  // no value: ArgumentParser says so
            }
            if let first = seen[option.name], first != value {
                return "\(option.name) is given twice, as '\(first)' and as '\(value)'; give it once"
            }
            seen[option.name] = value
        }
        return nil
    }

    /// Whether any option word appears twice (`-o` counted as `--output`): a cheap test first, as reading the
    /// commands' options (`CommandOptions`) takes a noticeable part of a second in a debug build.
    private static func mayRepeat(_ arguments: [String]) -> Bool {
        var names = Set<String>()
        for word in arguments.prefix(while: { $0 != "--" }) where word.hasPrefix("-") {
            let name = word == "-o" ? "--output" : String(word.prefix { $0 != "=" })
            if !names.insert(name).inserted { return true }
        }
        return false
    }
}
