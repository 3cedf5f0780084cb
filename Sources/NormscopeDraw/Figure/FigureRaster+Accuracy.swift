import NormscopeEngine

extension FigureRaster.Grid {
    /// The accuracy steps (`FigureModel.accuracyLevel`) of the model's bin means `means` (rows of epochs
    /// `0...epochs`).
    init(accuracy means: [[Double?]], epochs: Int) {
        rows = means.count
        cols = means.first?.count ?? 0
        var levels = [Int16](repeating: -1, count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols { if let m = means[r][c] { levels[r * cols + c] = Int16(FigureModel.accuracyLevel(m)) } }
        }
        self.levels = levels
        let rows = rows
        lastEpoch = (0..<rows).map { FigureBins.epochs(ofRow: $0, rows: rows, epochs: epochs).upperBound - 1 }
    }
}

extension FigureRaster {
    /// The accuracy row: its heading, one heatmap under each norm heatmap, its colour bar, its axis titles.
    func drawAccuracyRow(_ r: inout Raster, moment: Moment, regular: BitmapFont, bold: BitmapFont) {
        let L = layout, y = L.accuracyPanelTop, P = L.panel
        r.text(Self.fitting([FigureModel.accuracyRowTitle, "Test accuracy of each class after each epoch"], width: L.panelsRight - L.left,
                            font: bold), x: L.left, y: L.accuracyHeadingY, font: bold, color: Self.ink)
        for (i, h) in model.heatmaps.enumerated() where i < accuracyGrids.count {
            drawAccuracyHeatmap(&r, h, grid: accuracyGrids[i], index: i, moment: moment, regular: regular, bold: bold)
        }
        r.text(model.epochAxis.titles.first ?? "", x: L.pad, y: y + P / 2, font: regular, color: Self.ink, anchor: .middle,
               direction: .up)
        r.text(Self.fitting(model.classAxis.titles, width: L.panelsRight - L.left, font: regular),
               x: (L.left + L.panelsRight) / 2, y: L.accuracyAxisLabelY, font: regular, color: Self.ink, anchor: .middle)
        drawAccuracyColorBar(&r, regular: regular)
    }

    /// One accuracy heatmap: title, cells up to `moment`, the norm heatmaps' axes and epoch marks.
    func drawAccuracyHeatmap(_ r: inout Raster, _ h: FigureModel.Heatmap, grid: Grid, index i: Int, moment: Moment,
                             regular: BitmapFont, bold: BitmapFont) {
        let L = layout, x = L.panelX(i), y = L.accuracyPanelTop, P = L.panel, colors = FigureModel.accuracyColors
        r.text(Self.fitting([model.accuracyTitle(h), "(\(h.letter))"], width: P + L.gap, font: bold),
               x: x + P / 2, y: L.accuracyTitleY, font: bold, color: Self.ink, anchor: .middle)
        r.fill(x: x, y: y, width: P, height: P, color: Self.empty)
        r.pixels.withUnsafeMutableBufferPointer { p in
            for py in 0..<P where grid.rows > 0 {
                let row = py * grid.rows / P
                guard grid.lastEpoch[row] <= moment.stage1Epoch else { break }
                for px in 0..<P {
                    let level = grid.levels[row * grid.cols + px * grid.cols / P]
                    if level >= 0 { p[(y + py) * r.width + x + px] = colors[Int(level)] }
                }
            }
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: P + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
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
            r.text(t.label, x: tx, y: L.accuracyTickLabelY, font: regular, color: Self.ink, anchor: .middle)
        }
        for m in model.epochMarks(at: moment, on: h) {
            let my = epochY(Double(m.epoch), top: y)
            r.line(from: (x, my), to: (x + P - 1, my), color: Self.mark, thickness: L.stroke, dash: 4 * L.scale, gap: 2 * L.scale)
        }
    }

    /// The accuracy colour bar: one block per 10 % step, 0 % at the bottom, ticks and its title at the right.
    func drawAccuracyColorBar(_ r: inout Raster, regular: BitmapFont) {
        let L = layout, x = L.colorBarX, y = L.accuracyPanelTop, w = L.colorBarWidth, P = L.panel
        let colors = FigureModel.accuracyColors
        for py in 0..<P {
            let level = min(colors.count - 1, (P - 1 - py) * colors.count / P)
            r.fill(x: x, y: y + py, width: w, height: 1, color: colors[level])
        }
        r.stroke(x: x - L.stroke, y: y - L.stroke, width: w + 2 * L.stroke, height: P + 2 * L.stroke, color: Self.ink,
                 thickness: L.stroke)
        for t in model.accuracyBarAxis.ticks {
            let ty = min(y + P - 1, y + P - Int((t.value / 100 * Double(P)).rounded()))
            r.fill(x: x + w + L.stroke, y: ty, width: L.tick, height: L.stroke, color: Self.ink)
            r.text(t.label, x: x + w + L.stroke + L.tick + 2 * L.scale, y: ty - L.line / 2, font: regular, color: Self.ink)
        }
        let labelX = x + w + L.stroke + L.tick + 2 * L.scale + 4 * L.advance + 4 * L.scale
        r.text(Self.fitting(model.accuracyBarAxis.titles, width: P, font: regular),
               x: labelX, y: y + P / 2, font: regular, color: Self.ink, anchor: .middle, direction: .up)
    }
}
