/// The centred notice shown instead of the dashboard when the terminal is too small.
///
/// "Terminal too small: need at least 60x20 (now 40x10) — enlarge or press q", on one line when it fits,
/// else broken into phrases and words; lines that do not fit are dropped, down to a 1x1 terminal.
struct TooSmallMessage: Widget {
    var need: (width: Int, height: Int)

    init(need: (width: Int, height: Int)) { self.need = need }

    /// The lines of the notice for a terminal of `width` x `height`.
    func lines(width: Int, height: Int, glyphs: Glyphs) -> [String] {
        let now = "(now \(width)x\(height))"
        let needText = "need at least \(need.width)x\(need.height)"
        let whole = glyphs.text("Terminal too small: \(needText) \(now) — enlarge or press q")
        if whole.count <= width { return [whole] }
        let phrases = ["Terminal too small:", needText, now, glyphs.text("— enlarge or press q")]
        return phrases.flatMap { TextFit.wrap($0, width) }
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let shown = Array(lines(width: canvas.width, height: canvas.height, glyphs: glyphs).prefix(canvas.height))
        let y0 = TextFit.centered(shown.count, in: canvas.height)
        for (i, line) in shown.enumerated() {
            canvas.put(line, x: TextFit.centered(line.count, in: canvas.width), y: y0 + i,
                       style: i == 0 ? theme.caution : theme.label, maxWidth: canvas.width)
        }
        return canvas
    }
}
