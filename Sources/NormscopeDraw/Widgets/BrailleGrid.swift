/// A canvas of braille dots, 2 across and 4 down per cell, each cell coloured by the last dot set in it.
///
/// Dot (dx, dy) of a cell sets bit `BrailleGrid.bit(dx:dy:)` of the pattern; the glyph is U+2800 plus the pattern.
struct BrailleGrid: Sendable {
    /// Size in cells.
    let width: Int, height: Int
    /// The dot pattern of each cell, row-major.
    private(set) var patterns: [UInt8]
    /// The colour of each cell, row-major.
    private(set) var colors: [TermColor]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        patterns = Array(repeating: 0, count: self.width * self.height)
        colors = Array(repeating: .default, count: self.width * self.height)
    }

    /// Dots across: `2 * width`.
    var dotWidth: Int { 2 * width }
    /// Dots down: `4 * height`.
    var dotHeight: Int { 4 * height }

    /// The pattern bit of dot column `dx` (0...1), dot row `dy` (0...3) in the Unicode braille block.
    static func bit(dx: Int, dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return (dx == 0 ? left : right)[dy]
    }

    /// The braille character of a pattern.
    static func character(_ pattern: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(pattern))!)
    }

    /// Sets dot (x, y) (in dots, origin top-left) and colours its cell; dots outside are ignored.
    mutating func set(_ x: Int, _ y: Int, color: TermColor = .default) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * width + x / 2
        patterns[i] |= BrailleGrid.bit(dx: x % 2, dy: y % 4)
        colors[i] = color
    }

    /// Sets the dots of a straight line from (x0, y0) to (x1, y1).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, color: TermColor = .default) {
        for (x, y) in linePoints(x0, y0, x1, y1) { set(x, y, color: color) }
    }

    /// The character of cell (cx, cy), or nil when no dot is set there.
    func character(cx: Int, cy: Int) -> Character? {
        guard cx >= 0, cy >= 0, cx < width, cy < height else { return nil }
        let p = patterns[cy * width + cx]
        return p == 0 ? nil : BrailleGrid.character(p)
    }

    /// The colour of cell (cx, cy).
    func color(cx: Int, cy: Int) -> TermColor {
        cx >= 0 && cy >= 0 && cx < width && cy < height ? colors[cy * width + cx] : .default
    }
}
