import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// The norms as CSV: one line per (regime, epoch, class), stages and epochs counted as documented.
struct FigureCSVTests {
    @Test func everyNormIsOneLine() {
        let r = FigureSVGTests.results(epochs: 4, classes: 6)
        let lines = FigureCSV.render(results: r).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "regime,stage,epoch,class,count,norm,accuracy,predicted,change")
        #expect(lines.last == "", "ends with a newline")
        let expected = r.runs.map { $0.records.count * 6 }.reduce(0, +)
        #expect(lines.count - 2 == expected)
        // These results record no per-class accuracy or predictions: their columns are empty.
        #expect(lines[1] == "naive,1,0,0,\(r.classCounts[0]),\(r.runs[0].records[0].norms[0]),,,")
    }

    @Test func perClassAccuracyAndPredictionsHaveTheirColumns() {
        var r = FigureSVGTests.results(epochs: 2, classes: 3)
        let zero = AccuracySummary(all: 0, many: 0, medium: 0, few: 0)
        r.runs = [RunHistory(id: RunID(.naive), plannedEpochs: 1, records: [
            EpochRecord(epoch: 0, norms: [1, 2, 3], trainLoss: 0, accuracy: zero,
                        classAccuracy: [100, 50, 0], predictionCounts: [4, 2, 0]),
            EpochRecord(epoch: 1, norms: [1, 2, 3], trainLoss: 0, accuracy: zero,
                        classAccuracy: [1.0 / 3, 25, 12.5], predictionCounts: [3, 2, 1]),
        ])]
        let lines = FigureCSV.render(results: r).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 6 && lines.allSatisfy { $0.count == 9 })
        #expect(lines.map { Double($0[6])! } == [100, 50, 0, 1.0 / 3, 25, 12.5])
        #expect(lines.map { Int($0[7])! } == [4, 2, 0, 3, 2, 1])
    }

    @Test func stageTwoEpochsCountFromItsStart() {
        let r = FigureSVGTests.results(epochs: 4, classes: 3)
        let lines = FigureCSV.render(results: r).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let cb = lines.filter { $0[0] == "wd>cb+wd+maxnorm" }
        #expect(cb.map { $0[1] } == Array(repeating: "2", count: 12))
        #expect(cb.map { $0[2] } == ["0", "0", "0", "1", "1", "1", "2", "2", "2", "3", "3", "3"])
        let tau = lines.filter { $0[0] == "wd>posthoc-tau" }
        #expect(tau.count == 3 && tau.allSatisfy { $0[1] == "2" && $0[2] == "0" })
        // Stage 2 epoch 0 is the base's final row.
        let wdLast = r.runs[2].finalNorms
        #expect(cb.prefix(3).map { Double($0[5])! } == wdLast)
    }

    @Test func numbersReadBackExactlyAndOddNamesAreQuoted() {
        for v in [0.1, 1.0 / 3, 1e-7, 123456.789, 2.0] { #expect(Double(FigureCSV.number(v)) == v) }
        #expect(FigureCSV.number(.nan) == "nan" && FigureCSV.number(-.infinity) == "-inf")
        #expect(FigureCSV.field("a,b") == "\"a,b\"" && FigureCSV.field("x\"y") == "\"x\"\"y\"" && FigureCSV.field("wd>cb") == "wd>cb")
    }
}
