#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import Testing

/// `OutputTarget.check` in process: what it accepts, what it refuses and how it says so, and that it
/// touches nothing it refuses.
@Suite("output target")
struct OutputTargetTests {
    /// The error `check` throws for `path`, or nil when it accepts it.
    func refusal(_ path: String, inputs: [OutputTarget.Input] = []) -> String? {
        do {
            _ = try OutputTarget.check(path, inputs: inputs, consequence: "nothing was done")
            return nil
        } catch {
            guard case .writeFailed(let m) = error else { return "not writeFailed: \(error)" }
            return m
        }
    }

    @Test("regular files and new paths are accepted; their real path is what gets replaced")
    func accepted() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        try "old".write(toFile: dir + "/old.json", atomically: true, encoding: .utf8)
        #expect(try OutputTarget.check(dir + "/old.json", consequence: "x").destination == .file(dir + "/old.json"))
        #expect(try OutputTarget.check(dir + "/new é.json", consequence: "x").destination == .file(dir + "/new é.json"))
        #expect(try OutputTarget.check("-", consequence: "x").isStandardOutput)
        #expect(try OutputTarget.check("/dev/stdout", consequence: "x").isStandardOutput)
        #expect(Paths.contents(dir) == ["old.json"], "the probe file is removed")
    }

    @Test("symbolic links are followed: to a file, dangling, relative chains, and loops refused")
    func links() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        let fm = FileManager.default
        try "old".write(toFile: dir + "/real.json", atomically: true, encoding: .utf8)
        try fm.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: dir + "/sub/link.json", withDestinationPath: "../real.json")
        try fm.createSymbolicLink(atPath: dir + "/chain.json", withDestinationPath: "sub/link.json")
        try fm.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: "sub/fresh.json")
        try fm.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: "loop2")
        try fm.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: "loop1")
        try fm.createSymbolicLink(atPath: dir + "/nowhere.json", withDestinationPath: dir + "/missing/x.json")
        #expect(try OutputTarget.check(dir + "/chain.json", consequence: "x").destination == .file(dir + "/sub/../real.json"))
        #expect(try OutputTarget.check(dir + "/dangling.json", consequence: "x").destination == .file(dir + "/sub/fresh.json"))
        #expect(refusal(dir + "/loop1")?.contains("too many levels of symbolic links") == true)
        #expect(refusal(dir + "/nowhere.json") == "cannot write \(dir)/nowhere.json: it is a link to \(dir)/missing/x.json, and "
            + "directory \(dir)/missing does not exist; nothing was done — create it first or pick another --output")
        let a = try OutputTarget.check(dir + "/chain.json", consequence: "x")
        let b = try OutputTarget.check(dir + "/real.json", consequence: "x")
        #expect(a.canonicalPath != nil && a.canonicalPath == b.canonicalPath)
    }

    @Test("what is not a regular file is named, and the error is one line ending in a fix")
    func refusedKinds() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/d", withIntermediateDirectories: false)
        let long = String(repeating: "n", count: 300)
        let cases: [(String, String)] = [
            ("/dev/null", "it is a character device"),
            (dir + "/pipe", "it is a FIFO (named pipe), not a regular file"),
            (dir + "/d", "it is a directory"),
            (dir + "/d/", "it is a directory"),
            (dir + "/new/", "a path ending in / names a directory"),
            (dir + "/" + long, "a file name in it is 300 bytes long, more than the 255"),
            (dir + "/missing/r.json", "directory \(dir)/missing does not exist"),
            ("/proc/normscope-probe.json", "directory /proc does not accept new files"),
            ("/dev/null/x.json", "a part of the path is not a directory"),
        ]
        for (path, reason) in cases {
            let m = try #require(refusal(path), "\(path) is refused")
            #expect(m.hasPrefix("cannot write \(path): \(reason)"), "\(m)")
            #expect(m.contains("; nothing was done — ") && !m.contains("\n"), "\(m)")
        }
        #expect(refusal("")?.hasPrefix("--output is empty") == true)
        #expect(Paths.contents(dir) == ["d", "pipe"], "nothing created")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && FileKind(mode: info.st_mode) == .characterDevice)
    }

    @Test("an input is recognised however it is spelled: ./name, absolute, a link, a hard link")
    func sameAsInput() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        try "label,split,x\n".write(toFile: dir + "/d.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: "d.csv")
        #expect(link(dir + "/d.csv", dir + "/hard.csv") == 0)
        let inputs = [OutputTarget.Input(name: "the input --dataset d.csv", path: dir + "/d.csv")]
        for spelling in [dir + "/d.csv", dir + "/./d.csv", dir + "/../" + (dir as NSString).lastPathComponent + "/d.csv",
                         dir + "/link.csv", dir + "/hard.csv"] {
            let m = refusal(spelling, inputs: inputs)
            #expect(m?.contains("it is the same file as the input --dataset d.csv") == true, "\(spelling): \(m ?? "accepted")")
        }
        #expect(refusal(dir + "/other.csv", inputs: inputs) == nil)
    }

    @Test("the live view's --export-dir must be a directory")
    func exportDirectory() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        try OutputTarget.checkDirectory(dir, flag: "--export-dir", consequence: "x")
        for (path, reason) in [(dir + "/file", "it is a regular file"), (dir + "/none", "it does not exist"),
                               ("/dev/null", "it is a character device")] {
            #expect(throws: NormscopeError.self) { try OutputTarget.checkDirectory(path, flag: "--export-dir", consequence: "x") }
            do { try OutputTarget.checkDirectory(path, flag: "--export-dir", consequence: "x") } catch {
                #expect(error.description.hasPrefix("--export-dir \(path) is not a directory: \(reason)"), "\(error)")
            }
        }
    }

    @Test("reproduce -o: PATH.md and PATH.json, or inside a directory")
    func reproducePaths() throws {
        let dir = try Paths.scratch("target")
        defer { Paths.removeScratch(dir) }
        #expect(ReproduceOutput.markdownAndJSONPaths(dir) == (dir + "/reproduce.md", dir + "/reproduce.json"))
        #expect(ReproduceOutput.markdownAndJSONPaths(dir + "//") == (dir + "/reproduce.md", dir + "/reproduce.json"))
        #expect(ReproduceOutput.markdownAndJSONPaths(dir + "/new/") == (dir + "/new/reproduce.md", dir + "/new/reproduce.json"))
        #expect(ReproduceOutput.markdownAndJSONPaths(dir + "/table.md") == (dir + "/table.md", dir + "/table.json"))
        #expect(ReproduceOutput.markdownAndJSONPaths("/") == ("/reproduce.md", "/reproduce.json"))
    }
}
