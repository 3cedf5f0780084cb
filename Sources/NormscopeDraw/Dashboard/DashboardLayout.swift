/// Where each part of the dashboard goes for a terminal size: header, caption, panel grid, status, key hint.
///
/// The panels are laid out in the grid (columns x rows) that gives the largest heatmaps, or all in one row above
/// the table, as the paper's figure, when that loses at most a quarter of the area. The status block (accuracy table and colour
/// bar) takes the empty cells of an incomplete grid when it fits there, else a strip at the bottom, else a
/// single line. Below the minimum size, or when no grid fits, the layout is `tooSmall`.
struct DashboardLayout: Equatable, Sendable {
    /// Where the status block went.
    enum StatusPlacement: Equatable, Sendable {
        /// Into the empty cells at the end of the panel grid.
        case gridSlot
        /// A strip across the bottom, table beside colour bar.
        case strip
        /// One line: colour bar and progress, no table.
        case line
    }

    /// Terminal size.
    let width: Int, height: Int
    /// Whether the terminal is below the minimum: only the too-small message is drawn.
    let tooSmall: Bool
    /// Row 0: name and run state.
    let header: Rect
    /// Row 1 when there is a caption.
    let caption: Rect?
    /// The area of the panel grid or the charts.
    let main: Rect
    /// One rectangle per panel (empty in the curves view).
    let panels: [Rect]
    /// Grid columns and rows.
    let columns: Int, rows: Int
    /// The status block.
    let status: Rect
    let statusPlacement: StatusPlacement
    /// The last row: key hint and message.
    let keyHint: Rect

    /// The smallest terminal for any dashboard: 60 x 20.
    static let floor = (width: 60, height: 20)
    /// A panel narrower or lower than this is not drawn.
    static let minPanelWidth = 14, minPanelHeight = 6

    /// The smallest size at which `panelCount` panels fit: at least `floor`, taller when there are many panels.
    static func minimumSize(panelCount: Int, captionLines: Int = 0) -> (width: Int, height: Int) {
        var h = floor.height
        while h < 2000 {
            if candidates(panelCount: panelCount, width: floor.width, height: h, captionLines: captionLines).first != nil {
                return (floor.width, h)
            }
            h += 1
        }
        return (floor.width, h)
    }

    /// The layout of `panelCount` panels in a `width` x `height` terminal showing `view`.
    /// `tableRows` is the number of rows of the accuracy table (default: one per panel).
    init(panelCount: Int, width: Int, height: Int, captionLines: Int = 0, view: DashboardView = .heatmapProfile,
                tableRows: Int? = nil, sideTableRows: Int = 0) {
        let tableRows = max(1, tableRows ?? panelCount)
        let side = max(0, sideTableRows)
        self.width = max(0, width)
        self.height = max(0, height)
        let captionLines = max(0, min(2, captionLines))
        let top = 1 + captionLines
        header = Rect(x: 0, y: 0, width: self.width, height: min(1, self.height))
        caption = captionLines > 0 && self.height > 1 ? Rect(x: 0, y: 1, width: self.width, height: captionLines) : nil
        keyHint = Rect(x: 0, y: max(0, self.height - 1), width: self.width, height: min(1, self.height))
        let need = DashboardLayout.minimumSize(panelCount: panelCount, captionLines: captionLines)
        let found = self.width >= need.width && self.height >= need.height
            ? DashboardLayout.best(panelCount: panelCount, width: self.width, height: self.height, captionLines: captionLines,
                                   tableRows: tableRows, sideTableRows: side)
            : nil
        guard let c = found else {
            tooSmall = true
            main = Rect(x: 0, y: 0, width: self.width, height: self.height)
            panels = []
            (columns, rows) = (0, 0)
            status = Rect(x: 0, y: 0, width: 0, height: 0)
            statusPlacement = .line
            return
        }
        tooSmall = false
        if view == .curves {
            // Charts need no grid: keep the status strip when the charts keep 12 rows, else a line.
            let avail = self.height - top - 1
            let strip = DashboardLayout.stripHeight(tableRows: tableRows, sideTableRows: side)
            let h = avail - strip >= 12 ? strip : 1
            main = Rect(x: 0, y: top, width: self.width, height: avail - h)
            status = Rect(x: 0, y: top + avail - h, width: self.width, height: h)
            statusPlacement = h == 1 ? .line : .strip
            panels = []
            (columns, rows) = (c.columns, c.rows)
            return
        }
        main = c.main
        panels = c.panels
        (columns, rows) = (c.columns, c.rows)
        status = c.status
        statusPlacement = c.placement
    }

    /// The status strip's height: the taller table's rows and its header (the second table sits beside the first).
    static func stripHeight(tableRows: Int, sideTableRows: Int = 0) -> Int { max(tableRows, sideTableRows) + 1 }

    /// The status block's needs in a grid slot: width for the compact table, height for table (and the second
    /// table under it) + bar + progress.
    static func slotNeeds(tableRows: Int, sideTableRows: Int = 0) -> (width: Int, height: Int) {
        (27, tableRows + 4 + (sideTableRows > 0 ? sideTableRows + 1 : 0))
    }

    /// A candidate arrangement and its score.
    struct Candidate {
        var columns: Int, rows: Int
        var placement: StatusPlacement
        var main: Rect
        var panels: [Rect]
        var status: Rect
        var panelWidth: Int, panelHeight: Int
        /// The side of the largest square heatmap (columns and half-block slots, about square on a terminal's
        /// cells), with a bonus for showing the table; ties go to the larger heatmap, then the larger panel.
        var score: Int { (heatSide + (placement == .line ? 0 : 3)) * 10_000_000 + heatCells.columns * heatCells.slots * 100 + panelWidth * panelHeight }

        /// The heatmap's columns and half-block slots, as a panel of this size lays it out (the profile takes a
        /// third of a tall panel).
        var heatCells: (columns: Int, slots: Int) {
            let body = panelHeight - 3
            let heat = body >= PanelView.profileFromRows ? body - 1 - min(12, max(3, (body - 1) / 3)) : body
            return (max(0, panelWidth - 6), 2 * max(0, heat))
        }

        /// The side of the largest square that fits the heatmap.
        var heatSide: Int { min(heatCells.columns, heatCells.slots) }
    }

    /// Every arrangement that fits, best first.
    static func candidates(panelCount n: Int, width: Int, height: Int, captionLines: Int, tableRows: Int? = nil,
                           sideTableRows: Int = 0) -> [Candidate] {
        let tableRows = max(1, tableRows ?? n)
        guard n >= 1 else {
            let top = 1 + captionLines, avail = height - top - 1
            guard avail >= 1 else { return [] }
            return [Candidate(columns: 0, rows: 0, placement: .line,
                              main: Rect(x: 0, y: top, width: width, height: avail - 1), panels: [],
                              status: Rect(x: 0, y: top + avail - 1, width: width, height: 1), panelWidth: width, panelHeight: avail)]
        }
        let top = 1 + captionLines
        let avail = height - top - 1
        var out: [Candidate] = []
        for cols in 1...n {
            let rows = (n + cols - 1) / cols
            let empty = rows * cols - n
            func grid(areaHeight: Int, centred: Bool = true) -> (panels: [Rect], pw: Int, ph: Int, x0: Int) {
                // Equal panels, so every heatmap gets the same bins; the grid is centred across
                // (or left-aligned, leaving the spare columns to the status slot).
                let pw = width / cols, ph = areaHeight / rows
                let x0 = centred ? (width - cols * pw) / 2 : 0
                let panels = (0..<n).map { i in
                    Rect(x: x0 + (i % cols) * pw, y: top + (i / cols) * ph, width: pw, height: ph)
                }
                return (panels, pw, ph, x0)
            }
            func add(_ placement: StatusPlacement, statusHeight: Int) {
                let areaH = avail - statusHeight
                guard areaH >= 1 else { return }
                let g = grid(areaHeight: areaH)
                guard g.pw >= minPanelWidth, g.ph >= minPanelHeight else { return }
                out.append(Candidate(columns: cols, rows: rows, placement: placement,
                                     main: Rect(x: 0, y: top, width: width, height: areaH), panels: g.panels,
                                     status: Rect(x: 0, y: top + areaH, width: width, height: statusHeight),
                                     panelWidth: g.pw, panelHeight: g.ph))
            }
            if empty > 0 {
                let g = grid(areaHeight: avail, centred: false)
                let x = g.x0 + (cols - empty) * g.pw, y = top + (rows - 1) * g.ph
                let slot = Rect(x: x + 1, y: y, width: width - x - 1, height: top + avail - y)
                let needs = slotNeeds(tableRows: tableRows, sideTableRows: sideTableRows)
                if g.pw >= minPanelWidth, g.ph >= minPanelHeight, slot.width >= needs.width, slot.height >= needs.height {
                    out.append(Candidate(columns: cols, rows: rows, placement: .gridSlot,
                                         main: Rect(x: 0, y: top, width: width, height: avail), panels: g.panels,
                                         status: slot, panelWidth: g.pw, panelHeight: g.ph))
                }
            }
            if width >= slotNeeds(tableRows: tableRows).width + 26 {
                add(.strip, statusHeight: stripHeight(tableRows: tableRows, sideTableRows: sideTableRows))
            }
            add(.line, statusHeight: 1)
        }
        // The best score; but the paper's arrangement, all panels in one row above the table, whenever its
        // heatmaps keep at least 60% of the best square's side; ties go to more columns.
        let sorted = out.sorted { a, b in a.score != b.score ? a.score > b.score : a.columns > b.columns }
        guard let top = sorted.first else { return [] }
        let row = sorted.first { $0.columns == n && $0.placement != .line && $0.panelWidth >= minRowPanelWidth
            && 5 * $0.heatSide >= 3 * top.heatSide }
        return row.map { r in [r] + sorted.filter { $0.columns != r.columns || $0.placement != r.placement } } ?? sorted
    }

    /// Panels in the one-row arrangement are at least this wide (a title and ten class columns).
    static let minRowPanelWidth = 16

    static func best(panelCount: Int, width: Int, height: Int, captionLines: Int, tableRows: Int, sideTableRows: Int = 0) -> Candidate? {
        candidates(panelCount: panelCount, width: width, height: height, captionLines: captionLines, tableRows: tableRows,
                   sideTableRows: sideTableRows).first
    }
}
