/// How one step of a colour scale looks in a cell: a glyph over a background.
///
/// A plain colour is a blank on that background. With 8 or 16 colours a step between two of them is a shade
/// glyph (`░`, `▒`, `▓`) in the upper colour over the lower one, so the eye mixes them. Without colour it is
/// a shade glyph alone.
struct Swatch: Equatable, Sendable {
    /// The glyph drawn.
    let glyph: Character
    /// The glyph's colour.
    let fg: TermColor
    /// The cell's colour behind it.
    let bg: TermColor
    /// The single colour nearest the look (for bars and marks drawn with one colour).
    let color: TermColor

    /// A solid colour.
    init(solid c: TermColor) { glyph = " "; fg = .default; bg = c; color = c }

    /// `glyph` in `fg` over `bg`; `color` is the one of them that dominates.
    init(glyph: Character, fg: TermColor, bg: TermColor, color: TermColor) {
        self.glyph = glyph
        self.fg = fg
        self.bg = bg
        self.color = color
    }

    /// A glyph in the terminal's colours (no colour).
    init(shade: Character) { glyph = shade; fg = .default; bg = .default; color = .default }

    /// The cell that shows this step.
    var cell: Cell { Cell(glyph, fg: fg, bg: bg) }
}
