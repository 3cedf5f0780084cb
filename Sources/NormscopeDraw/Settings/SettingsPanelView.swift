/// The settings panel drawn as a box over the live view: one line per setting (name, value, allowed values,
/// how a change applies), the chosen one highlighted, then the keys (or the refusal of a typed value), a note
/// and the command line that reproduces the run.
///
/// Scrolls to keep the chosen row in view when the rows do not fit (an 80x24 terminal).
struct SettingsPanelView: Widget {
    var panel: SettingsPanel

    /// Lines under the rows: keys or refusal, note, command.
    var footerLines: Int { 1 + (panel.note == nil ? 0 : 1) + (panel.command == nil ? 0 : 1) }

    /// The box's preferred size: every row, the column header and the footer, inside the frame.
    var preferredSize: (width: Int, height: Int) {
        (100, panel.rows.count + footerLines + 3)
    }

    /// The first row shown when `visible` rows fit: the chosen row stays in view, near the middle.
    func firstShown(visible: Int) -> Int {
        guard visible > 0, panel.rows.count > visible else { return 0 }
        return min(max(0, panel.selected - visible / 2), panel.rows.count - visible)
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let box = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        canvas.frame(box, glyphs: glyphs, style: theme.border, title: [Span("settings", theme.title)])
        let inner = box.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return canvas }
        let footer = min(footerLines, max(0, inner.height - 2))
        let visible = max(0, inner.height - 1 - footer)
        let columns = Columns(width: inner.width - 2)
        columns.header(on: &canvas, x: inner.x + 1, y: inner.y, theme: theme)
        let top = firstShown(visible: visible)
        for line in 0..<visible where top + line < panel.rows.count {
            drawRow(top + line, on: &canvas, x: inner.x + 1, y: inner.y + 1 + line, columns: columns,
                    theme: theme, glyphs: glyphs)
        }
        let more = (above: top > 0, below: top + visible < panel.rows.count)
        if more.above { canvas.put(glyphs.asciiOnly ? "^" : "▲", x: inner.maxX - 1, y: inner.y + 1, style: theme.faint) }
        if more.below { canvas.put(glyphs.asciiOnly ? "v" : "▼", x: inner.maxX - 1, y: inner.y + visible, style: theme.faint) }
        drawFooter(on: &canvas, in: Rect(x: inner.x + 1, y: inner.maxY - footer, width: inner.width - 2, height: footer),
                   theme: theme, glyphs: glyphs)
        return canvas
    }

    private func drawRow(_ i: Int, on canvas: inout Canvas, x: Int, y: Int, columns: Columns, theme: Theme, glyphs: Glyphs) {
        let row = panel.rows[i]
        let chosen = i == panel.selected
        let base = chosen ? Style(attrs: .reverse) : theme.label
        canvas.fill(x: x - 1, y: y, width: columns.width + 2, height: 1, with: Cell(" ", fg: base.fg, bg: base.bg, attrs: base.attrs))
        let ellipsis = glyphs.asciiOnly ? "." : "…"
        var value = glyphs.text(panel.shownValue(i))
        if chosen && panel.typing != nil { value += "_" }
        if panel.isChanged(i) { value += "*" }
        let valueStyle = panel.isChanged(i) ? (chosen ? base.adding(.bold) : theme.accent.adding(.bold)) : base.adding(.bold)
        canvas.put(TextFit.truncate(glyphs.text(row.label), columns.label - 1, ellipsis: ellipsis), x: x, y: y, style: base)
        canvas.put(TextFit.truncate(value, columns.value - 1, ellipsis: ellipsis), x: x + columns.label, y: y, style: valueStyle)
        let rangeText = row.range.isEmpty ? row.steps.joined(separator: ", ") : row.range
        if columns.range > 0 {
            canvas.put(TextFit.truncate(glyphs.text(rangeText), columns.range - 1, ellipsis: ellipsis),
                       x: x + columns.label + columns.value, y: y, style: chosen ? base : theme.faint)
        }
        let applies = panel.applyShown(row)
        canvas.put(TextFit.truncate(applies.rawValue, columns.applies, ellipsis: ellipsis),
                   x: x + columns.width - columns.applies, y: y,
                   style: chosen ? base : applies == .fromNextEpoch ? theme.good : applies == .restart ? theme.caution : theme.faint)
    }

    private func drawFooter(on canvas: inout Canvas, in rect: Rect, theme: Theme, glyphs: Glyphs) {
        guard rect.height > 0, rect.width > 0 else { return }
        let ellipsis = glyphs.asciiOnly ? "..." : "…"
        var y = rect.y
        if let refusal = panel.refusal {
            canvas.put(TextFit.truncate(glyphs.text(refusal), rect.width, ellipsis: ellipsis), x: rect.x, y: y, style: theme.alarm)
        } else {
            let keys = TextFit.firstFitting([
                "↑↓ choose  ←→ or +- step  type a value  Enter apply  Esc cancel  Ctrl-C quit",
                "↑↓ choose  ←→ step  type a value  Enter apply  Esc cancel",
                "↑↓ ←→ type  Enter apply  Esc cancel",
            ].map(glyphs.text), rect.width, ellipsis: ellipsis)
            canvas.put(keys, x: rect.x, y: y, style: theme.faint)
        }
        y += 1
        if let note = panel.note, y < rect.maxY {
            canvas.put(TextFit.truncate(glyphs.text(note), rect.width, ellipsis: ellipsis), x: rect.x, y: y, style: theme.caution)
            y += 1
        }
        if let command = panel.command, y < rect.maxY {
            canvas.put(TextFit.truncate(glyphs.text(command), rect.width, ellipsis: ellipsis), x: rect.x, y: y, style: theme.accent)
        }
    }

    /// Column widths for a panel `width` wide: the range column goes first when space is short.
    struct Columns {
        let width, label, value, range, applies: Int

        init(width: Int) {
            self.width = max(0, width)
            applies = width >= 50 ? 15 : max(0, width / 5)
            label = min(24, max(0, width * 3 / 10))
            value = min(18, max(0, width / 5))
            range = max(0, width - label - value - applies - 1)
        }

        func header(on canvas: inout Canvas, x: Int, y: Int, theme: Theme) {
            canvas.put("setting", x: x, y: y, style: theme.faint, maxWidth: label - 1)
            canvas.put("value", x: x + label, y: y, style: theme.faint, maxWidth: value - 1)
            if range > 6 { canvas.put("allowed", x: x + label + value, y: y, style: theme.faint, maxWidth: range - 1) }
            canvas.put("applies", x: x + width - applies, y: y, style: theme.faint, maxWidth: applies)
        }
    }
}
