/// One character cell of the screen: a glyph, its colours and attributes.
package struct Cell: Equatable, Sendable {
    /// The character drawn (one grapheme, one column wide).
    package var glyph: Character
    /// Foreground colour.
    package var fg: TermColor
    /// Background colour.
    package var bg: TermColor
    /// Bold, reverse, dim, underline.
    package var attrs: CellAttributes

    package init(_ glyph: Character = " ", fg: TermColor = .default, bg: TermColor = .default, attrs: CellAttributes = []) {
        self.glyph = glyph
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// An empty cell in the terminal's default colours.
    static let blank = Cell()
}

/// Text attributes of a cell.
package struct CellAttributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let bold = CellAttributes(rawValue: 1)
    package static let dim = CellAttributes(rawValue: 2)
    package static let reverse = CellAttributes(rawValue: 4)
    package static let underline = CellAttributes(rawValue: 8)
}

/// A terminal colour: the terminal's default, or an index into the xterm 256-colour palette.
///
/// Indices 0-15 are the basic ANSI colours, 16-231 the 6x6x6 cube, 232-255 the grey ramp.
/// The backend maps an index to the nearest colour the terminal actually has.
package enum TermColor: Hashable, Sendable {
    case `default`
    case index(UInt8)

    /// The nearest cube/grey index for an RGB colour with components in 0...1.
    package static func rgb(_ r: Double, _ g: Double, _ b: Double) -> TermColor {
        .index(XtermPalette.nearestIndex(r: r, g: g, b: b))
    }
}
