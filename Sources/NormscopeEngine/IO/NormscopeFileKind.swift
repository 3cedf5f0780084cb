import Foundation

/// Which of normscope's own files a file is, told from its top-level JSON keys or its CSV header, so that a
/// file given to the wrong command is named for what it is and the right command suggested.
package enum NormscopeFileKind: Equatable, Sendable {
    /// The results of `normscope run -o` (what `figure` draws).
    case results
    /// The JSON report of `normscope reproduce -o`.
    case reproduceReport
    /// A data-set recipe (`datasets/*.json`, `normscope dataset -o r.json`).
    case recipe
    /// A data-set CSV file (`normscope dataset -o d.csv`).
    case datasetCSV

    /// The kind of a JSON object with these top-level keys, or nil when it is none of normscope's files.
    package static func of(jsonKeys keys: Set<String>) -> NormscopeFileKind? {
        if keys.isSuperset(of: ["regimes", "classCounts"]) { return .results }
        if keys.contains("claims") || keys.contains("selections") || (keys.contains("rows") && !keys.contains("regimes")) {
            return .reproduceReport
        }
        if keys.contains("classes"), keys.isSubset(of: Set(DatasetRecipeFile.keys)) { return .recipe }
        return nil
    }

    /// Largest JSON file whose keys `of(bytes:)` reads (64 MB): reports and recipes are far smaller, and a
    /// damaged results file of gigabytes is not parsed a second time into a tree.
    static let maxJSONBytes = 64 << 20

    /// The kind of a file's bytes: a JSON object's keys (up to `maxJSONBytes`), or a CSV header naming a
    /// `label` column; nil otherwise (or when the bytes are not well-formed JSON).
    package static func of(bytes: Data) -> NormscopeFileKind? {
        let start = bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if start.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == 0x7B {
            guard start.count <= maxJSONBytes,
                  let object = try? JSONSerialization.jsonObject(with: Data(start)) as? [String: Any] else { return nil }
            return of(jsonKeys: Set(object.keys))
        }
        let firstLine = start.prefix(4096).split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()
        let cells = String(decoding: firstLine, as: UTF8.self).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return cells.count >= 2 && cells.contains("label") ? .datasetCSV : nil
    }

    /// What the file is and which command writes it, for a message: "a reproduce report (written by
    /// 'normscope reproduce -o')".
    package var phrase: String {
        switch self {
        case .results: return "a results file (written by 'normscope run -o')"
        case .reproduceReport: return "a reproduce report (written by 'normscope reproduce -o')"
        case .recipe: return "a data-set recipe"
        case .datasetCSV: return "a data-set CSV file"
        }
    }
}
