import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeImage

/// Writes what the live view shows to files: the results JSON and the figure as SVG and PNG.
struct Exporter {
    /// Directory the files go to.
    let directory: String

    /// Writes `results` as `normscope-<seed>-<time>.json` (and `.svg`, `.png`, drawn with the live view's colour
    /// scale `vmax`, so the files look like the screen); returns the paths written.
    /// A failure to write loses no training: the caller shows the message and carries on.
    func export(_ results: ResultsFile, seed: UInt64, colorMap: ColorMapKind, vmax: Double,
                now: Date = Date()) -> Result<[String], NormscopeError> {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + "normscope-\(seed)-\(f.string(from: now))"
        if let reason = Self.unwritableReason(directory) { return .failure(.writeFailed("\(directory): \(reason)")) }
        do {
            try AtomicFile.write(data: try results.withoutTimings().encoded(), to: base + ".json")
            var written = [base + ".json"]
            try AtomicFile.write(text: FigureSVG.render(results: results, colorMap: colorMap, vmax: vmax), to: base + ".svg")
            written.append(base + ".svg")
            let png = FigureImages.png(FigureRaster(results: results, colorMap: colorMap, vmax: vmax))
            try AtomicFile.write(bytes: png, to: base + ".png")
            written.append(base + ".png")
            return .success(written)
        } catch let e as NormscopeError {
            return .failure(e)
        } catch {
            return .failure(.writeFailed("cannot write \(base).json: \(error)"))
        }
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
