/// The top line: the program's name on the left, the run's state on the right (least important dropped first).
struct HeaderLine: Widget {
    var title: String
    var subtitle: String
    var status: StatusModel

    init(title: String, subtitle: String, status: StatusModel) {
        self.title = title
        self.subtitle = subtitle
        self.status = status
    }

    /// The state items with their priority (lower shows first when space is short), in display order.
    func items(glyphs: Glyphs, theme: Theme) -> [(priority: Int, span: Span)] {
        let s = status
        // Numbers are padded to fixed widths, so the line does not shift as they grow.
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        let epoch = pad(String(s.epoch), String(max(s.epoch, s.totalEpochs)).count)
        var out: [(Int, Span)] = [(2, Span(glyphs.text(s.stageLabel), theme.label)),
                                  (1, Span("epoch \(epoch)/\(s.totalEpochs)", theme.title))]
        if let lr = s.learningRate { out.append((3, Span("lr " + pad(NumberFormat.learningRate(lr), 6), theme.faint))) }
        out.append((4, Span(pad(NumberFormat.duration(s.elapsedSeconds), 6), theme.faint)))
        if let r = s.samplesPerSecond { out.append((5, Span(pad(NumberFormat.compact(r), 4) + " samples/s", theme.faint))) }
        if let p = s.paceLabel { out.append((6, Span("pace " + glyphs.text(p), theme.faint))) }
        let state: Span = s.finished ? Span(glyphs.text("✓ finished"), theme.good)
            : s.paused ? Span(glyphs.text("‖ paused"), theme.caution)
            : Span(glyphs.text("● " + (s.stateNote ?? "running")), theme.good)
        out.append((0, state))
        return out
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let sep = Span(glyphs.text("  ·  "), theme.faint)
        let all = items(glyphs: glyphs, theme: theme)
        // Keep items by priority while the right side leaves room for the name.
        let name = Span(" " + glyphs.text(title), theme.title)
        var kept = Set<Int>()
        for p in all.map(\.priority).sorted() {
            let trial = kept.union([p])
            let len = all.filter { trial.contains($0.priority) }.reduce(0) { $0 + $1.span.text.count } + (trial.count - 1) * sep.text.count + 1
            if len + name.text.count + 2 <= canvas.width { kept = trial } else { break }
        }
        var right: [Span] = []
        for item in all where kept.contains(item.priority) {
            if !right.isEmpty { right.append(sep) }
            right.append(item.span)
        }
        right.append(Span(" "))
        let rightX = canvas.width - right.length
        canvas.put([name], x: 0, y: 0, maxWidth: canvas.width)
        let sub = Span("  " + glyphs.text(subtitle), theme.faint)
        if name.text.count + sub.text.count + 2 <= rightX { canvas.put([sub], x: name.text.count, y: 0) }
        if !kept.isEmpty { canvas.put(right, x: rightX, y: 0) }
        return canvas
    }
}
