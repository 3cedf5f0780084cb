import NormscopeEngine

/// The glyphs every widget draws with, in a Unicode and a pure-ASCII edition.
///
/// Every character a widget places on the canvas comes from here or passes through ``text(_:)``,
/// so ASCII mode never leaks a non-ASCII glyph.
package struct Glyphs: Sendable {
    /// Frame corners and sides.
    let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character
    /// Axis corner and tick (bottom-left of a chart, y-axis tick).
    let axisCorner, axisTick: Character
    /// The upper and lower half blocks that pack two heatmap rows into one text row, or nil (one row per text row).
    let upperHalf, lowerHalf: Character?
    /// Shades from faint to full, for heatmaps without colour; the first is a dot, not a blank, so a small
    /// norm never looks like missing data.
    package let shades: [Character]
    /// Bar glyphs by height in eighths: index 0 is empty, 8 is a full cell.
    package let bars: [Character]
    /// A dashed horizontal line (reference lines).
    let dash: Character
    /// Colour-bar brackets.
    let bracketLeft, bracketRight: Character
    /// Markers pointing right and left (stage boundary).
    let markerRight, markerLeft: Character
    /// Marker for a bar clipped at the top of its scale.
    package let overflow: Character
    /// Progress bar: done and to do.
    let progressDone, progressTodo: Character
    /// Line-chart dots when braille is not available: a data point and a connecting segment.
    let point, segment: Character
    /// A short run of line for chart legends.
    let legendMark: String
    /// Whether line charts use braille (2x4 dots per cell).
    package let braille: Bool
    /// Whether `text(_:)` must transliterate to ASCII.
    let asciiOnly: Bool

    /// Box drawing, eighth blocks, braille, arrows.
    package static let unicode = Glyphs(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        axisCorner: "└", axisTick: "┤", upperHalf: "▀", lowerHalf: "▄", shades: ["·", "•", "▪", "░", "▒", "▓", "█"],
        bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], dash: "╌", bracketLeft: "▕", bracketRight: "▏",
        markerRight: "▸", markerLeft: "◂", overflow: "▲", progressDone: "━", progressTodo: "─",
        point: "•", segment: "·", legendMark: "━━", braille: true, asciiOnly: false)

    /// Printable ASCII only.
    package static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        axisCorner: "+", axisTick: "+", upperHalf: nil, lowerHalf: nil, shades: [".", ":", "-", "=", "+", "*", "#", "%", "@"],
        bars: [" ", "_", "_", "-", "-", "=", "=", "#", "#"], dash: "-", bracketLeft: "[", bracketRight: "]",
        markerRight: ">", markerLeft: "<", overflow: "^", progressDone: "#", progressTodo: "-",
        point: "*", segment: ".", legendMark: "--", braille: false, asciiOnly: true)

    /// The edition for a glyph mode.
    static func forMode(_ mode: GlyphMode) -> Glyphs { mode == .ascii ? .ascii : .unicode }

    /// `s` made safe to show in this edition: control and invisible characters (a recipe name may hold an
    /// ESC or a right-to-left override) are spelled out by `DisplayText.escape`; in ASCII, known symbols are
    /// spelled out and anything else becomes `?`.
    package func text(_ s: String) -> String {
        let s = DisplayText.escape(s)
        guard asciiOnly, !s.unicodeScalars.allSatisfy(\.isASCII) else { return s }
        var out = ""
        for ch in s {
            if ch.unicodeScalars.allSatisfy(\.isASCII) { out.append(ch); continue }
            out += Glyphs.asciiSpelling[ch] ?? "?"
        }
        return out
    }

    /// ASCII spellings of the symbols used in labels.
    static let asciiSpelling: [Character: String] = [
        "→": "->", "←": "<-", "↓": "v", "↑": "^", "…": "...", "·": "-", "—": "-", "–": "-", "δ": "d",
        "‖": "|", "×": "x", "≈": "~", "≤": "<=", "≥": ">=", "•": "*", "●": "*", "○": "o", "✓": "ok",
        "▸": ">", "◂": "<", "τ": "tau", "°": "o", "µ": "u", "±": "+-", "λ": "lambda", "η": "eta",
    ]

    /// Text cells for a dashed/solid horizontal run.
    func repeated(_ c: Character, _ n: Int) -> String { String(repeating: String(c), count: max(0, n)) }
}
