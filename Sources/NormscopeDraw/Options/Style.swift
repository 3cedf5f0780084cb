/// The colours and attributes text is drawn with.
package struct Style: Equatable, Hashable, Sendable {
    package var fg: TermColor
    package var bg: TermColor
    package var attrs: CellAttributes

    package init(fg: TermColor = .default, bg: TermColor = .default, attrs: CellAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// The terminal's default colours, no attributes.
    static let plain = Style()

    /// The same style with extra attributes.
    func adding(_ more: CellAttributes) -> Style {
        Style(fg: fg, bg: bg, attrs: attrs.union(more))
    }
}
