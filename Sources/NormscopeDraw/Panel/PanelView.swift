/// One framed panel of the figure: the heatmap over epochs above the current profile, with axis hints.
///
/// ```
/// ╭ (a) Naive ───────────────────╮
/// │  0 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀│   heatmap: epoch down, class across
/// │ep↓ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀│
/// │200 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀│
/// │    ╌╌ epoch 200 ╌╌╌╌╌╌╌╌╌╌╌╌╌│
/// │‖w‖  ▲                        │   profile: current norm per class, ▲ over bars above the scale
/// │2.0 ██▆▅▄▄▃▃▃▂▂▂▂▁▁▁▁▁  δ=1.00 │
/// │  0 ██████████████████████████│
/// │class by count 500 … 5        │
/// ╰ acc 41.2% ───────────────────╯   the accuracy, "s2 acc" in stage 2, at every width
/// ```
/// A diverged regime gets a red banner across the middle.
struct PanelView: Widget {
    /// What the panel body holds.
    enum Content: Sendable {
        /// Heatmap above profile (the main view).
        case heatmapAndProfile
        /// Profile only, using the whole height (Fig. 6).
        case profile
        /// Each class's test accuracy over epochs above where the test predictions go now (the accuracy view).
        case accuracyAndPredictions
    }

    var model: PanelModel
    /// The top of the shared colour scale.
    var vmax: Double
    var content: Content
    /// The class under the class cursor (clamped to the classes), or nil when it is hidden.
    var cursor: Int?
    /// Test samples per class, most frequent first (the predictions' reference line; empty when unknown).
    var testCounts: [Int] = []
    /// Training samples per class, most frequent first (the groups of the prediction skew; empty when unknown).
    var classCounts: [Int] = []

    init(_ model: PanelModel, vmax: Double, content: Content = .heatmapAndProfile) {
        self.model = model
        self.vmax = vmax
        self.content = content
    }

    /// The panel's title spans: tag in the regime colour and bold name, the same at every width.
    func title(glyphs: Glyphs, theme: Theme) -> [Span] {
        let tag = Span("(" + glyphs.text(model.letter) + ")", Style(fg: theme.series(model.slot), attrs: .bold))
        return [tag, Span(" " + glyphs.text(model.title), theme.title)]
    }

    /// The accuracy on the bottom border, saying which stage it is ("acc 49.0%", "s2 acc 52.5%"), or nil
    /// before it is measured.
    var accuracyLabel: String? {
        model.accuracy.map { model.accuracyPrefix + " " + NumberFormat.percent($0.all) + "%" }
    }

    /// The gutter width for epoch and norm labels, or 0 when the panel is too narrow for one.
    func gutter(innerWidth: Int) -> Int {
        let lastEpoch = max(model.totalEpochs, model.lastRecordedEpoch)
        let w = max(NumberFormat.epochLabelWidth(upTo: lastEpoch), NumberFormat.scale(vmax).count) + 1
        return innerWidth - w >= 8 ? w : 0
    }

    /// The panel body height from which the profile is drawn under the heatmap.
    static let profileFromRows = 14

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let box = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        canvas.frame(box, glyphs: glyphs, style: theme.border, title: title(glyphs: glyphs, theme: theme))
        if let acc = accuracyLabel, box.height >= 2, acc.count + 2 <= box.width - 2 {
            canvas.put(" " + acc + " ", x: 1, y: box.maxY - 1, style: theme.label)
        }
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return canvas }

        let gutter = gutter(innerWidth: inner.width)
        let hintRows = inner.height >= 7 ? 1 : 0
        let body = inner.height - hintRows
        var heatmap = heatmap(gutter: gutter)
        heatmap.changeMarks = model.changeMarks
        var heatRows = 0, profileRows = body, ruleRows = 0
        var classes: BinPlan?
        if content != .profile {
            // A short panel gives every row to the heatmap (the profile is the `v` view's); from 14 rows on, a
            // third goes to the current profile under a rule naming its epoch (in the accuracy view, from 7).
            (ruleRows, profileRows) = split(body: body)
            heatRows = body - profileRows - ruleRows
            let g = heatmap.geometry(width: inner.width, height: heatRows, options: options)
            if profileRows > 0 && g.usedRows < heatRows {
                profileRows += heatRows - g.usedRows
                heatRows = g.usedRows
            }
            classes = g.classes
            canvas.blit(heatmap.render(width: inner.width, height: heatRows, options: options), x: inner.x, y: inner.y)
            drawEpochAxisName(&canvas, x: inner.x, y: inner.y, gutter: gutter, rows: min(heatRows, g.usedRows), glyphs: glyphs,
                              theme: theme)
            if ruleRows == 1 {
                drawRule(&canvas, x: inner.x + gutter, y: inner.y + heatRows, width: inner.width - gutter,
                         glyphs: glyphs, theme: theme)
            }
        }
        if profileRows > 0 {
            var profile = profile(gutter: gutter, classes: classes, options: options)
            if content != .accuracyAndPredictions { profile.before = model.before }  // before and after: norms only
            // An odd number of scale rows puts vmax/2 (1.0) on a row's middle, so it gets its label: else one
            // row stays blank above the profile.
            let skip = profileRows >= 5 && (profileRows - Profile.markRows(height: profileRows)) % 2 == 0 ? 1 : 0
            canvas.blit(profile.render(width: inner.width, height: profileRows - skip, options: options),
                        x: inner.x, y: inner.y + heatRows + ruleRows + skip)
        }
        if hintRows == 1 {
            let plan = classes ?? BinPlan(count: heatmap.classCount, slots: inner.width - gutter)
            canvas.put(hint(plan: plan, width: inner.width, glyphs: glyphs), x: inner.x, y: inner.maxY - 1,
                       style: theme.faint)
        }
        if model.rows.isEmpty && model.diverged == nil {
            let text = glyphs.text("waiting for data…")
            if inner.width >= text.count {
                canvas.put(text, x: inner.x + TextFit.centered(text.count, in: inner.width),
                           y: inner.y + inner.height / 2, style: theme.faint)
            }
        }
        if let k = cursor {
            let plan = classes ?? BinPlan(count: max(heatmap.classCount, model.currentNorms.count), slots: inner.width - gutter, fill: true)
            drawCursor(k, &canvas, inner: inner, gutter: gutter, plan: plan, hintRow: hintRows == 1 ? inner.maxY - 1 : nil,
                       ruleRow: ruleRows == 1 ? inner.y + heatRows : nil, glyphs: glyphs, theme: theme)
        }
        if let note = model.diverged { drawBanner(note.text, &canvas, inner: inner, glyphs: glyphs, theme: theme) }
        return canvas
    }

    /// The class axis under the panel: classes from the largest (left) to the smallest (right), named, with
    /// their training-sample counts at the two ends when known ("class (by training count): 500 … 5").
    func hint(plan: BinPlan, width: Int, glyphs: Glyphs) -> String {
        var candidates: [String] = []
        if let (head, tail) = model.classSizes {
            candidates += ["class (by training count): \(head) … \(tail)", "class by training count \(head) … \(tail)",
                           "class by count \(head) … \(tail)", "class n=\(head) … \(tail)", "class \(head)…\(tail)",
                           "\(head) … \(tail)"]
        }
        candidates += ["class → head … tail", "class→ head…tail", "head→tail"]
        return TextFit.firstFitting(candidates.map(glyphs.text), width, ellipsis: "")
    }

    /// The epoch axis's name in the heatmap's gutter, under the first tick ("ep↓"), when that row has no label.
    func drawEpochAxisName(_ canvas: inout Canvas, x: Int, y: Int, gutter: Int, rows: Int, glyphs: Glyphs, theme: Theme) {
        let name = glyphs.asciiOnly ? "ep" : "ep↓"
        guard rows >= 4, gutter - 1 >= name.count else { return }
        let row = y + 1
        guard (x..<x + gutter - 1).allSatisfy({ canvas[$0, row].glyph == " " }) else { return }
        canvas.put(name, x: x + gutter - 1 - name.count, y: row, style: theme.faint)
    }

    /// The thin rule between heatmap and profile, naming the epoch the profile shows: "╌╌ now: epoch 120 ╌╌".
    func drawRule(_ canvas: inout Canvas, x: Int, y: Int, width: Int, glyphs: Glyphs, theme: Theme) {
        guard width > 0 else { return }
        canvas.fill(x: x, y: y, width: width, height: 1, with: Cell(glyphs.dash, attrs: .dim))
        guard !model.rows.isEmpty else { return }
        if content == .accuracyAndPredictions {
            if let label = predictionRuleLabels().map(glyphs.text).first(where: { $0.count + 2 <= width }) {
                canvas.put(label, x: x + min(2, width - label.count - 1), y: y, style: theme.faint)
            }
            return
        }
        let last = model.lastRecordedEpoch
        let labels = model.stageBoundary.flatMap { b in last > b ? [" now: stage 2, epoch \(last - b) ", " stage 2, epoch \(last - b) ",
                                                                    " s2 epoch \(last - b) "] : nil }
            ?? [" now: epoch \(last) ", " epoch \(last) "]
        if let label = labels.first(where: { $0.count + 4 <= width }) { canvas.put(label, x: x + 2, y: y, style: theme.faint) }
    }

    /// A red banner with the divergence text, centred on the panel body, wrapped to fit.
    func drawBanner(_ text: String, _ canvas: inout Canvas, inner: Rect, glyphs: Glyphs, theme: Theme) {
        let room = max(1, inner.width - 2)
        let lines = Array(TextFit.wrap(glyphs.text(text), room).prefix(max(1, inner.height)))
        let pad = inner.height >= lines.count + 4 ? 1 : 0
        let w = min(inner.width, (lines.map(\.count).max() ?? 0) + 2 + 2 * pad)
        let h = lines.count + 2 * pad
        let x0 = inner.x + TextFit.centered(w, in: inner.width), y0 = inner.y + TextFit.centered(h, in: inner.height)
        canvas.fill(x: x0, y: y0, width: w, height: h, with: Cell(" ", fg: theme.alarm.fg, bg: theme.alarm.bg, attrs: theme.alarm.attrs))
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: x0 + TextFit.centered(line.count, in: w), y: y0 + pad + i, style: theme.alarm, maxWidth: w)
        }
    }
}
