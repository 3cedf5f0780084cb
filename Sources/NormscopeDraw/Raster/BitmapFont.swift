/// A fixed-width bitmap font for text in raster figures: the X11 misc-fixed 7x13 faces (public domain),
/// drawn at a whole-number scale so that text stays crisp in PNG and GIF files.
///
/// The fonts have ASCII, `·`, `×` and `°`; a few symbols the figures use are spelled out (`τ` as `tau`, `δ` as
/// `delta`, `‖` as `||`, `→` as `->`, `…` as `...`) and any other character is drawn as `?`.
package struct BitmapFont: Sendable {
    /// Regular or bold.
    package enum Weight: Sendable { case regular, bold }

    /// Which way text runs.
    package enum Direction: Sendable {
        /// Left to right.
        case horizontal
        /// Bottom to top (a rotated y-axis label).
        case up
    }

    /// Where the anchor point lies along the text.
    package enum Anchor: Sendable { case start, middle, end }

    /// Width of a glyph cell in font pixels.
    static let cellWidth = 7
    /// Height of a glyph cell in font pixels (ascent 11, descent 2).
    static let cellHeight = 13
    /// Font pixels from the top of the cell to the baseline.
    static let ascent = 11

    /// Pixels per font pixel.
    package let scale: Int
    package let weight: Weight

    package init(scale: Int = 1, weight: Weight = .regular) {
        self.scale = max(1, scale)
        self.weight = weight
    }

    /// A glyph's width in image pixels.
    var advance: Int { Self.cellWidth * scale }
    /// The height of a line in image pixels.
    var lineHeight: Int { Self.cellHeight * scale }

    /// The width of `text` in image pixels.
    package func width(of text: String) -> Int { Self.spelled(text).count * advance }

    /// `text` with the symbols the font lacks spelled out in characters it has.
    static func spelled(_ text: String) -> String {
        guard text.contains(where: { spellings[$0] != nil }) else { return text }
        var out = ""
        for ch in text { if let s = spellings[ch] { out += s } else { out.append(ch) } }
        return out
    }

    static let spellings: [Character: String] = ["τ": "tau", "δ": "delta", "‖": "||", "→": "->", "←": "<-",
                                                 "…": "...", "–": "-", "—": "-", "−": "-", "’": "'"]

    /// The glyph index of a character (`?` when the font lacks it).
    static func glyphIndex(_ ch: Character) -> Int {
        if let a = ch.asciiValue, a >= 32, a < 127 { return Int(a) - 32 }
        return lookup[ch] ?? lookup["?"]!
    }

    private static let lookup: [Character: Int] = {
        var d: [Character: Int] = [:]
        for (i, c) in characters.enumerated() { d[c] = i }
        return d
    }()

    /// Whether font pixel (col, row) of glyph `index` is set.
    @inline(__always)
    func isSet(_ index: Int, col: Int, row: Int) -> Bool {
        let rows = weight == .bold ? Self.boldRows : Self.regularRows
        return rows[index * Self.cellHeight + row] & (0x40 >> UInt8(col)) != 0
    }
}

extension Raster {
    /// Writes `text` in `font` and `color`. Horizontal text: `x` is the anchor along the line, `y` the top of
    /// the line. Upward text: `x` is the left of the (rotated) line, `y` the anchor along it.
    package mutating func text(_ text: String, x: Int, y: Int, font: BitmapFont, color: UInt32,
                              anchor: BitmapFont.Anchor = .start, direction: BitmapFont.Direction = .horizontal) {
        let text = BitmapFont.spelled(text)
        let length = font.width(of: text)
        let shift = anchor == .start ? 0 : anchor == .middle ? length / 2 : length
        let s = font.scale
        for (i, ch) in text.enumerated() {
            let g = BitmapFont.glyphIndex(ch)
            for row in 0..<BitmapFont.cellHeight {
                for col in 0..<BitmapFont.cellWidth where font.isSet(g, col: col, row: row) {
                    switch direction {
                    case .horizontal:
                        fill(x: x - shift + (i * BitmapFont.cellWidth + col) * s, y: y + row * s, width: s, height: s, color: color)
                    case .up:
                        // Rotated a quarter turn anticlockwise: the glyph's columns run up, its rows run right.
                        fill(x: x + row * s, y: y + shift - (i * BitmapFont.cellWidth + col + 1) * s, width: s, height: s, color: color)
                    }
                }
            }
        }
    }
}
