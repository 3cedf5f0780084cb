import Foundation
import NormscopeEngine
import Testing
@testable import NormscopeDraw
@testable import NormscopeTerminal

/// The demo's pointing phase: the cursor on a tail class that the naive network hardly predicts, and a caption
/// with the run's own numbers that fits two lines of an 80-column terminal.
@Suite("demo points at a tail class")
struct DemoPointTests {
    static let counts = DemoLayoutTests.counts

    /// A naive history whose last epoch has `norms` and predicts `predicted` per class.
    static func naive(norms: [Double], predicted: [Int]) -> RunHistory {
        let record = EpochRecord(epoch: 100, norms: norms, trainLoss: 1, accuracy: AccuracySummary(all: 40, many: 60, medium: 30, few: 5),
                                 predictionCounts: predicted)
        return RunHistory(id: RunID(.naive), plannedEpochs: 100, records: [record])
    }

    @Test("the tail class is the least-predicted of the rarest third; the caption says its count, norm verdict and share")
    func caption() {
        var predicted = (0..<100).map { 100 - $0 }  // 5050 predictions, the head most
        predicted[93] = 0
        let norms = (0..<100).map { 2.1 - Double($0) / 80 }
        let h = Self.naive(norms: norms, predicted: predicted)
        let k = DemoScript.tailClass(h, classCount: 100)
        #expect(k == 93)
        let text = DemoScript.pointCaption(93, classCounts: Self.counts, history: h)
        #expect(text == "Class 93 has \(Self.counts[93]) training images: under Naive training its row stays short and it is almost never predicted: 0.0% of test predictions, fair share 1.0%.")
        #expect(TextFit.wrap(text, 78).count <= 2, "two lines at 80 columns")
    }

    @Test("the caption tells what the numbers say, not what the paper expects")
    func truthful() {
        let h = Self.naive(norms: Array(repeating: 1, count: 100), predicted: Array(repeating: 10, count: 100))
        let text = DemoScript.pointCaption(99, classCounts: Self.counts, history: h)
        #expect(text.contains("is about as long as the head's") && text.contains("it still gets its share: 1.0%"), "\(text)")
        #expect(DemoScript.tailClass(h, classCount: 100) == 99, "a tie goes to the rarest class")
        #expect(DemoScript.tailClass(nil, classCount: 100) == 99, "no counts: the rarest class")
    }
}
