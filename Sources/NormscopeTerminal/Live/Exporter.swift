import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeImage

/// Writes what the live view shows to files: the results JSON and the figure as SVG and PNG.
struct Exporter {
    /// Directory the files go to.
    let directory: String

    /// Writes `results` as `normscope-<seed>-<time>.json` (and `.svg`, `.png`, drawn with the live view's colour
    /// scale `vmax`, so the files look like the screen); returns the paths written. `now` (the live view's clock)
    /// names the files; when that name is taken (a second export within the same second, or older files), the
    /// next free of `-2`, `-3`, ... is added, so an export never writes over another.
    /// A failure to write loses no training: the caller shows the message and carries on.
    func export(_ results: ResultsFile, seed: UInt64, colorMap: ColorMapKind, vmax: Double,
                now: Date) -> Result<[String], NormscopeError> {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let stem = (directory.hasSuffix("/") ? directory : directory + "/") + "normscope-\(seed)-\(f.string(from: now))"
        if let reason = Self.unwritableReason(directory) { return .failure(.writeFailed("\(directory): \(reason)")) }
        let base: String
        switch Self.claim(stem) {
        case .success(let b): base = b
        case .failure(let e): return .failure(e)
        }
        var written: [String] = []
        do {
            try AtomicFile.write(data: try results.withoutTimings().encoded(), to: base + ".json")
            written.append(base + ".json")
            try AtomicFile.write(text: FigureSVG.render(results: results, colorMap: colorMap, vmax: vmax), to: base + ".svg")
            written.append(base + ".svg")
            let png = FigureImages.png(FigureRaster(results: results, colorMap: colorMap, vmax: vmax))
            try AtomicFile.write(bytes: png, to: base + ".png")
            written.append(base + ".png")
            return .success(written)
        } catch {
            if written.isEmpty { unlink(base + ".json") }  // the empty file that claimed the name
            if let e = error as? NormscopeError { return .failure(e) }
            return .failure(.writeFailed("cannot write \(base).json: \(error)"))
        }
    }

    /// Claims the first free name of `stem`, `stem-2`, `stem-3`, ...: one whose `.svg` and `.png` do not exist
    /// and whose `.json` this call creates (empty, `O_EXCL`: of two exports at once, only one gets a name).
    /// Returns the name without extension.
    static func claim(_ stem: String) -> Result<String, NormscopeError> {
        for n in 1...10_000 {
            let base = n == 1 ? stem : "\(stem)-\(n)"
            if [".svg", ".png"].contains(where: { access(base + $0, F_OK) == 0 }) { continue }
            let fd = open(base + ".json", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                close(fd)
                return .success(base)
            }
            if errno != EEXIST {
                return .failure(.writeFailed("cannot create \(base).json: \(String(cString: strerror(errno)))"))
            }
        }
        return .failure(.writeFailed("\(stem).json and 10,000 numbered names after it exist already"))
    }

    /// The line the live view shows after an export: the files' common name once and each extension, then the
    /// directory unless it is the current one, so it fits a narrow key-hint line
    /// ("exported normscope-0-20261130-140535 .json .svg .png in /tmp/x").
    func summary(of paths: [String]) -> String {
        let names = paths.map { ($0 as NSString).lastPathComponent }
        let stems = Set(names.map { ($0 as NSString).deletingPathExtension })
        guard stems.count == 1, let stem = stems.first else { return "exported " + names.joined(separator: " ") }
        let extensions = names.map { "." + ($0 as NSString).pathExtension }.joined(separator: " ")
        let place = [".", "./"].contains(directory) ? "" : " in \(DisplayText.escape(directory))"
        return "exported \(stem) \(extensions)\(place)"
    }

    /// Why no file can be created in `directory` (it may have vanished or turned read-only since the start),
    /// or nil when a probe file can be created there.
    static func unwritableReason(_ directory: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            return "no such directory"
        }
        guard let code = DirectoryProbe.creationError(in: directory) else { return nil }
        return code == ENOENT ? "does not accept new files" : String(cString: strerror(code))
    }
}
