#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeDraw
import NormscopeEngine
@testable import NormscopeTerminal
import Testing

/// The recorder without a terminal: random canvases, changes and resizes go through `CastRecorder`, and the
/// cast, replayed in pyte, must end on exactly the last canvas (as its ANSI text shows it in pyte).
struct CastEncoderTests {
    /// Glyph widths come from the C library's `wcwidth`, which needs a UTF-8 character type, as the live view
    /// sets from the user's locale.
    init() { setlocale(LC_CTYPE, "C.UTF-8") }

    static let caps256 = Capabilities(colors: 256, terminalColors: 256, defaultColors: true, utf8: true, noColorRequested: false)

    /// A generator of test canvases: glyphs of every kind the dashboard draws, colours, attributes.
    struct Canvases {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }

        static let glyphs: [Character] = ["a", "Z", "0", " ", " ", " ", "\"", "\\", "█", "▀", "▄", "░", "▓", "⣿", "⠁", "╭", "─", "│",
                                          "·", "…", "‖", "δ", "→", "↓", "✓", "●", "━", "é"]

        mutating func cell() -> Cell {
            let fg: TermColor = next(3) == 0 ? .default : .index(UInt8(next(256)))
            let bg: TermColor = next(4) == 0 ? .index(UInt8(next(256))) : .default
            var attrs: CellAttributes = []
            if next(5) == 0 { attrs.insert(.bold) }
            if next(9) == 0 { attrs.insert(.underline) }
            if next(11) == 0 { attrs.insert(.reverse) }
            return Cell(Self.glyphs[next(Self.glyphs.count)], fg: fg, bg: bg, attrs: attrs)
        }

        /// A canvas of `width` x `height`, random, with blank stretches.
        mutating func canvas(_ width: Int, _ height: Int) -> Canvas {
            var c = Canvas(width: width, height: height)
            for y in 0..<height { for x in 0..<width where next(3) != 0 { c[x, y] = cell() } }
            return c
        }

        /// `c` with `count` random cells changed, and sometimes a whole row.
        mutating func change(_ c: Canvas, _ count: Int) -> Canvas {
            var c = c
            for _ in 0..<count { c[next(c.width), next(c.height)] = cell() }
            if next(2) == 0 { let y = next(c.height); for x in 0..<c.width { c[x, y] = cell() } }
            return c
        }
    }

    /// Records `frames` (with their times) into a cast in `dir`; returns its path.
    func record(_ frames: [Canvas], caps: Capabilities = caps256, in dir: String) throws -> String {
        let path = dir + "/t.cast"
        let recorder = try CastRecorder(path: path, title: "test \"quoted\" \\ title")
        recorder.begin(caps)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        for (i, f) in frames.enumerated() { recorder.frame(f, at: t0.addingTimeInterval(Double(i) * 0.1)) }
        #expect(FileManager.default.fileExists(atPath: path + ".partial"), "grows as .partial until finished")
        let report = recorder.finish(at: t0.addingTimeInterval(Double(frames.count) * 0.1 + 2))
        #expect(report.hasPrefix("normscope: recorded ") && report.contains(path), "\(report)")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        return path
    }

    @Test("random frames, changes and resizes replay in pyte to exactly the last canvas")
    func randomFramesReplayExactly() async throws {
        let dir = try Paths.scratch("cast-unit")
        defer { Paths.removeScratch(dir) }
        for seed in [1, 2, 3] as [UInt64] {
            var gen = Canvases(state: seed)
            var frames = [gen.canvas(40, 12)]
            for i in 1..<30 {
                if i == 12 { frames.append(gen.canvas(52, 15)); continue }  // a resize
                if i == 20 { frames.append(gen.canvas(30, 10)); continue }  // and another, smaller
                frames.append(gen.change(frames.last!, gen.next(40)))
            }
            frames.append(frames.last!)  // an unchanged frame adds no event
            let cast = try record(frames, in: dir)
            let last = frames.last!
            let capture = dir + "/last.txt"
            try last.ansiText().write(toFile: capture, atomically: true, encoding: .utf8)
            let check = try await CastCheck.run(cast, capture: capture)
            #expect(check.width == 40 && check.height == 12 && check.timestamp == 1_700_000_000)
            #expect(check.title == "test \"quoted\" \\ title" && !check.term.isEmpty)
            #expect(check.resizeEvents == 2 && check.finalSize == [30, 10])
            let changed = zip(frames, frames.dropFirst()).filter { $0 != $1 }.count
            #expect(check.outputEvents == 1 + changed + 1, "the first frame, one per changed frame, one marking the held end")
            #expect(abs(check.duration - 5.1) < 1e-6, "the frame clock's times; the end 2 s after the last frame")
            #expect(check.differences == 0, "seed \(seed): \(check.firstDifferences)")
        }
    }

    @Test("a recording whose directory vanished says it is lost, not that it is in a .partial that is gone")
    func vanishedDirectory() throws {
        let dir = try Paths.scratch("cast-gone")
        let kept = try Paths.scratch("cast-kept")
        defer { Paths.removeScratch(dir); Paths.removeScratch(kept) }
        let file = try AsciicastFile(path: dir + "/s.cast")
        file.header(width: 80, height: 24, timestamp: 0, title: "t", term: nil)
        Paths.removeScratch(dir)
        let problem = try #require(file.finish())
        #expect(problem.contains("the recording is lost") && !problem.contains("the recording is in"), "\(problem)")
        // A rename that fails with the partial file still there points at it.
        try FileManager.default.createDirectory(atPath: kept + "/s.cast", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: kept + "/s.cast/x", withIntermediateDirectories: false)
        let second = try AsciicastFile(path: kept + "/s.cast")
        let other = try #require(second.finish())
        #expect(other.contains("the recording is in \(kept)/s.cast.partial"), "\(other)")
    }

    @Test func aFrameSendsOnlyWhatChanged() {
        var encoder = CastFrameEncoder(.init(Self.caps256))
        var a = Canvas(width: 80, height: 24)
        a.put("hello", x: 0, y: 0)
        var out: [UInt8] = []
        encoder.encode(a, into: &out)
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("\u{1B}[?25l\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        var b = a
        b.put("j", x: 3, y: 0)
        b.put("x", x: 79, y: 23)
        out = []
        #expect(encoder.encode(b, into: &out))
        #expect(String(decoding: out, as: UTF8.self) == "\u{1B}[1;4Hj\u{1B}[24;80Hx")
        out = []
        #expect(!encoder.encode(b, into: &out) && out.isEmpty)
        var c = b
        c.put("ab", x: 10, y: 5)
        c.put("c", x: 14, y: 5)  // two unchanged blanks between: sent again instead of moving
        out = []
        encoder.encode(c, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\u{1B}[6;11Hab  c")
    }

    @Test func coloursMapAsTheBackendMapsThem() {
        let cell = Cell("x", fg: .index(196), bg: .index(21), attrs: [.bold, .reverse])
        let full = CastFrameEncoder(.init(Self.caps256)).resolvedPen(cell)
        #expect(full == .init(fg: 196, bg: 21, attrs: CellAttributes([.bold, .reverse]).rawValue))
        // 16 colours: the backend's nearest basic colours (bright red, blue).
        let caps16 = Capabilities(colors: 16, terminalColors: 16, defaultColors: true, utf8: true, noColorRequested: false)
        let basic = CastFrameEncoder(.init(caps16)).resolvedPen(cell)
        #expect(basic.fg == Int32(TerminalScreen.colorMap(forColors: 16)[196]) && basic.fg == 9 && basic.bg < 16)
        var out: [UInt8] = []
        basic.write(into: &out)
        #expect(basic.bg == 12 && String(decoding: out, as: UTF8.self) == "\u{1B}[0;1;7;91;104m")
        // No colour: attributes only. No default colours: white on black is pair 0, the terminal's own.
        let none = Capabilities(colors: 0, terminalColors: 8, defaultColors: false, utf8: true, noColorRequested: true)
        #expect(CastFrameEncoder(.init(none)).resolvedPen(cell) == .init(fg: -1, bg: -1, attrs: cell.attrs.rawValue))
        let noDefaults = Capabilities(colors: 8, terminalColors: 8, defaultColors: false, utf8: true, noColorRequested: false)
        #expect(CastFrameEncoder(.init(noDefaults)).resolvedPen(Cell("x")) == .reset)
        #expect(CastFrameEncoder(.init(noDefaults)).resolvedPen(Cell("x", bg: .index(1))) == .init(fg: 7, bg: 1, attrs: 0))
    }

    @Test func glyphsAreTheBackendsOwn() {
        var utf8 = CastFrameEncoder(.init(Self.caps256))
        #expect(utf8.glyph("█") == Array("█".utf8) && utf8.glyph("a") == [97] && utf8.glyph("\u{7}") == [32])
        #expect(utf8.glyph("漢") == Array("?".utf8), "not one column wide")
        let asciiCaps = Capabilities(colors: 256, terminalColors: 256, defaultColors: true, utf8: false, noColorRequested: false)
        var ascii = CastFrameEncoder(.init(asciiCaps))
        #expect(ascii.glyph("─") == Array("-".utf8) && ascii.glyph("▒") == Array(":".utf8))
    }

    @Test func jsonStringsEscapeWhatJSONNeeds() throws {
        let raw: [UInt8] = Array("a\"b\\c\u{1B}[0m\n\r\t\u{7F}é█".utf8)
        var out: [UInt8] = []
        AsciicastFile.appendJSONString(raw, to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text == "\"a\\\"b\\\\c\\u001b[0m\\n\\r\\u0009\\u007fé█\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + text + "]").utf8)) as? [String]
        #expect(decoded == [String(decoding: raw, as: UTF8.self)])
        #expect(AsciicastFile.time(0) == "0.000000" && AsciicastFile.time(12.0345) == "12.034500" && AsciicastFile.time(-1) == "0.000000")
    }
}
