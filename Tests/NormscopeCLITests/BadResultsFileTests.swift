#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import NormscopeCLI
@testable import NormscopeEngine
import Testing

/// Results files that `figure` must refuse in one line naming what is wrong, exit 65, nothing written: numbers
/// of the wrong kind (named by their key, as docs/results-format.md promises), no regimes at all, and files
/// above the size limit (refused by their size, before they are read).
@Suite("bad results files", .serialized)
struct BadResultsFileTests {
    /// A small real results file, as a JSON tree to change.
    static func tree(in dir: String) async throws -> [String: Any] {
        let r = try await Child.normscope(Tiny.run(epochs: 3) + ["-o", dir + "/good.json"])
        #expect(r.status == 0, "\(r)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/good.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Writes `tree` to `dir/name`, runs `figure` on it, and checks the one-line refusal mentions `expected`.
    func expectRefused(_ tree: [String: Any], name: String, in dir: String, _ expected: String) async throws {
        let path = dir + "/" + name
        try JSONSerialization.data(withJSONObject: tree).write(to: URL(fileURLWithPath: path))
        let r = try await Child.normscope(["figure", path, "-o", dir + "/out.svg"])
        #expect(r.status == 65 && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.contains("\(path): not a normscope results file (\(expected)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.svg"))
    }

    @Test("a fractional count or epoch names its key: 'wrong type at regimes.0.epochs.2: expected a whole number, found 0.5'")
    func wrongTypedNumbersNameTheirKey() async throws {
        let dir = try Paths.scratch("bad-results")
        defer { Paths.removeScratch(dir) }
        let good = try await Self.tree(in: dir)

        var epoch = good
        var regimes = try #require(epoch["regimes"] as? [[String: Any]])
        var epochs = try #require(regimes[0]["epochs"] as? [Any])
        epochs[2] = 0.5
        regimes[0]["epochs"] = epochs
        epoch["regimes"] = regimes
        try await expectRefused(epoch, name: "epoch.json", in: dir,
                                "wrong type at 'regimes.0.epochs.2': expected a whole number, found 0.5)")

        var count = good
        var counts = try #require(count["classCounts"] as? [Any])
        counts[1] = 1.5
        count["classCounts"] = counts
        try await expectRefused(count, name: "count.json", in: dir,
                                "wrong type at 'classCounts.1': expected a whole number, found 1.5)")

        var huge = good
        var config = try #require(huge["config"] as? [String: Any])
        var training = try #require(config["training"] as? [String: Any])
        training["epochs"] = 1e30
        config["training"] = training
        huge["config"] = config
        try await expectRefused(huge, name: "huge.json", in: dir, "wrong type at 'config.training.epochs': expected a whole number from")
    }

    @Test("the decoder that names the key reads a good file exactly as JSONDecoder does")
    func locatingDecoderAgrees() async throws {
        let dir = try Paths.scratch("bad-results")
        defer { Paths.removeScratch(dir) }
        _ = try await Self.tree(in: dir)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/good.json")))
        let expected = try ResultsFile.decode(Data(bytes), path: "good.json")
        #expect(try JSONValueDecoder.decode(ResultsFile.self, from: bytes) == expected)
    }

    @Test("a results file without regimes is refused in one line, not drawn as empty charts")
    func noRegimesRefused() async throws {
        let dir = try Paths.scratch("bad-results")
        defer { Paths.removeScratch(dir) }
        var empty = try await Self.tree(in: dir)
        empty["regimes"] = [Any]()
        try await expectRefused(empty, name: "empty.json", in: dir, "'regimes' is empty")
    }

    @Test("a results file above the limit is refused by its size in one line naming the limit, before it is read")
    func sizeLimit() async throws {
        let dir = try Paths.scratch("bad-results")
        defer { Paths.removeScratch(dir) }
        // Sparse: 5 GB by its size, no disk space. Read whole it would take gigabytes of memory.
        let path = dir + "/big.json"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0 && ftruncate(fd, 5 << 30) == 0)
        close(fd)
        let r = try await Child.normscope(["figure", path, "-o", dir + "/out.svg"])
        #expect(r.status == 65 && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.contains("\(path): file is 5 GB, larger than the 4 GB limit for a results JSON file"), "\(r.stderr)")
        // The limit is the size the reader is given (the command's is ResultsFile.maxFileBytes).
        try Data(repeating: 0x20, count: 2_000).write(to: URL(fileURLWithPath: dir + "/small.json"))
        #expect(throws: NormscopeError.self) { try ResultsFile.load(path: dir + "/small.json", limit: 1_000) }
        #expect(ResultsFile.maxFileBytes == 4 << 30)
    }

    @Test("a copy saved when the output cannot be written is 'a copy of the report was saved', in good English")
    func rescueMessage() throws {
        let dir = try Paths.scratch("bad-results")
        defer { Paths.removeScratch(dir) }
        let target = try OutputTarget.check(dir + "/r.md", consequence: "nothing was written")
        try FileManager.default.removeItem(atPath: dir)
        let name = "normscope-test-rescue-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md"
        let failure = try #require(target.writeOrRescue(Data("table\n".utf8), rescueName: name, what: "the report"))
        let tmp = NSTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: (tmp.hasSuffix("/") ? tmp : tmp + "/") + name) }
        #expect(failure.description.contains("; a copy of the report was saved to "), "\(failure)")
    }
}
