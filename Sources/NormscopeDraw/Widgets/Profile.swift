/// The current norm of each class as a bar (Fig. 6 of the paper), on the same scale as the heatmaps.
///
/// Bars are built from eighth blocks (`▁▂▃▄▅▆▇█`; ASCII `_-=#`), coloured by the colour map, and share the
/// heatmap's columns when given its class plan. An optional dashed reference line marks the MaxNorm radius
/// or the unit norm. A bar above the scale ends in an overflow mark.
struct Profile: Widget {
    /// Norm per class, most frequent first.
    package var values: [Double]
    /// The top of the shared scale.
    package var vmax: Double
    /// A horizontal reference line (MaxNorm radius, unit norm).
    var reference: ReferenceLine?
    /// Columns reserved at the left for scale labels (0 for none).
    var gutter: Int
    /// How classes map to columns; nil plans them over the plot width.
    package var classes: BinPlan?

    package init(values: [Double], vmax: Double, reference: ReferenceLine? = nil, gutter: Int = 0, classes: BinPlan? = nil) {
        self.values = values
        self.vmax = vmax
        self.reference = reference
        self.gutter = gutter
        self.classes = classes
    }

    /// The height in eighths of a cell of a bar of value `v` in a plot `rows` high: `round(v / vmax * rows * 8)`,
    /// clamped to the plot; a positive value shows at least one eighth; non-finite values give 0.
    static func eighths(_ v: Double, vmax: Double, rows: Int) -> Int {
        guard v.isFinite, v > 0, rows > 0 else { return 0 }
        let t = vmax > 0 ? min(1, v / vmax) : 1
        return max(1, min(rows * 8, Int((t * Double(rows * 8)).rounded())))
    }

    /// The bar glyph of the cell `level` rows above the baseline for a bar `eighths` high.
    package static func glyph(eighths: Int, level: Int, glyphs: Glyphs) -> Character {
        glyphs.bars[min(8, max(0, eighths - 8 * level))]
    }

    package func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let rows = canvas.height
        guard rows > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let scale = ColorScale(vmax: vmax, options: options)
        let x0 = min(gutter, canvas.width)
        let plan = classes ?? BinPlan(count: values.count, slots: canvas.width - x0)
        let span = plan.slotsPerBin
        let barWidth = span >= 3 ? span - 1 : span
        var top = Array(repeating: 0, count: plan.usedSlots)

        for b in 0..<plan.binCount {
            let v = meanOfFinite(values[plan.items(inBin: b).clamped(to: 0..<values.count)])
            let h = Profile.eighths(v, vmax: vmax, rows: rows)
            let fg = scale.color(v) ?? .default
            for dx in 0..<barWidth {
                let x = b * span + dx
                top[x] = h
                for level in 0..<rows where h > 8 * level {
                    canvas[x0 + x, rows - 1 - level] = Cell(Profile.glyph(eighths: h, level: level, glyphs: glyphs), fg: fg)
                }
                if v.isFinite && v > vmax && vmax > 0 {
                    canvas[x0 + x, 0] = Cell(glyphs.overflow, fg: fg, attrs: .bold)
                }
            }
        }
        if let ref = reference { drawReference(ref, &canvas, x0: x0, top: top, glyphs: glyphs, theme: theme) }
        drawGutter(&canvas, glyphs: glyphs, theme: theme)
        return canvas
    }

    /// The dashed line through the row where a bar of the reference value would end, and its label.
    func drawReference(_ ref: ReferenceLine, _ canvas: inout Canvas, x0: Int, top: [Int], glyphs: Glyphs, theme: Theme) {
        let rows = canvas.height
        let h = Profile.eighths(ref.value, vmax: vmax, rows: rows)
        guard h > 0 else { return }
        let level = (h - 1) / 8, y = rows - 1 - level
        for x in x0..<canvas.width where (x - x0 >= top.count || top[x - x0] <= 8 * level) {
            canvas[x, y] = Cell(glyphs.dash, attrs: .dim)
        }
        let text = glyphs.text(ref.label)
        let labelY = y > 0 ? y - 1 : y
        let lx = canvas.width - text.count
        if lx >= x0 { canvas.put(text, x: lx, y: labelY, style: theme.faint) }
    }

    /// The scale labels: vmax at the top row, 0 at the bottom row, vmax/2 between when it falls on a row edge.
    func drawGutter(_ canvas: inout Canvas, glyphs: Glyphs, theme: Theme) {
        let labelWidth = gutter - 1
        guard labelWidth >= 1 else { return }
        let topLabel = NumberFormat.scale(vmax)
        if topLabel.count <= labelWidth { canvas.put(topLabel, x: labelWidth - topLabel.count, y: 0, style: theme.faint) }
        if canvas.height >= 2 { canvas.put("0", x: labelWidth - 1, y: canvas.height - 1, style: theme.faint) }
        // The midpoint falls on a row's top edge only when the row count is even.
        if canvas.height >= 8 && canvas.height % 2 == 0 {
            let mid = NumberFormat.scale(vmax / 2)
            if mid.count <= labelWidth { canvas.put(mid, x: labelWidth - mid.count, y: canvas.height / 2, style: theme.faint) }
        }
    }
}

/// A horizontal reference line across a profile, with its label ("δ=1.00", "‖w‖=1").
struct ReferenceLine: Equatable, Sendable {
    package var value: Double
    package var label: String

    package init(value: Double, label: String) {
        self.value = value
        self.label = label
    }

    /// The MaxNorm radius line, "δ=1.00".
    package static func maxNorm(_ radius: Double) -> ReferenceLine {
        ReferenceLine(value: radius, label: "δ=" + NumberFormat.fixed(radius, 2))
    }

    /// The unit-norm line of L2 normalisation, "‖w‖=1".
    static let unitNorm = ReferenceLine(value: 1, label: "‖w‖=1")
}
