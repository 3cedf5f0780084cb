import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import Testing

/// Bad data and recipe files given to the real binary: exit status 65, one line on stderr naming the file
/// (and line and column where they apply), nothing trained, nothing written.
@Suite("bad files")
struct BadFileTests {
    /// A file to create (nil: do not create it) and what the error must say.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var content: [UInt8]?
        var mentions: [String]
        var testDescription: String { name }
        init(_ name: String, _ text: String?, _ mentions: String...) {
            self.name = name
            content = text.map { Array($0.utf8) }
            self.mentions = mentions
        }
        init(_ name: String, bytes: [UInt8], _ mentions: String...) {
            self.name = name
            content = bytes
            self.mentions = mentions
        }
    }

    static let good = "label,split,x\n0,train,1\n1,train,2\n0,test,1\n1,test,2\n"

    static let cases: [Case] = [
        Case("missing.csv", nil, "missing.csv: no such file"),
        Case("quikc", nil, "quikc: no such file", "no built-in recipe of that name", "quick",
             "no built-in data set of that name (digits-lt)"),
        Case("empty.csv", "", "empty.csv: file is empty"),
        Case("header.csv", "Label,split,x\n0,train,1\n", "header.csv:1:1:", "\"label\""),
        Case("noheader.csv", "0,train,1\n1,train,2\n", "noheader.csv:1:"),
        Case("ragged.csv", "label,split,x\n0,train,1\n1,train,2,3\n", "ragged.csv:3:4:", "4 cells, expected 3"),
        Case("short.csv", "label,split,x,y\n0,train,1,2\n1,train,2\n", "short.csv:3:", "expected 4"),
        Case("nonnumeric.csv", "label,split,x\n0,train,1\n1,train,abc\n0,test,1\n1,test,2\n", "nonnumeric.csv:3:3:", "not a number"),
        Case("nan.csv", "label,split,x\n0,train,1\n1,train,nan\n", "nan.csv:3:3:", "NaN"),
        Case("inf.csv", "label,split,x\n0,train,-inf\n1,train,2\n", "inf.csv:2:3:", "infinite"),
        Case("overflow.csv", "label,split,x\n0,train,1e39\n1,train,2\n", "overflow.csv:2:3:"),
        Case("badsplit.csv", "label,split,x\n0,training,1\n1,train,2\n", "badsplit.csv:2:2:"),
        Case("negative.csv", "label,split,x\n0,train,1\n-1,train,2\n", "negative.csv:3:1:", "negative"),
        Case("hugelabel.csv", "label,split,x\n0,train,1\n99999999999,train,2\n", "hugelabel.csv:3:1:"),
        Case("notrain.csv", "label,split,x\n0,train,1\n1,train,2\n0,test,1\n2,test,2\n", "notrain.csv:5:1:", "no training rows"),
        Case("notest.csv", "label,split,x\n0,train,1\n1,train,2\n", "notest.csv:", "test"),
        Case("oneclass.csv", "label,split,x\n0,train,1\n0,test,2\n", "oneclass.csv:", "2 classes"),
        Case("unknown.json", "{\n  \"clases\": 10\n}\n", "unknown.json:2:3:", "unknown key \"clases\"", "did you mean \"classes\""),
        Case("wrongtype.json", "{\n  \"classes\": \"ten\"\n}\n", "wrongtype.json:2:14:", "must be an integer"),
        Case("range.json", "{\n  \"classes\": 1\n}\n", "range.json:", "classes", "2"),
        Case("broken.json", "{\n  \"classes\": 10,\n", "broken.json:"),
        Case("array.json", "[1, 2]\n", "array.json:1:1:", "JSON object"),
        // Found by the Recipe fuzz harness: read one byte past the end of the file (see FuzzFindingsTests).
        Case("bom.json", bytes: [0xEF, 0xBB, 0xBF, 0x0A, 0x0A], "bom.json: file is empty"),
        Case("garbage.bin", bytes: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }, "garbage.bin:", "not text"),
        Case("nul.csv", bytes: Array("label,split,x\n0,train,1\u{0}\n".utf8), "nul.csv:"),
        Case("latin1.csv", bytes: Array("label,split,x\n0,train,1\n".utf8) + [0xE9, 0x0A], "latin1.csv:"),
    ]

    /// Runs `normscope run` on `file` and checks the error.
    func expectBadFile(_ path: String, mentions: [String], in dir: String) async throws {
        let out = dir + "/out.json"
        let r = try await Child.normscope(["run", "--dataset", path, "--epochs", "1", "-o", out], directory: dir)
        #expect(r.status == 65, "\(r)")
        #expect(r.stdout.isEmpty, "no summary, nothing trained: \(r)")
        #expect(r.stderrLines.count == 1, "one line: \(r.stderr)")
        let line = String(r.stderrLines.first ?? "")
        #expect(line.hasPrefix("normscope: error: "), "\(line)")
        for m in mentions { #expect(line.contains(m), "'\(m)' in: \(line)") }
        #expect(!FileManager.default.fileExists(atPath: out), "no results written")
    }

    @Test("each bad file is one located error, exit status 65, nothing trained", arguments: cases)
    func badFile(_ c: Case) async throws {
        let dir = try Paths.scratch("files")
        defer { Paths.removeScratch(dir) }
        if let content = c.content {
            #expect(FileManager.default.createFile(atPath: dir + "/" + c.name, contents: Data(content)), "test file written")
        }
        try await expectBadFile(c.name, mentions: c.mentions, in: dir)
    }

    @Test("a directory, an unreadable file and a file over the size limit")
    func specialFiles() async throws {
        let dir = try Paths.scratch("files")
        defer { Paths.removeScratch(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/data.csv", withIntermediateDirectories: false)
        try await expectBadFile("data.csv", mentions: ["data.csv: is a directory"], in: dir)
        // Reading /proc/self/mem from offset 0 fails with EIO even for root, unlike a chmod 000 file.
        try await expectBadFile("/proc/self/mem", mentions: ["/proc/self/mem: cannot read"], in: dir)
        // A sparse 600 MB file: refused from its size, before reading (the limit is 512 MB).
        let fd = open(dir + "/huge.csv", O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0 && ftruncate(fd, 600 << 20) == 0)
        close(fd)
        try await expectBadFile("huge.csv", mentions: ["huge.csv: file is 600 MB", "512 MB"], in: dir)
    }

    @Test("the good file of these cases trains")
    func goodFileTrains() async throws {
        let dir = try Paths.scratch("files")
        defer { Paths.removeScratch(dir) }
        try Self.good.write(toFile: dir + "/ok.csv", atomically: true, encoding: .utf8)
        let r = try await Child.normscope(["run", "--dataset", "ok.csv", "--epochs", "1", "--hidden", "4", "--quiet", "-o", "out.json"], directory: dir)
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out.json"))
    }

    // MARK: - Fuzzing through the CLI

    /// One random mutation of `bytes` (bit flips, troublesome tokens, cut, duplicated or dropped lines).
    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        let tokens = ["nan", "-inf", "1e39", "-1", "99999999999", "\"", ",", "\n", "\r\n", " ", "train", "test", "{", "}",
                      "[", ":", "\"classes\"", "\"noise\"", "true", "null", "1e2", "2.5", "0", "-0", "\u{0}", "\u{FEFF}", "é"]
        func lines() -> [[UInt8]] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
        let at = rng.nextInt(below: bytes.count + 1)
        switch rng.nextInt(below: 7) {
        case 0 where !bytes.isEmpty: bytes[rng.nextInt(below: bytes.count)] ^= UInt8(1) << UInt8(rng.nextInt(below: 8))
        case 1: bytes.insert(contentsOf: Array(tokens[rng.nextInt(below: tokens.count)].utf8), at: at)
        case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.nextInt(below: 6)))
        case 3:
            var l = lines()
            l.insert(l[rng.nextInt(below: l.count)], at: rng.nextInt(below: l.count + 1))
            bytes = Array(l.joined(separator: [0x0A]))
        case 4:
            var l = lines()
            l.remove(at: rng.nextInt(below: l.count))
            bytes = Array(l.joined(separator: [0x0A]))
        case 5: bytes.removeSubrange(at...)
        default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
        }
    }

    static let seedCSV: String = {
        var rows = "label,split,x0,x1\n"
        for i in 0..<16 { rows += "\(i % 3),\(i % 4 == 3 ? "test" : "train"),\(Double(i) * 0.25),\(-Double(i) / 3)\n" }
        return rows
    }()
    static let seedRecipe = "{\n  \"name\": \"fuzz\",\n  \"classes\": 4,\n  \"maxPerClass\": 8,\n  \"imbalance\": 4,\n  \"testPerClass\": 2,\n  \"dimension\": 3,\n  \"noise\": 0.5\n}\n"

    /// The fuzzed file `i`: a mutated CSV or recipe, under a name with or without its extension.
    static func fuzzed(_ i: Int, _ rng: inout SplitMix64) -> (name: String, bytes: [UInt8]) {
        let csv = i % 2 == 0
        var bytes = Array((csv ? seedCSV : seedRecipe).utf8)
        for _ in 0...rng.nextInt(below: 3) { mutate(&bytes, &rng) }
        let ext = i % 5 == 4 ? "" : (csv ? ".csv" : ".json")
        return ("f\(i)\(ext)", bytes)
    }

    @Test("1,000 seeded mutations through the CLI's loading: an experiment or a one-line NormscopeError, never a crash")
    func fuzzInProcess() throws {
        let dir = try Paths.scratch("fuzz")
        defer { Paths.removeScratch(dir) }
        var rng = SplitMix64(seed: 20_240_601, stream: "cli-fuzz")
        var loaded = 0, rejected = 0
        let base = try ExperimentOptions.parse(["--dataset", "placeholder.csv", "--epochs", "1"])
        for i in 0..<1_000 {
            let f = Self.fuzzed(i, &rng)
            let path = dir + "/" + f.name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(f.bytes)), "test file written")
            var options = base  // parsing is slow in debug builds: parse once, then set the file
            options.data.dataset = path
            do {
                let e = try options.makeExperiment()
                #expect(e.dataset.classCount >= 2 && e.dataset.trainCount >= 1 && e.dataset.testCount >= 1)
                loaded += 1
            } catch let error as NormscopeError {
                let m = error.description
                #expect(!m.contains("\n") && m.hasPrefix(path), "case \(i): \(m)")
                if case .writeFailed = error { Issue.record("case \(i): a load reported a write failure: \(m)") }
                rejected += 1
            }
            unlink(path)
        }
        #expect(loaded > 50 && rejected > 300, "both outcomes are exercised (\(loaded) loaded, \(rejected) rejected)")
    }

    @Test("40 fuzzed files through the real binary: exit 0 with the data written, or 65 with one line")
    func fuzzBinary() async throws {
        let dir = try Paths.scratch("fuzzbin")
        defer { Paths.removeScratch(dir) }
        var rng = SplitMix64(seed: 99, stream: "cli-fuzz-binary")
        for i in 0..<40 {
            let f = Self.fuzzed(i, &rng)
            #expect(FileManager.default.createFile(atPath: dir + "/" + f.name, contents: Data(f.bytes)), "test file written")
            let out = "out\(i).csv"
            let r = try await Child.normscope(["dataset", "--dataset", f.name, "-o", out], directory: dir)
            if r.status == 0 {
                #expect(FileManager.default.fileExists(atPath: dir + "/" + out), "case \(i)")
            } else {
                #expect(r.status == 65, "case \(i): \(r)")
                #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("normscope: error: \(f.name)"), "case \(i): \(r)")
                #expect(!FileManager.default.fileExists(atPath: dir + "/" + out), "case \(i)")
            }
        }
    }
}
