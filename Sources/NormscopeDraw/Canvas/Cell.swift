/// One character cell of the screen: a glyph, its colours and attributes.
public struct Cell: Equatable, Sendable {
    /// The character drawn (one grapheme, one column wide).
    public var glyph: Character
    /// Foreground colour.
    public var fg: TermColor
    /// Background colour.
    public var bg: TermColor
    /// Bold, reverse, dim, underline.
    public var attrs: CellAttributes

    public init(_ glyph: Character = " ", fg: TermColor = .default, bg: TermColor = .default, attrs: CellAttributes = []) {
        self.glyph = glyph
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// An empty cell in the terminal's default colours.
    public static let blank = Cell()
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1)
    public static let dim = CellAttributes(rawValue: 2)
    public static let reverse = CellAttributes(rawValue: 4)
    public static let underline = CellAttributes(rawValue: 8)
}

/// A terminal colour: the terminal's default, or an index into the xterm 256-colour palette.
///
/// Indices 0-15 are the basic ANSI colours, 16-231 the 6x6x6 cube, 232-255 the grey ramp.
/// The backend maps an index to the nearest colour the terminal actually has.
public enum TermColor: Hashable, Sendable {
    case `default`
    case index(UInt8)

    /// The nearest cube/grey index for an RGB colour with components in 0...1.
    public static func rgb(_ r: Double, _ g: Double, _ b: Double) -> TermColor {
        .index(XtermPalette.nearestIndex(r: r, g: g, b: b))
    }
}
