#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

extension OutputTarget {
    /// Writes `data` to the target: standard output, or the file replaced atomically.
    func write(_ data: Data) throws(NormscopeError) {
        switch destination {
        case .standardOutput: try StandardOutput.write(data)
        case .file: try replace { path throws(NormscopeError) in try AtomicFile.write(data: data, to: path) }
        }
    }

    /// Calls `body` with the file to replace (the path with its links resolved); `body` writes it
    /// atomically. The path is looked at again first: after a long run it may no longer be a regular file
    /// or a new path, and it is then not touched. Errors name the path as the user gave it.
    func replace(_ body: (String) throws(NormscopeError) -> Void) throws(NormscopeError) {
        guard case .file(let real) = destination else {
            preconditionFailure("replace(_:) needs a file target; standard output is written with write(_:)")
        }
        var info = stat()
        if stat(real, &info) == 0 {
            let kind = FileKind(mode: info.st_mode)
            if kind != .regular { throw .writeFailed("cannot write \(path): it is now \(kind.phrase), not a regular file") }
            if !force && ReplacedFile.isReadOnly(real) {
                throw .writeFailed("cannot write \(path): it is now read-only (\(Self.modeText(real))); give --force to replace it anyway")
            }
        }
        do {
            try body(real)
        } catch {
            let prefix = "cannot write \(real): "
            guard real != path, error.description.hasPrefix(prefix) else { throw error }
            throw .writeFailed("cannot write \(path) (a link to \(real)): " + error.description.dropFirst(prefix.count))
        }
    }

    /// Writes `data` like `write`; on failure saves it to `$TMPDIR/<rescueName>` instead and returns the
    /// error with that file's name in it, so that no training is lost. Nil when `data` was written.
    /// `what` names the data in the message ("the results").
    func writeOrRescue(_ data: Data, rescueName: String, what: String) -> NormscopeError? {
        do {
            try write(data)
            return nil
        } catch {
            let tmp = NSTemporaryDirectory()
            let rescue = (tmp.hasSuffix("/") ? tmp : tmp + "/") + rescueName
            let rescueFailure = FileSizeLimit.lifted { () -> NormscopeError? in
                do throws(NormscopeError) { try AtomicFile.write(data: data, to: rescue) } catch { return error }
                return nil
            }
            guard let rescueFailure else { return .writeFailed("\(error.description); a copy of \(what) was saved to \(rescue) instead") }
            return .writeFailed("\(error.description); \(what) could not be saved anywhere (\(rescueFailure.description))")
        }
    }
}
