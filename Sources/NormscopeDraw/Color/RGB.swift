/// A colour with red, green and blue components in 0...1.
public struct RGB: Equatable, Hashable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// Relative luminance (Rec. 709 weights on the components as given).
    public var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }

    /// The nearest xterm-256 palette colour.
    public var termColor: TermColor { .rgb(r, g, b) }
}
