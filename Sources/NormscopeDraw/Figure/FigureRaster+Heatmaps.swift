import NormscopeEngine

extension FigureRaster {
    /// One heatmap's colour levels in bins of epochs (rows) and classes (columns), precomputed once.
    struct Grid: Sendable {
        let rows: Int
        let cols: Int
        /// Row-major levels, -1 where nothing was recorded.
        let levels: [Int16]
        /// The last epoch each row spans: a row appears once training has reached it.
        let lastEpoch: [Int]

        /// The levels `level` gives the model's bin means `means` (rows of epochs `0...epochs`).
        init(_ means: [[Double?]], epochs: Int, level: (Double) -> Int) {
            rows = means.count
            cols = means.first?.count ?? 0
            var levels = [Int16](repeating: -1, count: rows * cols)
            for r in 0..<rows {
                for c in 0..<cols { if let m = means[r][c] { levels[r * cols + c] = Int16(level(m)) } }
            }
            self.levels = levels
            let rows = rows
            lastEpoch = (0..<rows).map { FigureBins.epochs(ofRow: $0, rows: rows, epochs: epochs).upperBound - 1 }
        }
    }

    /// The step 0..<levels of a value on the shared scale: `min(levels - 1, floor(v / vmax * levels))`.
    static func level(_ v: Double, vmax: Double) -> Int {
        guard vmax > 0 else { return v > 0 ? levels - 1 : 0 }
        let t = v / vmax
        guard !t.isNaN else { return 0 }
        return min(levels - 1, Int(min(1, max(0, t)) * Double(levels)))
    }

    /// The y pixel of the middle of epoch `e`'s row in a heatmap whose top is `y`.
    func epochY(_ e: Double, top y: Int) -> Int { y + Int((e + 0.5) / Double(model.epochs + 1) * Double(layout.panel)) }

    /// A row of heatmaps: one per regime, the shared axes' titles, the colour bar; `overflow` (the largest value
    /// above the scale) adds a mark over the bar.
    func drawHeatmapRow(_ r: inout Raster, _ row: HeatmapRow, moment: Moment, overflow: Double?, regular: BitmapFont,
                        bold: BitmapFont) {
        let L = layout
        for (i, h) in model.heatmaps.enumerated() where i < row.grids.count {
            drawHeatmap(&r, h, row: row, index: i, moment: moment, regular: regular, bold: bold)
        }
        r.text(model.epochAxis.titles.first ?? "", x: L.pad, y: row.top + L.panel / 2, font: regular, color: Self.ink,
               anchor: .middle, direction: .up)
        r.text(Self.fitting(model.classAxis.titles, width: L.panelsRight - L.left, font: regular),
               x: (L.left + L.panelsRight) / 2, y: row.axisLabelY, font: regular, color: Self.ink, anchor: .middle)
        drawColorBar(&r, row, overflow: overflow, regular: regular)
    }

    /// One heatmap of `row`: title, cells up to `moment`, axes, epoch marks and (where the row shows them) a
    /// diverged regime's note.
    func drawHeatmap(_ r: inout Raster, _ h: FigureModel.Heatmap, row: HeatmapRow, index i: Int, moment: Moment,
                     regular: BitmapFont, bold: BitmapFont) {
        let L = layout, x = L.panelX(i), y = row.top, P = L.panel, grid = row.grids[i], colors = row.colors
        r.text(Self.fitting([row.title(h), "(\(h.letter))"], width: P + L.gap, font: bold),
               x: x + P / 2, y: row.titleY, font: bold, color: Self.ink, anchor: .middle)
        r.fill(x: x, y: y, width: P, height: P, color: Self.empty)
        r.pixels.withUnsafeMutableBufferPointer { p in
            for py in 0..<P where grid.rows > 0 {
                let gridRow = py * grid.rows / P
                guard grid.lastEpoch[gridRow] <= moment.stage1Epoch else { break }
                for px in 0..<P {
                    let level = grid.levels[gridRow * grid.cols + px * grid.cols / P]
                    if level >= 0 { p[(y + py) * r.width + x + px] = colors[Int(level)] }
                }
            }
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: P + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        // Epochs down the left (labels on the first panel only: the axis is shared), classes along the bottom.
        for t in model.epochAxis.ticks {
            let ty = epochY(t.value, top: y)
            r.fill(x: x - L.stroke - L.tick, y: ty, width: L.tick, height: L.stroke, color: Self.ink)
            if i == 0 {
                r.text(t.label, x: x - L.stroke - L.tick - 2 * L.scale, y: ty - L.line / 2, font: regular, color: Self.ink, anchor: .end)
            }
        }
        for t in model.classAxis.ticks {
            let tx = x + Int((t.value + 0.5) / Double(model.classes) * Double(P))
            r.fill(x: tx, y: y + P + L.stroke, width: L.stroke, height: L.tick, color: Self.ink)
            r.text(t.label, x: tx, y: row.tickLabelY, font: regular, color: Self.ink, anchor: .middle)
        }
        for m in model.epochMarks(at: moment, on: h) {
            let my = epochY(Double(m.epoch), top: y)
            if row.labelsMarks { drawMark(&r, m, x: x, y: my, font: regular); continue }
            r.line(from: (x, my), to: (x + P - 1, my), color: Self.mark, thickness: L.stroke, dash: 4 * L.scale, gap: 2 * L.scale)
        }
        if row.showsNotes, let note = model.note(h, at: moment) {
            r.text(Self.fitting([note, "diverged"], width: P, font: regular),
                   x: x + P / 2, y: y + P / 2 - L.line / 2, font: regular, color: Self.alarm, anchor: .middle)
        }
    }

    /// The colour bar of `row` at the right: one band per step, the lowest at the bottom, ticks and title at the
    /// right; `overflow` (the largest value above the scale) adds a mark above it.
    func drawColorBar(_ r: inout Raster, _ row: HeatmapRow, overflow: Double?, regular: BitmapFont) {
        let L = layout, x = L.colorBarX, y = row.top, w = L.colorBarWidth, P = L.panel, colors = row.colors
        for py in 0..<P {
            // Bottom row the lowest step, top row the highest.
            let level = min(colors.count - 1, (P - 1 - py) * colors.count / P)
            r.fill(x: x, y: y + py, width: w, height: 1, color: colors[level])
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: w + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        for t in row.barAxis.ticks {
            let ty = min(y + P - 1, y + P - Int((t.value / row.scaleTop * Double(P)).rounded()))
            r.fill(x: x + w + L.stroke, y: ty, width: L.tick, height: L.stroke, color: Self.ink)
            r.text(t.label, x: x + w + L.stroke + L.tick + 2 * L.scale, y: ty - L.line / 2, font: regular, color: Self.ink)
        }
        if let largest = overflow {
            // Values above the scale take its top colour: a mark above the bar says how far they go.
            let s = L.scale, side = 7 * s, top = row.titleY + (L.line - side) / 2 + s
            for line in 0..<side {
                let half = line / 2
                r.fill(x: x + side / 2 - half, y: top + line, width: 2 * half + 1, height: 1, color: Self.overflowMark)
            }
            r.text("max \(SVGText.num(largest, 2))", x: x + side + 3 * s, y: row.titleY, font: regular, color: Self.overflowMark)
        }
        let labelX = x + w + L.stroke + L.tick + 2 * L.scale + 4 * L.advance + 4 * L.scale
        r.text(Self.fitting(row.barAxis.titles, width: P, font: regular),
               x: labelX, y: y + P / 2, font: regular, color: Self.ink, anchor: .middle, direction: .up)
    }
}
