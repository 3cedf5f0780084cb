import NormscopeEngine

/// The class cursor's readout line: which class it is and, per regime, its norm, test accuracy and share of the
/// test predictions now.
///
/// ```
/// class 93 · 6 train · Few  ‖w‖ acc pred  a 1.42 12% 0.3%  b 1.00 8% 0.1%  …
/// #93 n=6 Few ‖w‖ pred% a 1.42 0.3 b 1.00 0.1 …       (80 columns: accuracy dropped)
/// ```
/// The richest form that fits is drawn: fields drop in the order accuracy, norm; the class prefix shortens.
/// A value not measured yet is a dash.
struct CursorReadout: Widget {
    /// What the readout says about one regime.
    struct Entry: Equatable, Sendable {
        var letter: String
        var slot: Int
        var norm: Double?
        /// Test accuracy of the class in percent.
        var accuracy: Double?
        /// Percent of all test predictions that go to the class.
        var predictionShare: Double?
    }

    /// Which fields one form of the line shows.
    enum Fields: CaseIterable { case all, normAndShare, share }

    var classIndex: Int
    var trainingCount: Int?
    var entries: [Entry]

    init(classIndex: Int, trainingCount: Int?, entries: [Entry]) {
        self.classIndex = classIndex
        self.trainingCount = trainingCount
        self.entries = entries
    }

    /// The readout of class `k` of `model` (k already clamped to its classes).
    init(_ model: DashboardModel, classIndex k: Int) {
        let entries = model.panels.map { p -> Entry in
            let norms = p.currentNorms
            let acc = p.accuracyRows.last?.values
            let total = p.predictionCounts.reduce(0, +)
            return Entry(letter: p.letter, slot: p.slot, norm: k < norms.count && norms[k].isFinite ? norms[k] : nil,
                         accuracy: acc.flatMap { k < $0.count && $0[k].isFinite ? $0[k] : nil },
                         predictionShare: total > 0 && k < p.predictionCounts.count
                             ? 100 * Double(p.predictionCounts[k]) / Double(total) : nil)
        }
        self.init(classIndex: k, trainingCount: k < model.classCounts.count ? model.classCounts[k] : nil, entries: entries)
    }

    /// The class's group name, long ("Medium") or short ("Med").
    func group(short: Bool) -> String? {
        guard let n = trainingCount else { return nil }
        switch ClassGroup(trainingCount: n) {
        case .many: return "Many"
        case .medium: return short ? "Med" : "Medium"
        case .few: return "Few"
        }
    }

    /// The class prefix: "class 93 · 6 train · Few" or "#93 n=6 Few".
    func prefix(short: Bool, glyphs: Glyphs) -> String {
        let dot = glyphs.asciiOnly ? "," : " ·"
        guard let n = trainingCount, let g = group(short: short) else { return short ? "#\(classIndex)" : "class \(classIndex)" }
        return short ? "#\(classIndex) n=\(n) \(g)" : "class \(classIndex)\(dot) \(n) train\(dot) \(g)"
    }

    /// The column names after the prefix: "‖w‖ acc pred" (units on the values) or "‖w‖ pred%".
    static func header(_ fields: Fields, units: Bool) -> String {
        switch fields {
        case .all: return units ? "‖w‖ acc pred" : "‖w‖ acc% pred%"
        case .normAndShare: return units ? "‖w‖ pred" : "‖w‖ pred%"
        case .share: return units ? "pred" : "pred%"
        }
    }

    /// One regime's values: "1.42 12% 0.3%", without units "1.42 12 0.3".
    static func values(_ e: Entry, _ fields: Fields, units: Bool, dash: String) -> String {
        let pct = units ? "%" : ""
        let norm = e.norm.map { NumberFormat.fixed($0, 2) } ?? dash
        let acc = e.accuracy.map { NumberFormat.fixed($0, 0) + pct } ?? dash
        let share = e.predictionShare.map { NumberFormat.fixed($0, $0 < 10 ? 1 : 0) + pct } ?? dash
        switch fields {
        case .all: return "\(norm) \(acc) \(share)"
        case .normAndShare: return "\(norm) \(share)"
        case .share: return share
        }
    }

    /// The spans of one form of the line.
    func spans(fields: Fields, short: Bool, units: Bool, glyphs: Glyphs, theme: Theme) -> [Span] {
        let dash = glyphs.asciiOnly ? "-" : "–"
        var out = [Span(" "), Span(glyphs.text(prefix(short: short, glyphs: glyphs)), theme.accent.adding(.bold)),
                   Span(" " + glyphs.text(CursorReadout.header(fields, units: units)), theme.faint)]
        for e in entries {
            out.append(Span(units ? "  " : " "))
            out.append(Span(glyphs.text(e.letter), Style(fg: theme.series(e.slot), attrs: .bold)))
            out.append(Span(" " + glyphs.text(CursorReadout.values(e, fields, units: units, dash: dash))))
        }
        return out
    }

    /// Every form of the line, richest first.
    func forms(glyphs: Glyphs, theme: Theme) -> [[Span]] {
        var out: [[Span]] = []
        for fields in Fields.allCases {
            for (short, units) in [(false, true), (true, true), (true, false)] {
                out.append(spans(fields: fields, short: short, units: units, glyphs: glyphs, theme: theme))
            }
        }
        return out
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard canvas.width > 0 && canvas.height > 0 else { return canvas }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)
        let all = forms(glyphs: glyphs, theme: theme)
        let line = all.first { $0.length <= canvas.width } ?? all[all.count - 1]
        canvas.put(line.truncated(to: canvas.width, ellipsis: ""), x: 0, y: 0)
        return canvas
    }
}
