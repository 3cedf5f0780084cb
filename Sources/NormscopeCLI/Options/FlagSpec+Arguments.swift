import ArgumentParser
import NormscopeFlags

extension FlagSpec {
    /// The row's parser as ArgumentParser's `transform`: a refused value reaches the error line as the row's
    /// `FlagValueError` (see `ParserFailure`), in the table's words.
    var transform: @Sendable (String) throws -> Value {
        { text in try self.parse(text) }
    }

    /// The row's help for an option; `summary` and `default` replace the table's where a command means more.
    func argumentHelp(_ summary: String? = nil, default defaultText: String? = nil, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(help(summary, default: defaultText), valueName: valueName)
    }
}
