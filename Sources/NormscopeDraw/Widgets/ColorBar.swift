/// The shared colour scale with its numbers: `‖w‖ 0 ▕gradient▏ 2.0`, across or upright.
///
/// Without colour the gradient is drawn with the shade glyphs the heatmaps use.
struct ColorBar: Widget {
    /// Which way the gradient runs.
    enum Orientation: Sendable { case horizontal, vertical }

    /// The top of the shared scale.
    var vmax: Double
    /// The direction of the gradient.
    var orientation: Orientation
    /// A caption before the numbers (horizontal) or above them (vertical), e.g. "‖w‖".
    var caption: String
    /// The largest value drawn, when it lies above `vmax` (drawn at the top colour): shown as `▲2.61`.
    var overflow: Double?
    /// What the colours mean: norms (the colour map) or test accuracy (its own map).
    var palette: ScalePalette = .norm

    init(vmax: Double, orientation: Orientation = .horizontal, caption: String = "‖w‖", overflow: Double? = nil) {
        self.vmax = vmax
        self.orientation = orientation
        self.caption = caption
        self.overflow = overflow
    }

    /// Rows the horizontal bar uses at most: the gradient, and tick labels under it.
    static let preferredHeight = 2

    /// Tick labels under a gradient of `width` cells starting at `x0`: 0 to `vmax` in round steps, each centred
    /// under its place (the first left-aligned, the last right-aligned), skipped where it would touch another.
    func drawTicks(_ canvas: inout Canvas, x0: Int, width: Int, theme: Theme) {
        var lastEnd = -1
        let values = FigureAxis.niceValues(upTo: vmax, count: width >= 24 ? 5 : 3)
        for (i, v) in values.enumerated() {
            let text = SVGText.num(v, 2)
            let at = x0 + Int((v / vmax * Double(width)).rounded())
            let start = i == 0 ? x0 - 1 : (i == values.count - 1 && at >= x0 + width - 1 ? x0 + width + 1 - text.count : at - text.count / 2)
            guard start > lastEnd, start >= 0, start + text.count <= canvas.width else { continue }
            canvas.put(text, x: start, y: 1, style: v == 1 ? theme.accent : theme.faint)
            lastEnd = start + text.count
        }
    }

    /// The gradient cell for fraction `t`.
    static func swatch(_ t: Double, scale: ColorScale) -> Cell {
        scale.swatch(atFraction: t).cell
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let scale = ColorScale(vmax: vmax, options: options, palette: palette)
        let low = "0", high = NumberFormat.scale(vmax)
        let cap = glyphs.text(caption)

        switch orientation {
        case .horizontal:
            // caption, bracket, gradient, bracket, then the overflow mark; tick labels (0, 0.5, 1, 1.5, 2) on the
            // row below, under their places in the gradient, 1 (the L2-norm rows' value) marked.
            let over = overflow.map { " " + glyphs.text("▲") + NumberFormat.fixed($0, 2) } ?? ""
            let ticksBelow = canvas.height >= 2
            let fixed = 2 + over.count + (ticksBelow ? 2 : low.count + high.count + 2)
            let withCaption = !cap.isEmpty && canvas.width - fixed - cap.count - 1 >= 10
            var x = 0
            if withCaption { x += canvas.put(cap + " ", x: 0, y: 0, style: theme.faint) }
            let n = canvas.width - x - fixed
            guard n >= 2 else {
                canvas.put(TextFit.truncate(low + "-" + high + over, canvas.width, ellipsis: ""), x: 0, y: 0, style: theme.faint)
                return canvas
            }
            if !ticksBelow { x += canvas.put(low + " ", x: x, y: 0, style: theme.faint) }
            x += canvas.put(String(glyphs.bracketLeft), x: x, y: 0, style: theme.border)
            let x0 = x
            for i in 0..<n { canvas[x + i, 0] = ColorBar.swatch((Double(i) + 0.5) / Double(n), scale: scale) }
            x += n
            x += canvas.put(String(glyphs.bracketRight), x: x, y: 0, style: theme.border)
            if !ticksBelow { x += canvas.put(" " + high, x: x, y: 0, style: theme.faint) }
            if !over.isEmpty { canvas.put(over, x: x, y: 0, style: theme.caution) }
            if ticksBelow { drawTicks(&canvas, x0: x0, width: n, theme: theme) }        case .vertical:
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

extension ColorBar {
    /// The accuracy view's bar: per-class test accuracy from 0 to 100 %, in the accuracy palette.
    static var accuracy: ColorBar {
        var bar = ColorBar(vmax: PanelView.accuracyTop, caption: "class acc %")
        bar.palette = .accuracy
        return bar
    }
}
