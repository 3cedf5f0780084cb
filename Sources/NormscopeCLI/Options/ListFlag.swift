import Foundation
import NormscopeEngine

/// Comma-separated list flags (`--imbalances 100,50,10`, `--regimes naive,wd`): entries, numbers, and the
/// refusal of repeats where a repeat means nothing.
///
/// A value given twice in `--imbalances`, `--wd-grid`, `--tau-grid`, `--regimes`, `--stage2-base` or
/// `--stage2-variants` would train or search the same thing twice (or, in `reproduce`, wait forever on work
/// that is never scheduled); it is a usage error naming the flag and the value. (`--hidden`, a list of layer
/// widths where repeats are legitimate, is a row of the flag table: `FlagTable.hidden`.)
enum ListFlag {
    /// The entries of `text`, split at commas, blanks around each trimmed (empty entries kept).
    static func entries(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Throws `invalidValue` ("--imbalances lists 100 twice; give each value once") at the first entry of
    /// `text` whose `key` equals an earlier one's. Entries `key` maps to nil are skipped (left to the parser
    /// that names them as bad).
    static func requireDistinct<Key: Hashable>(_ text: String, flag: String, key: (String) -> Key?) throws(NormscopeError) {
        var seen: [Key: String] = [:]
        for entry in entries(text) {
            guard let k = key(entry) else { continue }
            if let first = seen[k] {
                let spellings = first == entry ? "" : " (as \(first) and \(entry))"
                throw .invalidValue("\(flag) lists \(first) twice\(spellings); give each value once")
            }
            seen[k] = entry
        }
    }

    /// The numbers of a comma-separated list, each distinct; throws naming the flag and the bad or repeated
    /// entry. Ranges are checked by the configuration the numbers go into.
    static func distinctNumbers(_ text: String, flag: String) throws(NormscopeError) -> [Double] {
        let values = try numbers(text, flag: flag) { Double($0) }
        try requireDistinct(text, flag: flag) { Double($0) }  // by value: 100 and 1e2 are the same, as are 0 and -0
        return values
    }

    /// Parses a comma-separated list with `parse`; throws naming the flag and the bad entry. Repeats are
    /// allowed here (`distinctNumbers` refuses them).
    static func numbers<T>(_ text: String, flag: String, _ parse: (String) -> T?) throws(NormscopeError) -> [T] {
        var out: [T] = []
        for s in entries(text) {
            guard let v = parse(s) else {
                throw .invalidValue("\(flag) needs a comma-separated list of numbers (bad entry '\(s)' in '\(text)')")
            }
            out.append(v)
        }
        return out
    }
}
