import Foundation
import Testing

/// With stdout and stderr on one pipe (`normscope reproduce > log 2>&1`), stdout is block-buffered: every
/// message on stderr (progress, "wrote ...", errors) must come after what was printed before it, and never in
/// the middle of a line. `StandardError.write` flushes stdout first; these runs check every path of two commands.
@Suite("stdout and stderr on one pipe")
struct OutputOrderTests {
    /// Runs `normscope args` with stdout and stderr into one pipe; returns what came out of it.
    static func combined(_ args: [String], in dir: String) async throws -> (status: Int32, text: String) {
        let r = try await Child(["sh", "-c", "\"$0\" \"$@\" 2>&1 | cat", try Paths.binary()] + args, directory: dir).wait()
        return (r.status, r.stdout)
    }

    /// Every stderr message ("normscope: ...", "<label>: N% ...") starts a line.
    static func messagesStartLines(_ text: String, labels: [String]) -> [String] {
        var bad: [String] = []
        for label in labels {
            var search = text.startIndex
            while let r = text.range(of: label, range: search..<text.endIndex) {
                if r.lowerBound != text.startIndex && text[text.index(before: r.lowerBound)] != "\n" {
                    let lineStart = text[..<r.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                    bad.append(String(text[lineStart..<(text[r.lowerBound...].firstIndex(of: "\n") ?? text.endIndex)]))
                }
                search = r.upperBound
            }
        }
        return bad
    }

    @Test("reproduce -o: the table, then 'wrote' on a line of its own, last")
    func reproduce() async throws {
        let dir = try Paths.scratch("order")
        defer { Paths.removeScratch(dir) }
        let (status, text) = try await Self.combined(
            ["reproduce", "--dataset", "quick", "--seeds", "1", "--imbalances", "10", "--epochs", "1", "--stage2-epochs", "1",
             "--weight-decay", "0.001", "--tau", "0.5", "--hidden", "8", "-o", "table"], in: dir)
        #expect(status == 0, "\(text)")
        #expect(Self.messagesStartLines(text, labels: ["normscope: ", "reproduce: "]).isEmpty, "\(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.last == "normscope: wrote table.md and table.json", "\(text)")
        #expect(text.contains("| Method |") && text.hasPrefix("normscope: reproduce on quick"), "\(text)")
    }

    @Test("run -o: progress, the summary, then 'wrote', each line whole")
    func run() async throws {
        let dir = try Paths.scratch("order")
        defer { Paths.removeScratch(dir) }
        let (status, text) = try await Self.combined(["run", "--dataset", "quick", "--epochs", "3", "--regimes", "naive,wd",
                                                      "-o", "r.json"], in: dir)
        #expect(status == 0, "\(text)")
        #expect(Self.messagesStartLines(text, labels: ["normscope: ", "training 2 regimes: "]).isEmpty, "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("regime ") }, "\(text)")
        #expect(lines[..<summary].allSatisfy { $0.hasPrefix("normscope: ") || $0.hasPrefix("training 2 regimes: ") }, "\(text)")
        #expect(lines.last == "normscope: wrote r.json", "\(text)")
    }
}
