import NormscopeEngine

extension SVGText {
    /// An upper estimate of the width of `text` set in DejaVu Sans (the figure's first font) at `size` px,
    /// from per-character advances rounded up; other sans fonts are narrower. Used to keep text inside the
    /// viewBox (legends, titles) without a font file.
    static func estimatedWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in DisplayText.escape(text) { em += advance(ch) }
        return em * size
    }

    /// The advance of one character in em, rounded up from DejaVu Sans's metrics.
    static func advance(_ ch: Character) -> Double {
        switch ch {
        case " ": return 0.33
        case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!": return 0.31
        case "(", ")", "[", "]", "f", "r", "t", "I": return 0.43
        case "m", "w", "M", "W", "%", "@": return 1.0
        case "=", "+", "<", ">", "~", "&", "#": return 0.85
        case "0"..."9": return 0.64
        case "a"..."z": return 0.63
        case "A"..."Z": return 0.79
        default: return 0.85
        }
    }
}
