/// The shared colour scale with its numbers: `‖w‖ 0 ▕gradient▏ 2.0`, across or upright.
///
/// Without colour the gradient is drawn with the shade glyphs the heatmaps use.
public struct ColorBar: Widget {
    /// Which way the gradient runs.
    public enum Orientation: Sendable { case horizontal, vertical }

    /// The top of the shared scale.
    public var vmax: Double
    /// The direction of the gradient.
    public var orientation: Orientation
    /// A caption before the numbers (horizontal) or above them (vertical), e.g. "‖w‖".
    public var caption: String

    public init(vmax: Double, orientation: Orientation = .horizontal, caption: String = "‖w‖") {
        self.vmax = vmax
        self.orientation = orientation
        self.caption = caption
    }

    /// The gradient cell for fraction `t`.
    static func swatch(_ t: Double, scale: ColorScale) -> Cell {
        scale.mode.hasColor ? Cell(" ", bg: scale.color(atFraction: t)) : Cell(scale.shade(atFraction: t))
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let scale = ColorScale(vmax: vmax, options: options)
        let low = "0", high = NumberFormat.scale(vmax)
        let cap = glyphs.text(caption)

        switch orientation {
        case .horizontal:
            // caption, "0 ", bracket, gradient, bracket, " 2.0"; the caption goes first when room is short.
            let fixed = low.count + high.count + 4
            let withCaption = !cap.isEmpty && canvas.width - fixed - cap.count - 1 >= 6
            var x = 0
            if withCaption { x += canvas.put(cap + " ", x: 0, y: 0, style: theme.faint) }
            let n = canvas.width - x - fixed
            guard n >= 2 else {
                canvas.put(TextFit.truncate(low + "-" + high, canvas.width, ellipsis: ""), x: 0, y: 0, style: theme.faint)
                return canvas
            }
            x += canvas.put(low + " ", x: x, y: 0, style: theme.faint)
            x += canvas.put(String(glyphs.bracketLeft), x: x, y: 0, style: theme.border)
            for i in 0..<n { canvas[x + i, 0] = ColorBar.swatch((Double(i) + 0.5) / Double(n), scale: scale) }
            x += n
            x += canvas.put(String(glyphs.bracketRight), x: x, y: 0, style: theme.border)
            canvas.put(" " + high, x: x, y: 0, style: theme.faint)
        case .vertical:
            // high at the top, low at the bottom, a two-column gradient beside them.
            let labelWidth = max(low.count, high.count)
            let top = cap.isEmpty || canvas.height < 4 ? 0 : 1
            if top == 1 { canvas.put(cap, x: 0, y: 0, style: theme.faint) }
            let n = canvas.height - top
            for i in 0..<n {
                let t = n == 1 ? 1 : 1 - (Double(i) + 0.5) / Double(n)
                let c = ColorBar.swatch(t, scale: scale)
                canvas[0, top + i] = c
                canvas[1, top + i] = c
            }
            if canvas.width >= labelWidth + 3 {
                canvas.put(high, x: 3, y: top, style: theme.faint)
                if n >= 2 { canvas.put(low, x: 3, y: canvas.height - 1, style: theme.faint) }
            }
        }
        return canvas
    }
}
