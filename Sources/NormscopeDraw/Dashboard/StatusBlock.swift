/// The status block: the accuracy table, the shared colour bar, and the stage's progress bar.
///
/// Stacked in a grid slot, side by side in a bottom strip, or squeezed to colour bar and progress on one line.
/// A second table (stage 2's other variants) goes beside the first in a strip, under it in a grid slot.
struct StatusBlock: Widget {
    var model: DashboardModel
    var placement: DashboardLayout.StatusPlacement

    init(_ model: DashboardModel, placement: DashboardLayout.StatusPlacement) {
        self.model = model
        self.placement = placement
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let (w, h) = (canvas.width, canvas.height)
        guard w > 0 && h > 0 else { return canvas }
        var table = AccuracyTable(rows: model.accuracyRows, caption: model.tableCaption)
        table.shortCaption = model.tableShortCaption
        table.emptyColumns = model.emptyGroupColumns
        let side = model.sideTableRows.map { rows -> AccuracyTable in
            var t = AccuracyTable(rows: rows, caption: model.sideTableCaption)
            t.emptyColumns = model.emptyGroupColumns
            return t
        }
        let bar = model.view == .classAccuracy ? ColorBar.accuracy : ColorBar(vmax: model.vmax, overflow: model.overflow)
        let progress = ProgressLine(status: model.status)
        switch placement {
        case .gridSlot:
            // The colour bar first, beside the heatmaps it explains; then the table, then the progress.
            let tw = min(w, table.fullWidth)
            let bw = min(w, max(tw, 30))
            let barRows = h >= table.neededHeight + 5 ? ColorBar.preferredHeight : 1
            canvas.blit(bar.render(width: bw, height: barRows, options: options), x: 0, y: 0)
            let top = barRows + (h >= table.neededHeight + barRows + 3 ? 1 : 0)
            canvas.blit(table.render(width: tw, height: min(table.neededHeight, max(0, h - top - 1)), options: options), x: 0, y: top)
            var below = top + table.neededHeight
            if let s = side, h - below - 2 >= 2 {
                let sh = min(s.neededHeight, h - below - 2)
                canvas.blit(s.render(width: min(w, s.fullWidth), height: sh, options: options), x: 0, y: below + 1)
                below += 1 + sh
            }
            let y = min(h - 1, below + 1)
            if y > top { canvas.blit(progress.render(width: bw, height: 1, options: options), x: 0, y: y) }
        case .strip:
            var rx: Int
            if let s = side {
                let tables = w - 1 - 3
                let besideBar = table.compactWidth + s.labelledWidth + 4 + StatusBlock.barRoom <= tables
                let widths = StatusBlock.sideBySide(table, s, room: besideBar ? tables - 4 - StatusBlock.barRoom : tables)
                canvas.blit(table.render(width: widths.0, height: h, options: options), x: 1, y: 0)
                canvas.blit(s.render(width: widths.1, height: h, options: options), x: 1 + widths.0 + 3, y: 0)
                guard besideBar else {
                    // Narrow: the colour bar on one line under the shorter table, the header has the progress.
                    let y = table.neededHeight
                    if y < h { canvas.blit(bar.render(width: widths.0, height: 1, options: options), x: 1, y: y) }
                    return canvas
                }
                if let note = model.tableNote, table.neededHeight < h {
                    let glyphs = Glyphs.forMode(options.glyphs), theme = Theme(mode: options.colorMode)
                    let text = TextFit.truncate(glyphs.text(note), widths.0 + 2, ellipsis: glyphs.asciiOnly ? "..." : "…")
                    canvas.put(text, x: 1, y: table.neededHeight, style: theme.caution)
                }
                rx = 1 + widths.0 + 3 + widths.1 + 4
            } else {
                let tw = min(table.fullWidth, max(table.compactWidth, w / 2))
                canvas.blit(table.render(width: tw, height: h, options: options), x: 1, y: 0)
                rx = tw + 5
            }
            let rw = min(w - rx - 1, 60)
            guard rw > 0 else { return canvas }
            let barRows = h >= 4 ? ColorBar.preferredHeight : 1
            canvas.blit(bar.render(width: rw, height: barRows, options: options), x: rx, y: 0)
            if model.view == .classAccuracy && barRows + 1 < h - 1 {
                drawPredictionLegend(&canvas, x: rx, y: barRows, secondLine: barRows + 2 < h ? barRows + 2 : nil, width: rw,
                                     options: options)
            }
            if barRows + 1 < h { canvas.blit(progress.render(width: rw, height: 1, options: options), x: rx, y: barRows + 1) }
            else if barRows < h { canvas.blit(progress.render(width: rw, height: 1, options: options), x: rx, y: barRows) }
        case .line:
            let bw = min(w, max(w / 2 - 1, 16), 48)
            canvas.blit(bar.render(width: bw, height: 1, options: options), x: 0, y: 0)
            let px = bw + 3
            if w - px >= 12 { canvas.blit(progress.render(width: min(w - px, 48), height: 1, options: options), x: px, y: 0) }
        }
        return canvas
    }

    /// Columns the colour bar and progress keep beside two tables.
    static let barRoom = 24

    /// Widths for two tables side by side in `room` columns: whole labels with compact columns when they fit
    /// (full columns too when both do), else the first shrinks to its tags, then both to their compact widths.
    static func sideBySide(_ a: AccuracyTable, _ b: AccuracyTable, room: Int) -> (Int, Int) {
        if a.fullWidth + b.fullWidth <= room { return (a.fullWidth, b.fullWidth) }
        if a.labelledWidth + b.labelledWidth <= room { return (a.labelledWidth, b.labelledWidth) }
        if a.compactWidth + b.labelledWidth <= room { return (max(a.compactWidth, room - b.labelledWidth), b.labelledWidth) }
        return (a.compactWidth, max(b.compactWidth, room - a.compactWidth))
    }
}

/// "epoch 37/200 ━━━━━━━──────── 18%": the current stage's progress.
struct ProgressLine: Widget {
    var status: StatusModel

    init(status: StatusModel) { self.status = status }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let label = "epoch \(status.epoch)/\(status.totalEpochs) "
        let pct = " " + NumberFormat.fixed(status.progress * 100, 0) + "%"
        let n = canvas.width - label.count - pct.count
        guard n >= 4 else {
            canvas.put(TextFit.truncate(label + pct, canvas.width, ellipsis: ""), x: 0, y: 0, style: theme.faint)
            return canvas
        }
        var x = canvas.put(label, x: 0, y: 0, style: theme.faint)
        let done = Int((status.progress * Double(n)).rounded())
        x += canvas.put(glyphs.repeated(glyphs.progressDone, done), x: x, y: 0, style: theme.accent)
        x += canvas.put(glyphs.repeated(glyphs.progressTodo, n - done), x: x, y: 0, style: theme.faint)
        canvas.put(pct, x: x, y: 0, style: theme.faint)
        return canvas
    }
}
