import NormscopeEngine

/// The norms of a results file as CSV, one line per (regime, epoch, class), for pandas or matplotlib.
///
/// Columns: `regime,stage,epoch,class,count,norm,accuracy,predicted`. `stage` is 1 for a stage-1 regime and 2 for a stage-2
/// continuation or post-hoc normalization (named `base>variant`); `epoch` counts within the stage, 0 being the
/// state before it (for stage 2: the base's final norms; a post-hoc normalization has only epoch 0, its
/// normalized norms); a run longer than 1,024 epochs lists the epochs it kept (see `RunHistory`). `class` is the index sorted by training count (0 = most frequent), `count` its training
/// samples, `norm` the L2 norm of its classifier row (bias excluded), written so it reads back exactly;
/// `accuracy` the class's test accuracy in percent and `predicted` how many test samples were predicted as the
/// class, both at that epoch (empty for a results file that does not record them). `change` names the changes of
/// setting made after this many epochs that affect the regime (`weightDecay=0.005`, several joined by `;`, in the
/// results' names: see docs/results-format.md), empty on every other line: the epochs after it train with the
/// new value.
package enum FigureCSV {
    /// The header line's columns.
    package static let columns = ["regime", "stage", "epoch", "class", "count", "norm", "accuracy", "predicted", "change"]

    /// The CSV text, header first, lines ending in `\n`.
    package static func render(results: ResultsFile) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for h in results.runs {
            let name = field(h.name)
            let stage = h.isStage2 ? "2" : "1"
            let changes = h.isStage2 ? [] : ConfigChange.inEpochOrder(results.config.training.changes)
                .filter { $0.setting.affects(h.id.base) }
            for r in h.records {
                let epoch = String(r.epoch)
                let change = changes.filter { $0.epoch == r.epoch }.map { "\($0.setting.rawValue)=\(number($0.value))" }
                    .joined(separator: ";")
                for (k, v) in r.norms.enumerated() {
                    let count = k < results.classCounts.count ? String(results.classCounts[k]) : ""
                    let accuracy = k < r.classAccuracy.count ? number(r.classAccuracy[k]) : ""
                    let predicted = k < r.predictionCounts.count ? String(r.predictionCounts[k]) : ""
                    out += name + "," + stage + "," + epoch + "," + String(k) + "," + count + "," + number(v)
                        + "," + accuracy + "," + predicted + "," + change + "\n"
                }
            }
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
        return out + "\""
    }

    /// The shortest text that reads back as `v` ("nan"/"inf" as pandas reads them).
    static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return "\(v)"
    }
}
