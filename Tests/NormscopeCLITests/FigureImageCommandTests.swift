import ArgumentParser
import Foundation
import Testing
@testable import NormscopeCLI

/// `normscope figure -o fig.png | fig.gif`: the format from the name, sizes from --width, one-line errors for
/// --fps and --width. (The files' pixels are checked with Pillow in NormscopeImageTests.)
struct FigureImageCommandTests {
    /// Big-endian and little-endian 16/32-bit reads from a file's header.
    static func u32be(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3]) }
    static func u16le(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }

    @Test func writesPNGAndGIFByExtensionOrFlag() throws {
        let (dir, results) = try FigureCommandTests.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("fig2.png").path
        try FigureCommand.parse([results, "-o", png]).run()
        let p = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(Array(p.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Self.u32be(p, 16) == 960, "default width")
        let gif = dir.appendingPathComponent("fig2.GIF").path
        try FigureCommand.parse([results, "-o", gif, "--width", "640", "--fps", "5"]).run()
        let g = [UInt8](try Data(contentsOf: URL(fileURLWithPath: gif)))
        #expect(String(decoding: g.prefix(6), as: UTF8.self) == "GIF89a" && Self.u16le(g, 6) == 640 && g.last == 0x3B)
        let forced = dir.appendingPathComponent("figure.bin").path
        try FigureCommand.parse([results, "-o", forced, "--format", "png", "--width", "480"]).run()
        #expect(Self.u32be([UInt8](try Data(contentsOf: URL(fileURLWithPath: forced))), 16) == 480)
    }

    @Test("--fps and --width: ranges and the formats they apply to, in one line each",
          arguments: [
            (["-o", "f.gif", "--fps", "0"], "--fps must be between 1 and 50"),
            (["-o", "f.gif", "--fps", "51"], "--fps must be between 1 and 50"),
            (["-o", "f.gif", "--width", "479"], "--width must be between 480 and 3000"),
            (["-o", "f.png", "--width", "3001"], "--width must be between 480 and 3000"),
            (["-o", "f.png", "--fps", "10"], "--fps applies to GIF output only"),
            (["-o", "f.svg", "--width", "800"], "--width applies to PNG and GIF output only"),
            (["-o", "f.csv", "--fps", "10"], "--fps applies to GIF output only"),
            (["-o", "f.svg", "--format", "png"], "--format png does not match the output's extension .svg"),
            (["-o", "f.PNG", "--format", "gif"], "--format gif does not match the output's extension .png"),
          ])
    func badRasterFlags(args: [String], message: String) async throws {
        let dir = try Paths.scratch("figflags")
        defer { Paths.removeScratch(dir) }
        try "{}".write(toFile: dir + "/r.json", atomically: true, encoding: .utf8)
        let r = try await Child.normscope(["figure", "r.json"] + args, directory: dir)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderrLines.count == 1 && r.stderr.contains(message), "\(r)")
        #expect(Paths.contents(dir) == ["r.json"], "nothing written")
    }

    @Test func imagesGoToStandardOutputWhenItIsNotATerminal() async throws {
        let (dir, results) = try FigureCommandTests.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Child.normscope(["figure", results, "-o", "-", "--format", "gif"])
        #expect(r.status == 0 && r.stdout.hasPrefix("GIF89a"), "\(r.status) \(r.stderr)")
    }
}
