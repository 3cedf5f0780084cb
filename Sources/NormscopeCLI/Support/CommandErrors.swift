import ArgumentParser
import NormscopeEngine

/// Turns engine errors into one-line messages and the right exit codes.
enum CommandErrors {
    /// Runs `body`; a `NormscopeError` becomes a one-line error on stderr and a non-zero exit
    /// (64, usage, for bad values; 65, data, for bad files; 73, can't create, for write failures). The message
    /// may quote file contents and paths, so it is shown through `DisplayText.escape`.
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as NormscopeError {
            StandardError.write("normscope: error: \(DisplayText.escape(e.description))\n")
            switch e {
            case .invalidValue: throw ExitCode(64)
            case .badFile: throw ExitCode(65)
            case .writeFailed: throw ExitCode(73)
            }
        }
    }
}
