/// How a frame is drawn: how many colours the terminal has, which glyphs it can show, which colour map.
package struct RenderOptions: Equatable, Hashable, Sendable {
    /// The colours available to the drawing.
    package var colorMode: ColorMode
    /// The glyph repertoire: full Unicode or plain ASCII.
    package var glyphs: GlyphMode
    /// The colour map of the heatmaps, profiles and colour bar.
    package var colorMap: ColorMapKind

    package init(colorMode: ColorMode = .full256, glyphs: GlyphMode = .unicode, colorMap: ColorMapKind = .jet) {
        self.colorMode = colorMode
        self.glyphs = glyphs
        self.colorMap = colorMap
    }

    /// 256 colours, Unicode glyphs, the paper's jet map.
    package static let standard = RenderOptions()
}

/// The colours a terminal offers.
package enum ColorMode: String, CaseIterable, Hashable, Sendable {
    /// The xterm 256-colour palette (cube and grey ramp).
    case full256
    /// The 16 ANSI colours (indices 0-15).
    case basic16
    /// The 8 original ANSI colours (indices 0-7).
    case basic8
    /// No colour at all (`NO_COLOR`): shades and attributes only.
    case none

    /// Whether any colour may be used.
    package var hasColor: Bool { self != .none }
}

/// The glyph repertoire a terminal (or its font, or a screen recorder) can show.
package enum GlyphMode: String, CaseIterable, Hashable, Sendable {
    /// Box drawing, block elements, braille, arrows.
    case unicode
    /// Printable ASCII only, everywhere on the canvas.
    case ascii
}

/// A continuous colour map from 0...1 to RGB.
package enum ColorMapKind: String, CaseIterable, Hashable, Sendable {
    /// matplotlib's "jet", the map of the paper's Fig. 2.
    case jet
    /// matplotlib's "viridis": perceptually uniform, luminance rises monotonically.
    case viridis
}
