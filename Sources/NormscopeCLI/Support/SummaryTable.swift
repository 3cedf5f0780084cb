import Foundation
import NormscopeEngine

/// The summary printed after a headless run: accuracy by group and the head/tail norms per regime.
enum SummaryTable {
    /// The table as text, one line per regime, aligned; names from the results are shown through `DisplayText`.
    static func render(_ results: ResultsFile) -> String {
        let groups = results.classCounts.map(ClassGroup.init(trainingCount:))
        let names = results.runs.map { DisplayText.escape($0.name) }
        let w = max(22, (names.map(\.count).max() ?? 0) + 2)
        var lines = [pad("regime", w) + lpad("Many", 7) + lpad("Medium", 8) + lpad("Few", 7) + lpad("All", 7)
                     + lpad("|w| head", 10) + lpad("|w| tail", 10) + lpad("time", 8) + "  note"]
        for (r, name) in zip(results.runs, names) {
            let last = r.finalNorms
            func meanNorm(_ g: ClassGroup) -> Double {
                let v = zip(last, groups).filter { $0.1 == g }.map(\.0)
                return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
            }
            // A group without classes has no accuracy (the results file records 0 for it): shown as "-".
            func acc(_ v: Double, _ g: ClassGroup) -> Double { groups.contains(g) ? v : .nan }
            let a = r.accuracy
            var note = ""
            if let d = r.diverged { note = "DIVERGED at epoch \(d.epoch): \(DisplayText.escape(d.reason))" }
            else if let rad = r.maxNormRadius { note = String(format: "delta %.3f", rad) }
            let head = meanNorm(.many), tail = meanNorm(.few)
            lines.append(pad(name, w) + f(acc(a.many, .many), 7) + f(acc(a.medium, .medium), 8) + f(acc(a.few, .few), 7) + f(a.all, 7)
                         + f(head, 10, digits: 3) + f(tail.isNaN ? meanNorm(.medium) : tail, 10, digits: 3)
                         + lpad(r.seconds > 0 ? String(format: "%.1fs", r.seconds) : "-", 8) + "  " + note)
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    private static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
    private static func f(_ v: Double, _ n: Int, digits: Int = 2) -> String {
        lpad(v.isNaN ? "-" : String(format: "%.\(digits)f", v), n)
    }
}
