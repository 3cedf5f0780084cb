/// One flag of the command line: its name, help, what it takes and its allowed values, sensible steps, and the
/// parser that reads its text into a typed value or refuses it with the one line every reader shows.
///
/// The commands declare their options with `parse` (ArgumentParser reads the value through it and reports its
/// error), the help from `help`, and a settings panel or `--change NAME=VALUE` reads the same row.
package struct FlagSpec<Value: Sendable>: Sendable {
    /// The flag with its dashes (`--weight-decay`).
    package let flag: String
    /// What the flag sets, without its range or default ("Training epochs").
    package let summary: String
    /// What it takes, with the range.
    package let kind: FlagValueKind
    /// The default as the help states it, if the help states one.
    package let defaultText: String?
    /// A sentence the help adds after the range ("Conflicts with --maxnorm-thresh.").
    package let note: String?
    /// Sensible values to step through, in increasing order (empty for flags a panel does not offer).
    package let steps: [Value]
    /// The value as a command line spells it.
    package let spell: @Sendable (Value) -> String
    private let read: @Sendable (String) throws(FlagValueError) -> Value

    package init(flag: String, summary: String, kind: FlagValueKind, defaultText: String? = nil, note: String? = nil,
                 steps: [Value] = [], spell: @escaping @Sendable (Value) -> String = { "\($0)" },
                 read: @escaping @Sendable (String) throws(FlagValueError) -> Value) {
        self.flag = flag
        self.summary = summary
        self.kind = kind
        self.defaultText = defaultText
        self.note = note
        self.steps = steps
        self.spell = spell
        self.read = read
    }

    /// The name without dashes, as `--change EPOCH:NAME=VALUE` names the setting (`weight-decay`).
    package var name: String { String(flag.drop { $0 == "-" }) }

    /// `text` as a value; throws the one-line message naming the flag when the text is not one, or is out of range.
    package func parse(_ text: String) throws(FlagValueError) -> Value { try read(text) }

    /// The help line: summary, allowed values, default and note ("Training epochs, between 1 and 1000000
    /// (default: 100)."). A command whose flag means something more specific passes its own `summary` or default.
    package func help(_ summary: String? = nil, default defaultText: String? = nil) -> String {
        var text = "\(summary ?? self.summary), \(kind.helpPhrase)"
        if let d = defaultText ?? self.defaultText { text += " (default: \(d))" }
        text += "."
        if let note { text += " " + note }
        return text
    }

    /// The row without its value type, for tables that list flags of every type.
    package var entry: FlagEntry {
        let read = self.read, spell = self.spell
        return FlagEntry(flag: flag, help: help(), kind: kind, steps: steps.map(spell)) { text throws(FlagValueError) in
            spell(try read(text))
        }
    }
}
