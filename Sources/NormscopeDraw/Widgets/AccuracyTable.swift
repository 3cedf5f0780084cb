/// A table of test accuracy: one row per regime, columns Many / Medium / Few / All in percent with one decimal,
/// the best value of each column highlighted.
///
/// When narrow it shortens the headers ("Med") and the row labels to their tags ("(a)").
package struct AccuracyTable: Widget {
    /// One row of the table.
    package struct Row: Equatable, Sendable {
        /// Short tag, shown in the series colour ("a").
        package var tag: String
        /// Name ("Naive").
        package var name: String
        /// Palette slot of the tag's colour.
        package var slot: Int
        /// The accuracy, or nil when not yet measured.
        package var accuracy: GroupAccuracy?
        /// Shown instead of the numbers when set ("diverged").
        package var note: String?
        /// A heading over the rows below it ("on (c) WD:"): its name only, no numbers.
        var isHeading = false
        /// Before and after: the change of overall accuracy (percentage points) against the previous state.
        package var change: Double? = nil

        package init(tag: String, name: String, slot: Int, accuracy: GroupAccuracy?, note: String? = nil) {
            self.tag = tag
            self.name = name
            self.slot = slot
            self.accuracy = accuracy
            self.note = note
        }

        /// A heading row.
        static func heading(_ text: String) -> Row {
            var r = Row(tag: "", name: text, slot: 0, accuracy: nil)
            r.isHeading = true
            return r
        }

        /// The label's width: "(a) Naive", or the name alone for an untagged row.
        var labelWidth: Int { tag.isEmpty ? name.count + 1 : tag.count + 3 + name.count }
    }

    package var rows: [Row]
    /// The header of the label column.
    package var caption: String
    /// The header used instead of `caption` when that does not fit the label column whole, or nil.
    package var shortCaption: String? = nil
    /// Columns whose group has no class (0 Many, 1 Medium, 2 Few): a dash on every row, never "best".
    package var emptyColumns: Set<Int> = []

    package init(rows: [Row], caption: String = "accuracy %") {
        self.rows = rows
        self.caption = caption
    }

    static let headers = ["Many", "Medium", "Few", "All"]
    static let shortHeaders = ["Many", "Med", "Few", "All"]

    /// The width the table needs with full labels and headers.
    var fullWidth: Int { fullLabelWidth + 2 + 4 * 8 - 2 + changeWidth }
    /// The width of the accuracy-change column (before and after), 0 when no row has a change.
    var changeWidth: Int { rows.contains { $0.change != nil } ? 7 : 0 }
    /// The width with whole labels and the compact columns (short headers, one space between).
    var labelledWidth: Int { fullLabelWidth + 4 * 6 + changeWidth }
    /// The narrowest width at which the table is still whole (tags and short headers).
    var compactWidth: Int { shortLabelWidth + 1 + 4 * 6 - 1 }
    /// Rows needed: a header and one per regime.
    var neededHeight: Int { rows.count + 1 }

    var fullLabelWidth: Int { max(caption.count, rows.map(\.labelWidth).max() ?? 0) }
    /// Tags ("(a)"), or for untagged rows up to ten characters of their names.
    var shortLabelWidth: Int {
        rows.filter { !$0.isHeading }.map { $0.tag.isEmpty ? min($0.name.count + 1, 11) : $0.tag.count + 2 }.max() ?? 3
    }

    /// The indices of the rows holding the best value of each column (ties all count).
    func bestRows() -> [Set<Int>] {
        (0..<4).map { col in
            if emptyColumns.contains(col) { return [] }
            let vals = rows.enumerated().compactMap { i, r in r.note == nil && !r.isHeading ? r.accuracy.map { (i, $0.columns[col]) } : nil }
            guard let best = vals.map(\.1).filter(\.isFinite).max() else { return [] }
            return Set(vals.filter { $0.1 == best }.map(\.0))
        }
    }

    package func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let full = canvas.width >= fullWidth
        let (colWidth, gap) = full ? (6, 2) : (5, 1)
        let changes = canvas.width >= labelledWidth ? changeWidth : 0
        let labelWidth = full ? fullLabelWidth : max(shortLabelWidth, canvas.width - 4 * (colWidth + gap) - changes)
        let headers = full ? AccuracyTable.headers : AccuracyTable.shortHeaders
        func colX(_ c: Int) -> Int { labelWidth + gap + c * (colWidth + gap) }
        func right(_ s: String, col: Int, y: Int, style: Style) {
            canvas.put(s, x: colX(col) + colWidth - s.count, y: y, style: style)
        }

        let head = caption.count > labelWidth ? shortCaption ?? caption : caption
        canvas.put(TextFit.truncate(glyphs.text(head), labelWidth, ellipsis: ""), x: 0, y: 0, style: theme.faint)
        for (c, h) in headers.enumerated() { right(h, col: c, y: 0, style: theme.faint) }
        let best = bestRows()
        let dash = glyphs.asciiOnly ? "-" : "–"  // no value: not yet measured, or a group without classes
        for (i, row) in rows.enumerated() where i + 1 < canvas.height {
            let y = i + 1
            if row.isHeading {
                canvas.put(TextFit.truncate(glyphs.text(row.name), canvas.width, ellipsis: glyphs.asciiOnly ? "." : "…"),
                           x: 0, y: y, style: theme.faint)
                continue
            }
            let tag = Span("(" + glyphs.text(row.tag) + ")", Style(fg: theme.series(row.slot), attrs: .bold))
            let name = Span((row.tag.isEmpty ? " " : " ") + glyphs.text(row.name), theme.label)
            // Names on every row or on none, so the column reads evenly (an untagged row always has its name).
            let label: [Span] = row.tag.isEmpty ? [name] : labelWidth >= shortLabelWidth + 4 ? [tag, name] : [tag]
            canvas.put(label.truncated(to: labelWidth, ellipsis: glyphs.asciiOnly ? "." : "…"), x: 0, y: y)
            if let note = row.note {
                canvas.put(glyphs.text(note), x: colX(0), y: y, style: theme.caution, maxWidth: canvas.width - colX(0))
            } else if let acc = row.accuracy {
                for (c, v) in acc.columns.enumerated() {
                    if emptyColumns.contains(c) {
                        right(dash, col: c, y: y, style: theme.faint)
                        continue
                    }
                    right(NumberFormat.percent(v), col: c, y: y, style: best[c].contains(i) ? theme.best : theme.label)
                }
            } else {
                for c in 0..<4 { right(dash, col: c, y: y, style: theme.faint) }
            }
        }
        drawChanges(on: &canvas, x: colX(3) + colWidth + gap, glyphs: glyphs, theme: theme)
        return canvas
    }
}

extension AccuracyTable {
    /// Before and after: each row's change of overall accuracy against the previous state ("+3.1") in a
    /// column right of "All", headed Δ, when any row has one and the canvas has room.
    func drawChanges(on canvas: inout Canvas, x: Int, glyphs: Glyphs, theme: Theme) {
        guard rows.contains(where: { $0.change != nil }), x + 5 <= canvas.width else { return }
        canvas.put(glyphs.asciiOnly ? "   d" : "   Δ", x: x, y: 0, style: theme.faint)
        for (i, row) in rows.enumerated() where i + 1 < canvas.height && !row.isHeading && row.note == nil {
            guard let c = row.change, c.isFinite else { continue }
            let text = (c >= 0 ? "+" : "-") + NumberFormat.fixed(abs(c), 1)
            canvas.put(String(repeating: " ", count: max(0, 5 - text.count)) + text, x: x, y: i + 1,
                       style: c >= 0.05 ? theme.good : c <= -0.05 ? theme.caution : theme.faint)
        }
    }
}
