/// A colour with red, green and blue components in 0...1.
package struct RGB: Equatable, Hashable, Sendable {
    package var r: Double
    package var g: Double
    package var b: Double

    package init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// Relative luminance (Rec. 709 weights on the components as given).
    var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }

    /// The nearest xterm-256 palette colour.
    var termColor: TermColor { .rgb(r, g, b) }
}
