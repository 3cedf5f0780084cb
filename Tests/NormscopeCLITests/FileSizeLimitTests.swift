#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
import Testing

/// A file-size limit (`ulimit -f`) is handled like a full disk: exit 73, one line naming the limit, no
/// temporary file left, and a copy in `$TMPDIR` when the limit can be lifted for it — never SIGXFSZ (153)
/// mid-write with the results lost.
@Suite("file-size limit")
struct FileSizeLimitTests {
    @Test("run under a soft limit: exit 73, no partial file, the results saved in $TMPDIR")
    func softLimit() async throws {
        let dir = try Paths.scratch("fsize")
        let tmp = try Paths.scratch("fsize-tmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        let status = try await StreamSpawn.run(Tiny.run(epochs: 2) + ["-o", dir + "/r.json"], stdout: .file(tmp + "/out"),
                                               stderr: .file(tmp + "/err"), environment: ["TMPDIR": tmp], ulimit: "-S -f 4")
        let err = (try? String(contentsOfFile: tmp + "/err", encoding: .utf8)) ?? ""
        #expect(status == 73, "\(err)")
        #expect(err.contains("cannot write \(dir)/r.json: File too large (the file-size limit, ulimit -f)"), "\(err)")
        #expect(Paths.contents(dir).isEmpty, "no temporary file left: \(Paths.contents(dir))")
        let rescue = Paths.contents(tmp).filter { $0.hasPrefix("normscope-results-") }
        #expect(rescue.count == 1 && err.contains("saved to \(tmp)/\(rescue.first ?? "?")"), "\(err)")
        if let name = rescue.first { #expect(try ResultsFile.load(path: tmp + "/" + name).runs.count == 5) }
    }

    @Test("a hard limit the copy cannot pass either: exit 73 and a message that says so")
    func hardLimit() async throws {
        let dir = try Paths.scratch("fsize-hard")
        let tmp = try Paths.scratch("fsize-hard-tmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        let status = try await StreamSpawn.run(Tiny.run(epochs: 2) + ["-o", dir + "/r.json"], stdout: .file(tmp + "/out"),
                                               stderr: .file(tmp + "/err"), environment: ["TMPDIR": tmp], ulimit: "-f 4")
        let err = (try? String(contentsOfFile: tmp + "/err", encoding: .utf8)) ?? ""
        #expect(status == 73, "\(err)")
        #expect(err.contains("File too large") && err.contains("could not be saved anywhere"), "\(err)")
        #expect(Paths.contents(dir).isEmpty)
        #expect(Paths.contents(tmp).filter { $0.hasPrefix("normscope-results-") || $0.hasPrefix(".normscope") }.isEmpty)
    }

    @Test("dataset, figure and -o - past the limit: 73, nothing half-written")
    func otherOutputs() async throws {
        let dir = try Paths.scratch("fsize-other")
        let tmp = try Paths.scratch("fsize-other-tmp")
        defer { Paths.removeScratch(dir); Paths.removeScratch(tmp) }
        let d = try await StreamSpawn.run(["dataset"] + Tiny.dataset + ["-o", dir + "/d.csv"], stdout: .file(tmp + "/out"),
                                          stderr: .file(tmp + "/err"), environment: ["TMPDIR": tmp], ulimit: "-S -f 4")
        #expect(d == 73)
        #expect(Paths.contents(dir).isEmpty)
        // -o - into a file past the limit: the JSON is saved in $TMPDIR like any unwritable output.
        let s = try await StreamSpawn.run(Tiny.run(epochs: 2) + ["-o", "-"], stdout: .file(dir + "/stdout.json"),
                                          stderr: .file(tmp + "/err2"), environment: ["TMPDIR": tmp], ulimit: "-S -f 4")
        #expect(s == 73, "\((try? String(contentsOfFile: tmp + "/err2", encoding: .utf8)) ?? "")")
        #expect(Paths.contents(tmp).contains { $0.hasPrefix("normscope-results-") })
    }
}
