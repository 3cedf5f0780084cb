/// The colours and attributes text is drawn with.
public struct Style: Equatable, Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var attrs: CellAttributes

    public init(fg: TermColor = .default, bg: TermColor = .default, attrs: CellAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    /// The same style with extra attributes.
    public func adding(_ more: CellAttributes) -> Style {
        Style(fg: fg, bg: bg, attrs: attrs.union(more))
    }
}
