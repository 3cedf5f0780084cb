#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeDraw

/// Turns the canvases the live view draws into the terminal output that shows them, for a recording.
///
/// The output is what a terminal needs to end up with exactly the cells `TerminalScreen` put on the real
/// screen: the same colour mapping (256, 16, 8 colours or none; the terminal's default colours or white on
/// black), the same glyphs (ASCII stand-ins without UTF-8, `?` for anything not one column wide), and the
/// same attributes. Unlike ncurses' output it does not depend on terminfo: it uses only cursor position
/// (CUP), erase display (ED 2), SGR 0/1/2/4/7 with 30-37/90-97/38;5 colours, and cursor hiding, which
/// every terminal and player (xterm, tmux, asciinema-player, agg, pyte) understands. Each frame after the
/// first sends only the cells that changed, as the backend does.
struct CastFrameEncoder {
    /// How the terminal shows colours: the backend's mapping, taken from its capabilities.
    struct Appearance: Equatable, Sendable {
        /// Palette index -> terminal colour number (-1 everywhere when colour is off).
        var colorTable: [Int16]
        /// Whether any colour is drawn.
        var colors: Bool
        /// The colours "default" stands for: -1 when the terminal keeps its own defaults, else 7 and 0.
        var defaultFg: Int32
        var defaultBg: Int32
        /// Whether glyphs are UTF-8 (else ASCII stand-ins).
        var utf8: Bool

        init(_ caps: Capabilities) {
            colorTable = TerminalScreen.colorMap(forColors: caps.colors)
            colors = caps.colors > 0
            defaultFg = caps.defaultColors ? -1 : 7
            defaultBg = caps.defaultColors ? -1 : 0
            utf8 = caps.utf8
        }
    }

    let appearance: Appearance
    /// What the terminal shows now (nil: unknown, the next frame is sent whole).
    private var previous: Canvas?
    /// The SGR state the terminal is in (nil: unknown).
    private var pen: Pen?
    /// UTF-8 bytes of glyphs seen before.
    private var glyphs: [Character: [UInt8]] = [:]

    init(_ appearance: Appearance) { self.appearance = appearance }

    /// Forgets what the terminal shows: the next frame clears the screen and is sent whole.
    mutating func reset() { previous = nil }

    /// Appends to `out` what turns the screen from the previous frame into `canvas`. The first frame (and the
    /// first after `reset()` or a change of size) hides the cursor, clears the screen, and sends every cell that
    /// is not blank. Returns whether anything was appended.
    @discardableResult
    mutating func encode(_ canvas: Canvas, into out: inout [UInt8]) -> Bool {
        let start = out.count
        var old: Canvas
        if let p = previous, p.width == canvas.width, p.height == canvas.height {
            old = p
        } else {
            out += Self.bytes("\u{1B}[?25l\u{1B}[0m\u{1B}[H\u{1B}[2J")
            old = Canvas(width: canvas.width, height: canvas.height)
            pen = .reset
        }
        var cursor: (x: Int, y: Int)? = nil
        let w = canvas.width
        canvas.cells.withUnsafeBufferPointer { cur in
            old.cells.withUnsafeBufferPointer { was in
                for y in 0..<canvas.height {
                    for x in 0..<w where cur[y * w + x] != was[y * w + x] {
                        if let c = cursor, c.y == y, x > c.x, x - c.x <= 3 {
                            // A few unchanged cells in between: sending them again is shorter than moving.
                            for between in c.x..<x { put(cur[y * w + between], into: &out) }
                        } else if cursor == nil || cursor! != (x, y) {
                            Self.moveTo(x: x, y: y, into: &out)
                        }
                        put(cur[y * w + x], into: &out)
                        // After the last column the cursor waits at the margin (pending wrap): place it anew.
                        cursor = x + 1 < w ? (x + 1, y) : nil
                    }
                }
            }
        }
        previous = canvas
        return out.count > start
    }

    // MARK: - Pieces

    /// Sends one cell at the cursor: its SGR when the pen changes, then its glyph.
    private mutating func put(_ cell: Cell, into out: inout [UInt8]) {
        let p = resolvedPen(cell)
        if pen != p {
            p.write(into: &out)
            pen = p
        }
        out += glyph(cell.glyph)
    }

    /// Colours (terminal numbers, -1 default) and attributes in force.
    struct Pen: Equatable {
        var fg: Int32
        var bg: Int32
        var attrs: UInt8

        static let reset = Pen(fg: -1, bg: -1, attrs: 0)

        /// SGR from a reset state: attributes, then colours (0-7 as 3x/4x, 8-15 as 9x/10x, else 38;5 / 48;5).
        func write(into out: inout [UInt8]) {
            var s = "\u{1B}[0"
            if attrs & CellAttributes.bold.rawValue != 0 { s += ";1" }
            if attrs & CellAttributes.dim.rawValue != 0 { s += ";2" }
            if attrs & CellAttributes.underline.rawValue != 0 { s += ";4" }
            if attrs & CellAttributes.reverse.rawValue != 0 { s += ";7" }
            if fg >= 0 { s += fg < 8 ? ";\(30 + fg)" : fg < 16 ? ";\(90 + fg - 8)" : ";38;5;\(fg)" }
            if bg >= 0 { s += bg < 8 ? ";\(40 + bg)" : bg < 16 ? ";\(100 + bg - 8)" : ";48;5;\(bg)" }
            out += CastFrameEncoder.bytes(s + "m")
        }
    }

    /// The pen the backend would use for `cell`: its colour pair resolved as `TerminalScreen.colorPair` does
    /// (pair 0, the terminal's defaults, when both colours are the defaults).
    func resolvedPen(_ cell: Cell) -> Pen {
        let attrs = cell.attrs.rawValue & 15
        guard appearance.colors else { return Pen(fg: -1, bg: -1, attrs: attrs) }
        func resolve(_ c: TermColor, _ fallback: Int32) -> Int32 {
            switch c {
            case .default: return fallback
            case .index(let i): return Int32(appearance.colorTable[Int(i)])
            }
        }
        let f = resolve(cell.fg, appearance.defaultFg), b = resolve(cell.bg, appearance.defaultBg)
        if f == appearance.defaultFg && b == appearance.defaultBg { return Pen(fg: -1, bg: -1, attrs: attrs) }
        return Pen(fg: f, bg: b, attrs: attrs)
    }

    /// The UTF-8 bytes the backend puts in a cell for `ch` (through `TerminalScreen.encode`).
    mutating func glyph(_ ch: Character) -> [UInt8] {
        if let a = ch.asciiValue, a >= 0x20, a < 0x7F { return [a] }
        if let cached = glyphs[ch] { return cached }
        var buf: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        let text: [UInt8] = withUnsafeMutableBytes(of: &buf) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: wchar_t.self)
            TerminalScreen.encode(ch, utf8: appearance.utf8, into: p)
            var s = ""
            var i = 0
            while i < 6, p[i] != 0, let scalar = Unicode.Scalar(UInt32(p[i])) {
                s.unicodeScalars.append(scalar)
                i += 1
            }
            return Array(s.utf8)
        }
        glyphs[ch] = text
        return text
    }

    /// CUP to column `x`, row `y` (0-based).
    static func moveTo(x: Int, y: Int, into out: inout [UInt8]) {
        out += bytes("\u{1B}[\(y + 1);\(x + 1)H")
    }

    @inline(__always)
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
}
