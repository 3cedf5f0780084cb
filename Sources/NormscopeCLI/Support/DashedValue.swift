/// A value that starts with a dash, given after an option that takes one (`figure r.json -o -fig.svg`): the
/// parser reads the word as an option and says the option "needs a value", though one was given. This message
/// says what happened and the spelling that works (`--output=-fig.svg`).
enum DashedValue {
    /// "-o got no value: '-fig.svg' starts with a dash, so it was read as an option — write --output=-fig.svg"
    /// when the word after `flag` in `arguments` starts with a dash and is no option of `command`; nil otherwise.
    static func message(flag: String, arguments: [String], command: String) -> String? {
        guard let at = arguments.firstIndex(of: flag), at + 1 < arguments.count else { return nil }
        let word = arguments[at + 1]
        guard word.hasPrefix("-"), word != "-", word != "--" else { return nil }
        let options = CommandOptions.arguments(of: command)
        let name = String(word.prefix { $0 != "=" })
        let known = ["--help", "-h", "--version"].contains(name) || options.contains { $0.isNamed(name) }
        guard !known else { return nil }
        let long = flag.hasPrefix("--") ? flag : options.first { $0.isNamed(flag) }?.name ?? flag
        return "\(flag) got no value: '\(word)' starts with a dash, so it was read as an option — write \(long)=\(word)"
    }
}
