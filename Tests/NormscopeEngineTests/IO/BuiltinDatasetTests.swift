import Foundation
import Testing
@testable import NormscopeEngine

/// The built-in long-tailed digits: the embedded pixels are the file in datasets/, shaped as documented.
struct BuiltinDatasetTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    @Test func theEmbeddedCopyIsTheFileInDatasets() throws {
        let file = try Data(contentsOf: Self.repository.appendingPathComponent("datasets/digits-lt.csv"))
        #expect(file == Data(BuiltinDataset.digitsLT.csv.utf8), "the file is written from the program: normscope dataset --dataset digits-lt -o datasets/digits-lt.csv --force")
        #expect(try DatasetCSV.read(path: Self.repository.appendingPathComponent("datasets/digits-lt.csv").path)
                == BuiltinDataset.digitsLT.load())
    }

    @Test func digitsAreLongTailedAtImbalanceTwentyWithABalancedTestSplit() {
        let d = BuiltinDataset.digitsLT.load()
        #expect(d.name == "digits-lt" && d.dimension == 64 && d.classCount == 10)
        #expect(d.classCounts == [120, 86, 61, 44, 31, 22, 16, 11, 8, 6])
        #expect(d.classCounts == ImbalanceProfile.exponential.counts(classes: 10, maxPerClass: 120, imbalance: 20))
        #expect(d.labels == [8, 2, 0, 7, 6, 5, 3, 9, 4, 1], "the seeded head order")
        #expect(d.trainCount == 405 && d.testCount == 500)
        var test = [Int](repeating: 0, count: 10)
        for y in d.testLabels { test[Int(y)] += 1 }
        #expect(test == [Int](repeating: 50, count: 10))
        #expect(d.classGroups.filter { $0 == .many }.count == 1 && d.classGroups.filter { $0 == .few }.count == 4)
        // Pixels 0...16 divided by 16: exact in float32, in [0, 1].
        for x in d.trainFeatures + d.testFeatures { #expect(x >= 0 && x <= 1 && (x * 16).rounded() == x * 16) }
    }

    @Test func provenanceNamesSourceAndLicence() {
        let p = BuiltinDataset.digitsLT.provenance
        #expect(p.name == "digits-lt" && p.license == "CC BY 4.0")
        #expect(p.source.contains("Handwritten Digits") && p.source.contains("scikit-learn"))
        #expect(p.preparation.contains("make_digits_lt.py"))
        #expect(BuiltinDataset.named("digits-lt") == .digitsLT && BuiltinDataset.named("digits") == nil)
    }

    @Test func aCopyOfTheDataIsRecognisedWhateverItsName() throws {
        var d = BuiltinDataset.digitsLT.load()
        d.name = "elsewhere"
        #expect(BuiltinDataset.matching(d) == .digitsLT)
        let other = d.validationSplit(fraction: 0.2, seed: 0)
        #expect(BuiltinDataset.matching(other) == nil)
    }
}
