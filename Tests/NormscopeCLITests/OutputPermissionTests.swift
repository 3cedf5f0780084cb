#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine
@testable import NormscopeTerminal
import Testing

/// Replacing an existing output keeps its permission bits (never wider) and, for root, its owner; a
/// read-only output is refused (exit 73, one line, untouched) unless `--force` is given.
@Suite("output permissions")
struct OutputPermissionTests {
    /// The permission bits, owner and group of `path`.
    func mode(_ path: String) -> (bits: mode_t, owner: uid_t, group: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
    }

    /// A file at `path` holding "old" with permission bits `bits`.
    func oldFile(_ path: String, bits: mode_t) throws {
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, bits) == 0)
    }

    @Test("run, figure and dataset keep a replaced file's permission bits",
          arguments: [mode_t(0o600), 0o640, 0o604, 0o700])
    func keepBits(bits: mode_t) async throws {
        let dir = try Paths.scratch("mode")
        defer { Paths.removeScratch(dir) }
        for name in ["r.json", "f.svg", "d.csv"] { try oldFile(dir + "/" + name, bits: bits) }
        let run = try await Child.normscope(Tiny.run(epochs: 1) + ["-o", dir + "/r.json"])
        #expect(run.status == 0, "\(run)")
        let figure = try await Child.normscope(["figure", dir + "/r.json", "-o", dir + "/f.svg"])
        #expect(figure.status == 0, "\(figure)")
        let dataset = try await Child.normscope(["dataset"] + Tiny.dataset + ["-o", dir + "/d.csv"])
        #expect(dataset.status == 0, "\(dataset)")
        for name in ["r.json", "f.svg", "d.csv"] {
            #expect(mode(dir + "/" + name)?.bits == bits, "\(name) keeps \(String(bits, radix: 8))")
            #expect((try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) != "old", "\(name) was replaced")
        }
    }

    @Test("a new output gets the usual 0644 less the umask")
    func newFile() async throws {
        let dir = try Paths.scratch("new")
        defer { Paths.removeScratch(dir) }
        let r = try await Child(["sh", "-c", "umask 027 && exec \"$@\"", "sh", try Paths.binary()] + Tiny.run(epochs: 1) + ["-o", dir + "/r.json"]).wait()
        #expect(r.status == 0, "\(r)")
        #expect(mode(dir + "/r.json")?.bits == 0o640)
    }

    @Test("a read-only output is refused before any work, and left as it was",
          arguments: [["run"] + Tiny.dataset + ["--epochs", "1", "--quiet"], ["dataset"] + Tiny.dataset])
    func readOnlyRefused(command: [String]) async throws {
        let dir = try Paths.scratch("ro")
        defer { Paths.removeScratch(dir) }
        let out = dir + (command[0] == "run" ? "/r.json" : "/d.csv")
        try oldFile(out, bits: 0o444)
        let r = try await Child.normscope(command + ["-o", out])
        #expect(r.status == 73, "\(r)")
        #expect(r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.contains("cannot write \(out): it is read-only (mode 0444, r--r--r--)") && r.stderr.contains("--force"), "\(r)")
        #expect(!r.stderr.contains("training"), "refused before training: \(r)")
        #expect((try? String(contentsOfFile: out, encoding: .utf8)) == "old")
        #expect(mode(out)?.bits == 0o444)
        #expect(Paths.contents(dir) == [(out as NSString).lastPathComponent])
    }

    @Test("--force replaces a read-only output, which stays read-only")
    func forceKeepsReadOnly() async throws {
        let dir = try Paths.scratch("force")
        defer { Paths.removeScratch(dir) }
        try oldFile(dir + "/r.json", bits: 0o444)
        let r = try await Child.normscope(Tiny.run(epochs: 1) + ["-o", dir + "/r.json", "--force"])
        #expect(r.status == 0, "\(r)")
        #expect(mode(dir + "/r.json")?.bits == 0o444)
        #expect(try ResultsFile.load(path: dir + "/r.json").runs.count == 5)
        try oldFile(dir + "/f.svg", bits: 0o440)
        let f = try await Child.normscope(["figure", dir + "/r.json", "-o", dir + "/f.svg"])
        #expect(f.status == 73, "\(f)")
        let g = try await Child.normscope(["figure", dir + "/r.json", "-o", dir + "/f.svg", "--force"])
        #expect(g.status == 0, "\(g)")
        #expect(mode(dir + "/f.svg")?.bits == 0o440)
    }

    @Test("--force is an option of every command that writes an output", arguments: ["run", "figure", "dataset", "reproduce", "watch"])
    func forceInHelp(command: String) async throws {
        let r = try await Child.normscope([command, "--help"])
        #expect(r.stdout.contains("--force"), "\(r)")
    }

    @Test("root replacing another user's file keeps its owner and group")
    func ownerKept() throws {
        try #require(geteuid() == 0, "needs root (the tests run as root in CI and here)")
        let dir = try Paths.scratch("owner")
        defer { Paths.removeScratch(dir) }
        let path = dir + "/r.json"
        try oldFile(path, bits: 0o640)
        #expect(chown(path, 1234, 5678) == 0)
        try AtomicFile.write(text: "new", to: path)
        let m = try #require(mode(path))
        #expect(m.owner == 1234 && m.group == 5678 && m.bits == 0o640)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test("a finished recording keeps the permission bits and owner of the cast it replaces")
    func castKeepsMode() throws {
        let dir = try Paths.scratch("cast")
        defer { Paths.removeScratch(dir) }
        let path = dir + "/s.cast"
        try oldFile(path, bits: 0o600)
        if geteuid() == 0 { #expect(chown(path, 1234, 5678) == 0) }
        let file = try AsciicastFile(path: path)
        #expect(mode(path + ".partial")?.bits == 0o600, "private while it is recorded, too")
        file.header(width: 10, height: 2, timestamp: 0, title: "t", term: nil)
        #expect(file.finish() == nil)
        let m = try #require(mode(path))
        #expect(m.bits == 0o600)
        if geteuid() == 0 { #expect(m.owner == 1234 && m.group == 5678) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{\"version\": 2"))
    }
}
