import Foundation
import Testing
@testable import NormscopeCLI
import NormscopeEngine

/// `normscope figure` on results from a real run draws the accuracy row and the prediction profiles; an older
/// results file draws Fig. 2 as before, with no error.
struct FigureAccuracyCommandTests {
    @Test func aRunsResultsDrawTheAccuracyRowAndPredictionProfiles() throws {
        let (dir, results) = try FigureCommandTests.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("fig.svg").path
        try FigureCommand.parse([results, "-o", svg]).run()
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        for id in ["accuracy-row", "accuracy-a", "accuracy-e", "accuracy-colorbar", "profile-predictions", "profile-predictions-stage2"] {
            #expect(text.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(text.contains("Test accuracy of each class after each epoch") && text.contains("where the test predictions go"))
        let csv = dir.appendingPathComponent("n.csv").path
        try FigureCommand.parse([results, "-o", csv]).run()
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        let accuracy = try #require(header.firstIndex(of: "accuracy")), predicted = try #require(header.firstIndex(of: "predicted"))
        #expect(row.count == header.count && !row[accuracy].isEmpty && !row[predicted].isEmpty,
                "accuracy and predicted filled: \(header) \(row)")
    }

    @Test func anOlderResultsFileDrawsWithoutTheSecondRow() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let old = root.path + "/Tests/Fixtures/results-before-per-class.json"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-figold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("fig.svg").path
        try FigureCommand.parse([old, "-o", svg]).run()
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("id=\"panel-a\"") && text.contains("id=\"profile-stage2\""))
        #expect(!text.contains("accuracy-row") && !text.contains("profile-predictions"))
        let png = dir.appendingPathComponent("fig.png").path
        try FigureCommand.parse([old, "-o", png]).run()
        #expect(FileManager.default.fileExists(atPath: png))
    }
}
