import Foundation
import NormscopeEngine
import Testing

@Suite("CSV writing")
struct DatasetCSVWriteTests {
    @Test("render: header, training rows then test rows, original labels, shortest round-trip floats")
    func renderText() {
        let d = Dataset(name: "t", dimension: 2,
                        trainFeatures: [1.5, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 7, 8], trainLabels: [5, 9, 9],
                        testFeatures: [0.1, 2], testLabels: [5])
        #expect(d.labels == [9, 5])
        #expect(DatasetCSV.render(d) == """
            label,split,x0,x1
            5,train,1.5,-0.0
            9,train,1e-45,3.4028235e+38
            9,train,7.0,8.0
            5,test,0.1,2.0

            """)
    }

    @Test("write then read gives an equal data set with bit-identical features")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 42)
        let originals = [0, 17, 5, 2_147_483_647, 3]
        let d = 7
        func randomFloat() -> Float {
            while true {
                let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
                if f.isFinite { return f }
            }
        }
        var trainLabels: [Int] = [], testLabels: [Int] = []
        for i in 0..<300 { trainLabels.append(originals[i < 5 ? i : rng.nextInt(below: originals.count)]) }
        for _ in 0..<60 { testLabels.append(originals[rng.nextInt(below: originals.count)]) }
        let special: [Float] = [0, -0.0, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 0.1, 1 / 3]
        let trainFeatures = special + (special.count..<(300 * d)).map { _ in randomFloat() }
        let testFeatures = (0..<(60 * d)).map { _ in randomFloat() }
        let original = Dataset(name: "round", dimension: d, trainFeatures: trainFeatures, trainLabels: trainLabels,
                               testFeatures: testFeatures, testLabels: testLabels)

        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("round.csv")
        try DatasetCSV.write(original, to: path)
        let back = try DatasetCSV.read(path: path)
        #expect(back == original)
        #expect(back.trainFeatures.map(\.bitPattern) == original.trainFeatures.map(\.bitPattern))
        #expect(back.testFeatures.map(\.bitPattern) == original.testFeatures.map(\.bitPattern))
        #expect(back.labels == original.labels)
        #expect(dir.contents() == ["round.csv"])
    }

    @Test("non-finite features and featureless data sets are refused, leaving no file")
    func refusesUnreadable() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("bad.csv")
        let nan = Dataset(name: "n", dimension: 2, trainFeatures: [0, 1, 2, .nan], trainLabels: [1, 2],
                          testFeatures: [0, 0], testLabels: [1])
        #expect(errorMessage { try DatasetCSV.write(nan, to: path) }
            == "cannot write \(path): training row 2 feature x1 is nan; CSV data must be finite")
        let inf = Dataset(name: "i", dimension: 1, trainFeatures: [0, 1], trainLabels: [1, 2],
                          testFeatures: [-.infinity], testLabels: [1])
        #expect(errorMessage { try DatasetCSV.write(inf, to: path) }
            == "cannot write \(path): test row 1 feature x0 is -inf; CSV data must be finite")
        let empty = Dataset(name: "e", dimension: 0, trainFeatures: [], trainLabels: [1, 2], testFeatures: [], testLabels: [1])
        #expect(errorMessage { try DatasetCSV.write(empty, to: path) } == "cannot write \(path): the data set has no features")
        #expect(dir.contents() == [])
    }
}

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test("writes a new file and replaces an existing one, leaving no temporary file")
    func writeAndReplace() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("out.json")
        try AtomicFile.write(text: "first", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try AtomicFile.write(data: Data("second é".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second é")
        try AtomicFile.write(bytes: [0x61, 0x0A], to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n")
        #expect(dir.contents() == ["out.json"])
    }

    @Test("a missing directory fails with writeFailed and creates nothing")
    func missingDirectory() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("missing/out.csv")
        do {
            try AtomicFile.write(text: "x", to: path)
            Issue.record("write into a missing directory succeeded")
        } catch {
            #expect(error == .writeFailed("cannot write \(path): directory \(dir.path)/missing does not exist"))
        }
        #expect(dir.contents() == [])
    }

    @Test("a target that is a directory fails, keeps the directory and removes the temporary file")
    func targetIsDirectory() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.file("target")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: target + "/inner", contents: Data("keep".utf8))
        #expect(errorMessage { try AtomicFile.write(text: "new", to: target) } == "cannot write \(target): it is a directory")
        #expect(dir.contents() == ["target"])
        #expect(try String(contentsOfFile: target + "/inner", encoding: .utf8) == "keep")
        #expect(errorMessage { try AtomicFile.write(text: "new", to: dir.path + "/") }
            == "cannot write \(dir.path)/: the path names a directory")
    }

    @Test("a read-only directory fails and leaves the old file intact", .enabled(if: getuid() != 0, "root ignores permissions"))
    func readOnlyDirectory() throws {
        let dir = TemporaryDirectory()
        defer { chmod(dir.path, 0o755); dir.remove() }
        let path = dir.write("old.csv", "old")
        chmod(dir.path, 0o555)
        #expect(errorMessage { try AtomicFile.write(text: "new", to: path) } == "cannot write \(path): Permission denied")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(dir.contents() == ["old.csv"])
    }

    @Test("a name at the file system's limit (255 bytes) is written: the temporary name does not repeat a long name")
    func longName() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let name = String(repeating: "n", count: 250) + ".json"
        try AtomicFile.write(text: "long", to: dir.file(name))
        #expect(try String(contentsOfFile: dir.file(name), encoding: .utf8) == "long")
        #expect(dir.contents() == [name])
    }

    @Test("a failed CSV write into a missing directory leaves nothing behind")
    func csvWriteFailure() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let d = Dataset(name: "d", dimension: 1, trainFeatures: [1, 2], trainLabels: [0, 1], testFeatures: [3], testLabels: [1])
        let path = dir.file("no/such/d.csv")
        #expect(errorMessage { try DatasetCSV.write(d, to: path) }
            == "cannot write \(path): directory \(dir.path)/no/such does not exist")
        #expect(dir.contents() == [])
    }
}
