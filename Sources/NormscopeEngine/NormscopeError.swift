/// Errors the engine reports to users: each message is one line naming what was wrong and how to fix it.
package enum NormscopeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A flag or setting has a value out of range or of the wrong form.
    case invalidValue(String)
    /// A data or recipe file could not be used; the message names file, line and column where they apply.
    case badFile(String)
    /// Writing an output file failed; nothing was left at the path.
    case writeFailed(String)

    package var description: String {
        switch self {
        case .invalidValue(let m), .badFile(let m), .writeFailed(let m): return m
        }
    }
}
