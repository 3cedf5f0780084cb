import Foundation
import Testing

/// `-o -` with standard output closed (`>&-`): the data has nowhere to go (descriptor 1 is held on /dev/null,
/// where it would vanish with exit 0), so the command refuses before any work, in one line, exit 73.
@Suite("-o - with stdout closed")
struct ClosedStdoutDataTests {
    /// Each command that can write its data to standard output, with its flags (`DIR` is the scratch directory).
    static let commands: [[String]] = [
        Tiny.run(epochs: 1) + ["-o", "-"],
        ["dataset"] + Tiny.dataset + ["-o", "-"],
        ["figure", "DIR/r.json", "-o", "-"],
        ["reproduce"] + Tiny.dataset + ["--epochs", "1", "--seeds", "1", "--imbalances", "10", "--stage2-epochs", "1",
                                        "--hidden", "8", "--threads", "1", "-o", "/dev/stdout"],
    ]

    @Test("run, dataset, figure, reproduce: one line naming standard output, exit 73, nothing done",
          arguments: commands)
    func refused(_ args: [String]) async throws {
        let dir = try Paths.scratch("closed-out")
        defer { Paths.removeScratch(dir) }
        let made = try await Child.normscope(Tiny.run(epochs: 1) + ["-o", dir + "/r.json"])
        try #require(made.status == 0, "\(made)")
        let err = dir + "/err.txt"
        let status = try await StreamSpawn.run(args.map { $0.replacingOccurrences(of: "DIR", with: dir) },
                                               stdout: .closed, stderr: .file(err))
        let text = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        #expect(status == 73, "\(text)")
        #expect(text.split(separator: "\n").count == 1, "one line: \(text)")
        #expect(text.contains("cannot write to standard output") && text.contains("closed"), "\(text)")
        #expect(!text.contains(" training / ") && !text.contains("wrote"), "nothing done: \(text)")
        #expect(Paths.contents(dir) == ["err.txt", "r.json"])
    }
}
