import Foundation
import NormscopeEngine

/// The demo's pointing phase: after stage 1, the class cursor goes to a tail class and one caption tells its
/// story with the run's own numbers ("Class 97 has 5 training images: under Naive training its row stays short
/// (‖w‖ 0.61 vs 2.10 for class 0) and it is almost never predicted: 0.1% of test predictions, fair share 1.0%.").
extension DemoScript {
    /// Seconds the cursor points at the tail class before stage 2 starts.
    static let pointSeconds = 9.0

    /// The tail class to point at in `history` (the first panel's regime): among the rarest third of the classes,
    /// the one predicted least at its last epoch (the rarest on a tie), or the rarest class without counts.
    static func tailClass(_ history: RunHistory?, classCount: Int) -> Int? {
        guard classCount > 0 else { return nil }
        let last = classCount - 1
        guard let counts = history?.records.last?.predictionCounts, counts.count == classCount else { return last }
        let tail = (classCount - max(1, classCount / 3))...last
        return tail.reversed().min { counts[$0] < counts[$1] } ?? last
    }

    /// The pointing caption for class `k` of `classCounts` (most frequent first) under `history`'s regime: at
    /// most two lines of an 80-column terminal (the readout line under the figure has the norms).
    static func pointCaption(_ k: Int, classCounts: [Int], history: RunHistory?) -> String {
        let n = k < classCounts.count ? classCounts[k] : 0
        let title = history?.id.base.title ?? "naive"
        let record = history?.records.last
        let norms = record?.norms ?? []
        let counts = record?.predictionCounts ?? []
        var text = "Class \(k) has \(n) training \(n == 1 ? "image" : "images"): under \(title) training its row "
        if k < norms.count, let head = norms.first, norms[k] >= 0.8 * head {
            text += "is about as long as the head's"
        } else {
            text += "stays short"
        }
        let total = counts.reduce(0, +)
        guard k < counts.count, total > 0 else { return text + "." }
        let share = 100 * Double(counts[k]) / Double(total), fair = 100 / Double(counts.count)
        let verdict = share < fair / 2 ? "it is almost never predicted" : share < fair ? "it is predicted less than its share"
            : "it still gets its share"
        return text + " and \(verdict): " + String(format: "%.1f", share) + "% of test predictions, fair share "
            + String(format: "%.1f", fair) + "%."
    }
}
