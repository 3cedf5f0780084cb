import Foundation
import NormscopeEngine
import Testing

/// Seeded mutations of valid inputs: every parse must return a value or throw `NormscopeError.badFile`
/// with a one-line message, never crash; accepted inputs must survive a render-and-parse round trip.
@Suite("Fuzzing the readers")
struct IOFuzzTests {
    /// Applies one random mutation to `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        func position() -> Int { rng.nextInt(below: bytes.count + 1) }
        func insert(_ text: [UInt8]) { bytes.insert(contentsOf: text, at: position()) }
        func lines() -> [[UInt8]] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
        let tokens = ["NaN", "nan", "-inf", "Infinity", "1e39", "-1e400", "99999999999999999999", "-1", "0x1p3",
                      "\"", "\"\"", ",", "\n", "\r\n", "\r", " ", "train", "test", "{", "}", "[", "]", ":",
                      "\"classes\"", "true", "null", "1e2", "2.5", "\\u12", "\\ud800", "label", "split"]
        switch rng.nextInt(below: 12) {
        case 0 where !bytes.isEmpty:  // flip one bit
            bytes[rng.nextInt(below: bytes.count)] ^= UInt8(1) << UInt8(rng.nextInt(below: 8))
        case 1:  // insert a random byte
            insert([UInt8(truncatingIfNeeded: rng.next())])
        case 2 where !bytes.isEmpty:  // delete a run of bytes
            let start = rng.nextInt(below: bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.nextInt(below: 4)))
        case 3:  // duplicate a line
            var l = lines()
            let k = rng.nextInt(below: l.count)
            l.insert(l[k], at: rng.nextInt(below: l.count + 1))
            bytes = Array(l.joined(separator: [0x0A]))
        case 4:  // delete a line
            var l = lines()
            l.remove(at: rng.nextInt(below: l.count))
            bytes = Array(l.joined(separator: [0x0A]))
        case 5:  // swap two cells of a line
            var l = lines()
            let k = rng.nextInt(below: l.count)
            var cells = l[k].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            if cells.count > 1 {
                cells.swapAt(rng.nextInt(below: cells.count), rng.nextInt(below: cells.count))
                l[k] = Array(cells.joined(separator: [0x2C]))
                bytes = Array(l.joined(separator: [0x0A]))
            }
        case 6:  // insert a troublesome token
            insert(Array(tokens[rng.nextInt(below: tokens.count)].utf8))
        case 7:  // replace a cell with a troublesome token
            var l = lines()
            let k = rng.nextInt(below: l.count)
            var cells = l[k].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            cells[rng.nextInt(below: cells.count)] = Array(tokens[rng.nextInt(below: tokens.count)].utf8)
            l[k] = Array(cells.joined(separator: [0x2C]))
            bytes = Array(l.joined(separator: [0x0A]))
        case 8:  // a NUL byte
            insert([0])
        case 9:  // a random valid scalar, or a broken UTF-8 sequence
            if rng.nextInt(below: 2) == 0 {
                var value = UInt32(rng.nextInt(below: 0x110000))
                if (0xD800..<0xE000).contains(value) { value = 0xFFFD }
                insert(Array(String(Character(Unicode.Scalar(value)!)).utf8))
            } else {
                let broken: [[UInt8]] = [[0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF], [0xE2, 0x82]]
                insert(broken[rng.nextInt(below: broken.count)])
            }
        case 10:  // truncate
            bytes.removeSubrange(position()...)
        default:  // a huge or tiny number
            let numbers = ["3.4028236e38", "1e-46", "-0", "123456789012345678901234567890", "4294967296", "2147483648"]
            insert(Array(numbers[rng.nextInt(below: numbers.count)].utf8))
        }
    }

    /// Checks a thrown error's form: `.badFile`, one line, naming the file, with a fix after " — ".
    static func checkMessage(_ error: NormscopeError, fileName: String) -> Bool {
        guard case .badFile(let message) = error else { return false }
        return message.hasPrefix(fileName + ":") && !message.contains("\n") && !message.contains("\r")
            && message.contains(" — ")
    }

    static func csvSeeds() -> [String] {
        var rng = SplitMix64(seed: 7, stream: "fuzz-seed")
        var rows = ""
        for i in 0..<12 {
            let label = [0, 3, 11][i % 3]
            let features = (0..<3).map { _ in rng.nextFloat(bound: 10).description }.joined(separator: ",")
            rows += "\(label),\(i % 4 == 3 ? "test" : "train"),\(features)\n"
        }
        return [
            "label,split,x0,x1,x2\n" + rows,
            "x0,\"label\",x1,split,x2\r\n0.5,1,2,train,3\r\n1,2,3,train,4\r\n\r\n1.5,1,2,test,\"3\"\r\n",
            "\u{FEFF}label , split , a\n 1 , train , 0.25\n2,train,-1e-3\n1,test,7\n2,test,8",
        ]
    }

    @Test("1,500 mutated CSV texts parse or fail with a located badFile, and accepted ones round-trip")
    func csv() throws {
        var rng = SplitMix64(seed: 2024, stream: "fuzz-csv")
        let seeds = Self.csvSeeds()
        for seed in seeds { _ = try DatasetCSV.parse(text: seed, fileName: "seed.csv") }
        var accepted = 0, rejected = 0, badForm: [String] = [], roundTripFailures = 0
        for _ in 0..<1_500 {
            var bytes = Array(seeds[rng.nextInt(below: seeds.count)].utf8)
            for _ in 0...rng.nextInt(below: 4) { Self.mutate(&bytes, &rng) }
            do {
                let d = try DatasetCSV.parse(bytes: bytes, fileName: "f.csv")
                accepted += 1
                let sane = d.dimension >= 1 && d.trainCount > 0 && d.testCount > 0 && d.classCount >= 2
                    && d.trainFeatures.allSatisfy(\.isFinite) && d.testFeatures.allSatisfy(\.isFinite)
                    && Set(d.testLabels).isSubset(of: Set(d.trainLabels))
                let again = try? DatasetCSV.parse(text: DatasetCSV.render(d), fileName: "f.csv")
                if !sane || again != d { roundTripFailures += 1 }
            } catch {
                rejected += 1
                if !Self.checkMessage(error, fileName: "f.csv") { badForm.append(error.description) }
            }
        }
        #expect(accepted + rejected == 1_500)
        #expect(accepted >= 100, "mutations should leave some files valid")
        #expect(rejected >= 500, "mutations should break most files")
        #expect(badForm == [])
        #expect(roundTripFailures == 0)
    }

    @Test("1,500 mutated recipe texts parse to a valid recipe or fail with a badFile")
    func recipes() throws {
        var rng = SplitMix64(seed: 2024, stream: "fuzz-recipe")
        let seeds = [
            DatasetRecipeFile.render(DatasetRecipe()),
            DatasetRecipeFile.render(DatasetRecipe(name: "q", classes: 20, dimension: 16, maxPerClass: 200, imbalance: 50,
                                                   profile: .step, testPerClass: 50)),
            "{\"classes\": 10, \"noise\": 0.5, \"name\": \"a\\\"b\\u00e9\", \"profile\": \"step\"}",
            "{}",
        ]
        var accepted = 0, rejected = 0, badForm: [String] = [], roundTripFailures = 0
        for _ in 0..<1_500 {
            var bytes = Array(seeds[rng.nextInt(below: seeds.count)].utf8)
            for _ in 0...rng.nextInt(below: 3) { Self.mutate(&bytes, &rng) }
            do {
                let recipe = try DatasetRecipeFile.parse(bytes: bytes, fileName: "f.json")
                accepted += 1
                let again = try? DatasetRecipeFile.parse(text: DatasetRecipeFile.render(recipe), fileName: "f.json")
                if !recipe.validationErrors().isEmpty || again != recipe { roundTripFailures += 1 }
            } catch {
                rejected += 1
                if !Self.checkMessage(error, fileName: "f.json") { badForm.append(error.description) }
            }
        }
        #expect(accepted + rejected == 1_500)
        #expect(accepted >= 100)
        #expect(rejected >= 500)
        #expect(badForm == [])
        #expect(roundTripFailures == 0)
    }

    @Test("DatasetSource sniffing on mutated files of unknown type")
    func sources() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        var rng = SplitMix64(seed: 99, stream: "fuzz-source")
        let seeds = Self.csvSeeds().map { Array($0.utf8) } + [Array(DatasetRecipeFile.render(DatasetRecipe()).utf8)]
        var failures: [String] = []
        for i in 0..<200 {
            var bytes = seeds[rng.nextInt(below: seeds.count)]
            Self.mutate(&bytes, &rng)
            let path = dir.file("case\(i).dat")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try DatasetSource.load(path: path)
            } catch {
                if !Self.checkMessage(error, fileName: path) { failures.append(error.description) }
            }
        }
        #expect(failures == [])
    }
}
