#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeEngine

extension OutputTarget {
    /// Checks a directory that files are written into later (the live view's `--export-dir`): it must exist
    /// and be a directory (links followed); throws `writeFailed` naming the flag and what the path is.
    ///
    /// Whether it accepts new files is not checked here: an export is optional and its failure is shown in
    /// the live view without stopping the training.
    static func checkDirectory(_ path: String, flag: String, consequence: String) throws(NormscopeError) {
        func failure(_ reason: String) -> NormscopeError {
            .writeFailed("\(flag) \(path) is not a directory: \(reason); \(consequence) — create it or pick another \(flag)")
        }
        guard !path.isEmpty else { throw failure("the path is empty") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw failure(code == ENOENT ? "it does not exist" : systemMessage(code))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .directory else { throw failure("it is \(kind.phrase)") }
    }
}
