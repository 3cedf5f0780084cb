/// The current norm of each class as a bar (Fig. 6 of the paper), on the same scale as the heatmaps.
///
/// Bars are built from eighth blocks (`▁▂▃▄▅▆▇█`; ASCII `_-=#`), coloured by the colour map, and share the
/// heatmap's columns when given its class plan. An optional dashed reference line marks the MaxNorm radius
/// or the unit norm.
///
/// From three rows on, the top row is kept for the axis name (`‖w‖`) and for a bright `▲` over every bar above
/// the scale; such a bar fills the whole plot, so it is never drawn shorter than a bar below the top of the
/// scale. The scale's labels (`2.0`, `1.0`, `0`) sit on the rows whose middle is their value: a bar of exactly 1
/// ends half way up the row labelled 1.0.
struct Profile: Widget {
    /// Norm per class, most frequent first.
    var values: [Double]
    /// The top of the shared scale.
    var vmax: Double
    /// A horizontal reference line (MaxNorm radius, unit norm).
    var reference: ReferenceLine?
    /// Columns reserved at the left for scale labels (0 for none).
    var gutter: Int
    /// How classes map to columns; nil plans them over the plot width.
    var classes: BinPlan?
    /// The previous state's profile (before a settings change or restart), drawn as a faint dotted line.
    var before: [Double]?
    /// The axis name over the scale labels.
    var axisName = "‖w‖"
    /// One colour for every bar instead of the value's colour on the scale (counts, not norms), or nil.
    var barColor: TermColor?

    init(values: [Double], vmax: Double, reference: ReferenceLine? = nil, gutter: Int = 0, classes: BinPlan? = nil) {
        self.values = values
        self.vmax = vmax
        self.reference = reference
        self.gutter = gutter
        self.classes = classes
    }

    /// Rows at the top kept for the axis name and the overflow marks in a canvas `height` rows high.
    static func markRows(height: Int) -> Int { height >= 3 ? 1 : 0 }

    /// The height in eighths of a cell of a bar of value `v` in a plot `rows` high, with value t·vmax at the
    /// middle of row t·(rows-1) from the bottom (0 half way up the bottom row, vmax half way up the top row):
    /// `round((v / vmax * (rows - 1) + 0.5) * 8)`. A value above `vmax` fills the plot; non-finite values and
    /// values ≤ 0 give 0.
    static func eighths(_ v: Double, vmax: Double, rows: Int) -> Int {
        guard v.isFinite, v > 0, rows > 0 else { return 0 }
        guard vmax > 0, v <= vmax else { return rows * 8 }
        let t = v / vmax
        return max(1, min(rows * 8, Int(((t * Double(rows - 1) + 0.5) * 8).rounded())))
    }

    /// The bar glyph of the cell `level` rows above the baseline for a bar `eighths` high.
    static func glyph(eighths: Int, level: Int, glyphs: Glyphs) -> Character {
        glyphs.bars[min(8, max(0, eighths - 8 * level))]
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.height > 0 else { return canvas }
        let marks = Profile.markRows(height: canvas.height)
        let rows = canvas.height - marks
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let scale = ColorScale(vmax: vmax, options: options)
        let x0 = min(gutter, canvas.width)
        let plan = classes ?? BinPlan(count: values.count, slots: canvas.width - x0, fill: true)
        let gap = plan.narrowestBin >= 3
        var top = Array(repeating: 0, count: plan.usedSlots)
        let markStyle = Style(fg: theme.best.fg, attrs: .bold)

        for b in 0..<plan.binCount {
            let v = meanOfFinite(values[plan.items(inBin: b).clamped(to: 0..<values.count)])
            let h = Profile.eighths(v, vmax: vmax, rows: rows)
            let fg = barColor ?? scale.color(v) ?? .default
            let slots = plan.slots(ofBin: b)
            for x in slots where !(gap && x == slots.upperBound - 1) {
                top[x] = h
                for level in 0..<rows where h > 8 * level {
                    canvas[x0 + x, canvas.height - 1 - level] = Cell(Profile.glyph(eighths: h, level: level, glyphs: glyphs), fg: fg)
                }
                if marks > 0 && v.isFinite && v > vmax && vmax > 0 {
                    canvas[x0 + x, 0] = Cell(glyphs.overflow, fg: markStyle.fg, attrs: markStyle.attrs)
                }
            }
        }
        if let before, !before.isEmpty { drawBefore(before, &canvas, x0: x0, plan: plan, gap: gap, top: top, rows: rows, glyphs: glyphs) }
        if let ref = reference { drawReference(ref, &canvas, x0: x0, top: top, rows: rows, glyphs: glyphs, theme: theme) }
        drawGutter(&canvas, rows: rows, glyphs: glyphs, theme: theme)
        return canvas
    }

    /// The previous profile: a faint dot in each column at the row where its bar ended, over the empty cells
    /// above a shorter bar and cut into a full cell of a taller one (so it shows whichever way the norm moved).
    func drawBefore(_ before: [Double], _ canvas: inout Canvas, x0: Int, plan: BinPlan, gap: Bool, top: [Int], rows: Int,
                    glyphs: Glyphs) {
        let dot: Character = glyphs.asciiOnly ? "." : "·"
        for b in 0..<plan.binCount {
            let v = meanOfFinite(before[plan.items(inBin: b).clamped(to: 0..<before.count)])
            let h = Profile.eighths(v, vmax: vmax, rows: rows)
            guard h > 0 else { continue }
            let level = (h - 1) / 8, y = canvas.height - 1 - level
            let slots = plan.slots(ofBin: b)
            for x in slots where !(gap && x == slots.upperBound - 1) && x0 + x < canvas.width {
                let now = top[x]
                if now <= 8 * level {
                    canvas[x0 + x, y] = Cell(dot)
                } else if now >= 8 * (level + 1) {
                    let bar = canvas[x0 + x, y]
                    canvas[x0 + x, y] = Cell(dot, fg: .index(0), bg: bar.fg, attrs: bar.fg == .default ? .reverse : [])
                }
            }
        }
    }

    /// The dashed line through the row where a bar of the reference value would end, and its label.
    func drawReference(_ ref: ReferenceLine, _ canvas: inout Canvas, x0: Int, top: [Int], rows: Int, glyphs: Glyphs,
                       theme: Theme) {
        let h = Profile.eighths(ref.value, vmax: vmax, rows: rows)
        guard h > 0 else { return }
        let level = (h - 1) / 8, y = canvas.height - 1 - level
        for x in x0..<canvas.width where (x - x0 >= top.count || top[x - x0] <= 8 * level) {
            canvas[x, y] = Cell(glyphs.dash, attrs: .dim)
        }
        let text = glyphs.text(ref.label)
        let labelY = y > 0 ? y - 1 : y
        let lx = canvas.width - text.count
        if lx >= x0 { canvas.put(text, x: lx, y: labelY, style: theme.faint) }
    }

    /// The scale labels, each on the row whose middle is its value: vmax on the top row of the plot, 0 on the
    /// bottom row, vmax/2 between when it falls on a row's middle; the axis name `‖w‖` on the row above.
    func drawGutter(_ canvas: inout Canvas, rows: Int, glyphs: Glyphs, theme: Theme) {
        let labelWidth = gutter - 1
        guard labelWidth >= 1 else { return }
        let y0 = canvas.height - rows  // the plot's top row
        func label(_ text: String, _ y: Int) {
            if text.count <= labelWidth { canvas.put(text, x: labelWidth - text.count, y: y, style: theme.faint) }
        }
        if y0 > 0 { label(glyphs.text(axisName), y0 - 1) }
        label(NumberFormat.scale(vmax), y0)
        if rows >= 2 { label("0", canvas.height - 1) }
        if rows >= 3 && (rows - 1) % 2 == 0 { label(NumberFormat.scale(vmax / 2), y0 + (rows - 1) / 2) }
    }
}

/// A horizontal reference line across a profile, with its label ("δ=1.00", "‖w‖=1").
struct ReferenceLine: Equatable, Sendable {
    var value: Double
    var label: String

    init(value: Double, label: String) {
        self.value = value
        self.label = label
    }

    /// The MaxNorm radius line, "δ=1.00".
    static func maxNorm(_ radius: Double) -> ReferenceLine {
        ReferenceLine(value: radius, label: "δ=" + NumberFormat.fixed(radius, 2))
    }

    /// The unit-norm line of L2 normalisation, "‖w‖=1".
    static let unitNorm = ReferenceLine(value: 1, label: "‖w‖=1")
}
