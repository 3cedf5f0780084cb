/// The paper's Fig. 2 panel: one colour cell per (epoch, class), epoch 0 at the top, most frequent class left.
///
/// With 256 colours and Unicode, each text row packs two epoch slots into a half block (`▀`: foreground the
/// upper slot, background the lower). Otherwise each row is one slot drawn with the scale's swatch: a coloured
/// blank, a mixing shade of two basic colours (16 or 8 colours), or with no colour a shade glyph. Classes and epochs are binned (means) when they outnumber the cells, and stretched
/// over several cells when they are few. A left gutter carries epoch labels and the stage-2 marker.
struct Heatmap: Widget {
    /// The norms after each recorded epoch (e = 0 before training), in increasing epoch order.
    var rows: [EpochRow]
    /// The epochs planned; the figure's height is laid out for `totalEpochs + 1` rows.
    var totalEpochs: Int
    /// The top of the shared colour scale.
    var vmax: Double
    /// The epoch after which stage 2 starts, marked in the gutter and at the right edge.
    var stageBoundary: Int?
    /// Columns reserved at the left for epoch labels (0 for none).
    var gutter: Int
    /// Changes of settings mid-run, each marked in the gutter at its epoch with its short label.
    var changeMarks: [ChangeMark] = []
    /// What the colours mean: norms (the colour map) or test accuracy (its own map).
    var palette: ScalePalette = .norm

    init(rows: [EpochRow], totalEpochs: Int, vmax: Double, stageBoundary: Int? = nil, gutter: Int = 0) {
        self.rows = rows
        self.totalEpochs = totalEpochs
        self.vmax = vmax
        self.stageBoundary = stageBoundary
        self.gutter = gutter
    }

    /// A heatmap whose `norms[e]` are the norms after epoch e.
    init(norms: [[Double]], totalEpochs: Int, vmax: Double, stageBoundary: Int? = nil, gutter: Int = 0) {
        self.init(rows: EpochRow.consecutive(norms), totalEpochs: totalEpochs, vmax: vmax,
                  stageBoundary: stageBoundary, gutter: gutter)
    }

    /// The number of classes (the longest row).
    var classCount: Int { rows.map(\.values.count).max() ?? 0 }

    /// The last epoch of the vertical axis: `totalEpochs`, or more if later epochs were recorded.
    var lastEpoch: Int { max(0, totalEpochs, rows.last?.epoch ?? 0) }

    /// Whether `options` draw two epochs per text row: with 256 colours only, since with 16 or 8 a cell's two
    /// colours mix one step's shade (see `Swatch`).
    static func usesHalfBlocks(_ options: RenderOptions) -> Bool {
        options.colorMode == .full256 && Glyphs.forMode(options.glyphs).upperHalf != nil
    }

    /// Columns of the plot (right of the gutter, less the boundary marker column) for a canvas `width` wide.
    func plotWidth(_ width: Int) -> Int { max(0, width - gutter - (stageBoundary == nil ? 0 : 1)) }

    /// The geometry for a canvas of `width` x `height`.
    func geometry(width: Int, height: Int, options: RenderOptions) -> HeatmapGeometry {
        HeatmapGeometry(classCount: classCount, totalEpochs: lastEpoch, width: plotWidth(width),
                        height: height, halfBlocks: Heatmap.usesHalfBlocks(options), stage2After: stageBoundary)
    }

    /// The mean norm of each (epoch bin, class bin): nil for an epoch bin with no recorded epoch yet,
    /// NaN for a cell without a finite value.
    func binnedValues(_ g: HeatmapGeometry) -> [[Double]?] {
        (0..<g.epochs.binCount).map { eb in
            let er = rows.indices(recording: g.epochs.items(inBin: eb), epoch: \.epoch)
            guard !er.isEmpty else { return nil }
            return (0..<g.classes.binCount).map { cb in
                let kr = g.classes.items(inBin: cb)
                var sum = 0.0, n = 0
                for e in er {
                    let row = rows[e].values
                    for k in kr where k < row.count && row[k].isFinite {
                        sum += row[k]
                        n += 1
                    }
                }
                return n == 0 ? .nan : sum / Double(n)
            }
        }
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let g = geometry(width: width, height: height, options: options)
        let glyphs = Glyphs.forMode(options.glyphs)
        let scale = ColorScale(vmax: vmax, options: options, palette: palette)
        let theme = Theme(mode: options.colorMode)
        let values = binnedValues(g)
        let x0 = min(gutter, canvas.width)

        /// The value in vertical slot `s`, column `c`, or nil when there is nothing to draw.
        func value(_ s: Int, _ c: Int) -> Double? {
            guard let eb = g.epochs.bin(ofSlot: s), eb < values.count, let row = values[eb],
                  let cb = g.classes.bin(ofSlot: c), cb < row.count, row[cb].isFinite else { return nil }
            return row[cb]
        }

        for r in 0..<g.usedRows where r < canvas.height {
            for c in 0..<g.usedWidth {
                let cell: Cell
                if g.halfBlocks {
                    let up = value(2 * r, c).flatMap(scale.color), lo = value(2 * r + 1, c).flatMap(scale.color)
                    switch (up, lo) {
                    case let (u?, l?): cell = Cell(glyphs.upperHalf ?? " ", fg: u, bg: l)
                    case let (u?, nil): cell = Cell(glyphs.upperHalf ?? " ", fg: u)
                    case let (nil, l?): cell = Cell(glyphs.lowerHalf ?? " ", fg: l)
                    case (nil, nil): cell = .blank
                    }
                } else if let v = value(r, c), let swatch = scale.swatch(v) {
                    cell = swatch.cell
                } else {
                    cell = .blank
                }
                canvas[x0 + c, r] = cell
            }
        }
        drawGutter(&canvas, g, glyphs: glyphs, theme: theme)
        return canvas
    }

    /// Epoch labels at round epochs (0, 25, 50, ...) and the stage-2 marker with its epoch.
    func drawGutter(_ canvas: inout Canvas, _ g: HeatmapGeometry, glyphs: Glyphs, theme: Theme) {
        let labelWidth = gutter - 1
        let rows = min(g.usedRows, canvas.height)
        guard rows > 0 else { return }
        let boundaryRow = stageBoundary.map { g.row(ofEpoch: $0) }
        func label(_ text: String, row: Int, style: Style) {
            guard labelWidth >= 1, text.count <= labelWidth else { return }
            canvas.put(text, x: labelWidth - text.count, y: row, style: style)
        }
        for (row, epoch) in Heatmap.tickRows(g, rows: rows, lastEpoch: lastEpoch, boundaryRow: boundaryRow) {
            label(NumberFormat.epoch(epoch), row: row, style: theme.faint)
        }
        drawChangeMarks(&canvas, g, rows: rows, glyphs: glyphs, theme: theme)
        if let b = boundaryRow, let s = stageBoundary, b < rows {
            label(NumberFormat.epoch(s), row: b, style: theme.caution)
            if gutter >= 1 { canvas.put(String(glyphs.markerRight), x: gutter - 1, y: b, style: theme.caution) }
            let right = gutter + g.usedWidth
            if right < canvas.width { canvas.put(String(glyphs.markerLeft), x: right, y: b, style: theme.caution) }
        }
    }

    /// The rows that get an epoch label and their epochs: 0 at the top, then the multiples of the roundest
    /// step (1, 2, 5, 10, 20, 25, 50, 100, ...) that leaves at least two unlabelled rows between labels,
    /// each at the row that shows its epoch; none on or beside the stage-2 marker's row.
    static func tickRows(_ g: HeatmapGeometry, rows: Int, lastEpoch: Int, boundaryRow: Int?) -> [(row: Int, epoch: Int)] {
        guard rows > 0 else { return [] }
        let epochsPerRow = Double(max(1, lastEpoch + 1)) / Double(rows)
        var step = 1
        for candidate in NiceSteps.sequence where Double(candidate) >= 3 * epochsPerRow || candidate >= max(1, lastEpoch) {
            step = candidate
            break
        }
        var out: [(row: Int, epoch: Int)] = []
        var e = 0
        while e <= lastEpoch {
            let row = g.row(ofEpoch: e)
            let clear = out.last.map { row - $0.row >= 3 } ?? true
            let awayFromBoundary = boundaryRow.map { abs($0 - row) >= 2 } ?? true
            if row < rows && clear && awayFromBoundary {
                out.append((row, e))
            }
            let (next, overflow) = e.addingReportingOverflow(step)
            if overflow { break }
            e = next
        }
        return out
    }
}

/// Round step sizes: 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, ... (far past any run).
enum NiceSteps {
    static let sequence: [Int] = {
        var out = Set<Int>()
        var p = 1
        while p <= 1_000_000_000 {
            out.formUnion([p, 2 * p, 5 * p])
            if p >= 10 { out.insert(25 * p / 10) }
            p *= 10
        }
        return out.sorted()
    }()
}
