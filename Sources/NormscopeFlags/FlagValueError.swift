/// A flag's value refused: which flag, and one line in the project's words that names it, says what it takes
/// and quotes what was given (`--epochs must be between 1 and 1000000 (got 0)`).
///
/// The command line, the settings panel and `--change` show the same line for the same value.
package struct FlagValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The flag, with its dashes (`--epochs`).
    package var flag: String
    /// The whole message, starting with the flag.
    package var message: String

    package init(flag: String, message: String) {
        self.flag = flag
        self.message = message
    }

    package var description: String { message }
}
