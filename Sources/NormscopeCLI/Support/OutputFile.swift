#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

/// The results file of a headless run: checked before training, written atomically after it, never lost.
enum OutputFile {
    /// Throws `writeFailed` when `path` cannot be written: an empty path, a directory, a missing or
    /// unwritable directory. Called BEFORE training, so a long run is not trained in vain; it creates
    /// and removes a probe file next to `path` (the only reliable test: `access` says yes to root on a
    /// read-only file system).
    static func checkWritable(_ path: String) throws(NormscopeError) {
        func failure(_ reason: String) -> NormscopeError {
            .writeFailed("cannot write \(path): \(reason); nothing was trained — pick another --output")
        }
        guard !path.isEmpty else { throw failure("the path is empty") }
        var isDir: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue) {
            throw failure("it is a directory")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var dirIsDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &dirIsDir), dirIsDir.boolValue else {
            throw failure("directory \(directory) does not exist")
        }
        let probe = (directory == "/" ? "/" : directory + "/") + ".normscope-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw failure("directory \(directory) does not accept new files") }
            throw failure(String(cString: strerror(code)))
        }
        close(fd)
        unlink(probe)
    }

    /// Writes `data` atomically to `path`. On failure, saves it to a fresh file in the temporary directory
    /// instead and returns the error with that file's name in it, so no training is lost.
    static func write(_ data: Data, to path: String) -> NormscopeError? {
        do {
            try AtomicFile.write(data: data, to: path)
            return nil
        } catch {
            let tmp = NSTemporaryDirectory()
            let rescue = (tmp.hasSuffix("/") ? tmp : tmp + "/") + "normscope-results-\(getpid()).json"
            if (try? AtomicFile.write(data: data, to: rescue)) != nil {
                return .writeFailed("\(error.description); the results were saved to \(rescue) instead")
            }
            return .writeFailed("\(error.description); the results could not be saved anywhere")
        }
    }
}
