/// A row of the flag table whatever its value type: what a settings panel lists and a test walks.
package struct FlagEntry: Sendable {
    /// The flag with its dashes (`--epochs`).
    package let flag: String
    /// The help line, range and default included.
    package let help: String
    /// What the flag takes.
    package let kind: FlagValueKind
    /// Sensible values as the command line spells them.
    package let steps: [String]
    /// Reads `text` and spells the value it gives; throws the flag's one-line message when it gives none.
    package let check: @Sendable (String) throws(FlagValueError) -> String

    /// The name without dashes (`epochs`), as `--change` names the setting.
    package var name: String { String(flag.drop { $0 == "-" }) }
}
