import NormscopeEngine

/// Everything the figure shows, once, in data coordinates: `FigureSVG` and `FigureRaster` only paint it.
///
/// Top row: one heatmap per stage-1 regime, (a)-(e) in results order (x the class, most frequent left; y the
/// epoch, 0 at the top; colour the norm on one shared scale) with their axes and epoch marks, and the shared
/// colour bar with its overflow mark. Bottom row (`profiles(at:)`): the norm profiles of stage 1 and, when the
/// results hold stage 2, of the first base's stage-2 variants, with the coinciding-lines decision made here.
/// What depends on how far training has got takes a `FigureMoment`; `finalMoment` is the static figure.
/// A new row, series or mark is added here, and both painters draw it from here.
struct FigureModel: Sendable {
    /// One stage-1 heatmap.
    struct Heatmap: Sendable {
        var letter: String
        var title: String
        var history: RunHistory
        /// The epoch the regime diverged at, if it did.
        var divergedEpoch: Int? { history.diverged?.epoch }
    }

    /// A labelled mark on the heatmaps' epoch axis (a change of setting mid-run): a rule across the heatmaps of
    /// `regimes` (nil: every heatmap) at `epoch`, shown once training has reached it.
    struct EpochMark: Equatable, Sendable {
        var epoch: Int
        /// A short label ("WD 5e-3").
        var label: String
        /// The regimes whose heatmaps carry the mark; nil for all.
        var regimes: [Regime]? = nil
    }

    /// The document's title (the SVG's `<title>`).
    let documentTitle: String
    let footer: String
    /// The stage-1 epochs the heatmaps span (planned or done, whichever is more).
    let epochs: Int
    /// The classes the axes span (at least 1).
    let classes: Int
    /// The stage-1 epochs done (fewer than `epochs` for a run exported while training, or interrupted).
    let stage1Reached: Int
    /// The stage-2 epochs done by the drawn variants (0 for post-hoc ones), nil without stage 2.
    let stage2Epochs: Int?
    /// The stage-2 epochs the drawn variants were planned to run, nil without stage 2.
    let stage2Planned: Int?
    /// The colour map and the top of the shared colour scale.
    let colorMap: ColorMapKind
    let vmax: Double

    let heatmaps: [Heatmap]
    /// What the heatmap row says when there is no stage-1 regime.
    let emptyNote: String?
    /// The heatmaps' y axis (epochs, 0 at the top; a tick at `e` is the middle of epoch e's row).
    var epochAxis: FigureAxis
    /// The heatmaps' x axis (class index; a tick at `k` is the middle of class k's column).
    var classAxis: FigureAxis
    /// The colour bar's axis (norms 0...vmax).
    var colorBarAxis: FigureAxis
    /// Marks on the heatmaps' epoch axis.
    var epochMarks: [EpochMark]

    let stage1: [RunHistory]
    let stage2: (base: RunID, histories: [RunHistory])?
    /// The y-axis tops of the stage-1 and stage-2 profiles: fixed for every moment, so an animation's axes hold.
    let stage1ProfileTop: Double
    let stage2ProfileTop: Double
    /// The largest stage-1 norm recorded up to each epoch (index = epoch), for the colour bar's overflow mark.
    let largestUpTo: [Double]
    /// The test samples per class (nil in older results files), for the prediction-share profile's reference.
    let testClassCounts: [Int]?

    /// The model of `results`; `vmax` is the top of the colour scale (default: 2.0, the paper's and the live
    /// view's); larger norms take the top colour and the colour bar says how large they get.
    init(results: ResultsFile, colorMap: ColorMapKind = .jet, vmax: Double? = nil, epochMarks: [EpochMark] = []) {
        stage1 = results.runs.filter { !$0.isStage2 }
        stage2 = Self.stage2Histories(results).flatMap { $0.1.isEmpty ? nil : (base: $0.0, histories: $0.1) }
        epochs = max(results.config.training.epochs, stage1.map(\.epochsDone).max() ?? 0)
        let counted = max(results.classCounts.count, stage1.map(\.classCount).max() ?? 0)
        classes = max(1, counted)
        stage1Reached = min(epochs, stage1.map(\.epochsDone).max() ?? 0)
        stage2Epochs = stage2.map { s in s.histories.map(\.epochsDone).max() ?? 0 }
        stage2Planned = stage2.map { FigureTitles.stage2Planned($0.histories) }
        self.colorMap = colorMap
        let top = vmax ?? DashboardModel.paperScaleTop
        self.vmax = top
        self.epochMarks = epochMarks + Self.changeMarks(results)
        documentTitle = "Per-class classifier weight norms (\(results.config.dataset.recipe?.name ?? results.config.dataset.file ?? "data"))"
        footer = FigureTitles.footer(results, classes: counted, epochs: epochs)
        heatmaps = stage1.enumerated().map { i, h in Heatmap(letter: Self.letter(i), title: "(\(Self.letter(i))) \(h.id.title)", history: h) }
        emptyNote = stage1.isEmpty ? "no stage-1 regime in the results" : nil
        epochAxis = FigureAxis(upTo: Double(epochs), count: 5, integers: true, titles: ["training epochs"]) { SVGText.num($0) }
        classAxis = FigureAxis(upTo: Double(classes - 1), count: 5, integers: true,
                               titles: ["class ID, sorted by training count (most frequent left)", "class ID sorted by cardinality"]) { SVGText.num($0) }
        colorBarAxis = FigureAxis(upTo: top, count: 6,
                                  titles: ["L2 norm of the class's weight row", "L2 norm of class weights", "weight norm"],
                                  label: FigureAxis.fixed1)
        stage1ProfileTop = FigureAxis.top(of: stage1.flatMap { $0.records.flatMap(\.norms) }, count: 5)
        var s2Values = stage2?.histories.flatMap { $0.records.flatMap(\.norms) } ?? []
        if let base = stage2?.base, let b = stage1.first(where: { $0.id == base }) { s2Values += b.finalNorms }
        stage2ProfileTop = FigureAxis.top(of: s2Values, count: 5)
        largestUpTo = Self.largestUpTo(stage1, epochs: epochs)
        testClassCounts = results.testClassCounts
    }

    /// The last epochs recorded: the static figure (the end of training, or where a run still training or
    /// interrupted stands).
    var finalMoment: FigureMoment { FigureMoment(stage1Epoch: stage1Reached, stage2Epoch: stage2Epochs) }

    /// The heading of a frame: "Per-class classifier weight norms · epoch 8/100 · stage 2 epoch 3/30".
    func heading(at moment: FigureMoment) -> String {
        var heading = "Per-class classifier weight norms · epoch \(min(moment.stage1Epoch, epochs))/\(epochs)"
        if let e2 = moment.stage2Epoch, let total = stage2Planned { heading += " · stage 2 epoch \(e2)/\(total)" }
        return heading
    }

    /// The largest norm recorded up to `moment` when it is above the colour scale (the bar's "▲ max" mark).
    func overflow(at moment: FigureMoment) -> Double? {
        let largest = largestUpTo[max(0, min(epochs, moment.stage1Epoch))]
        return largest > vmax ? largest : nil
    }

    /// The heatmap's note at `moment`: "diverged at epoch 7" once training has reached it.
    func note(_ heatmap: Heatmap, at moment: FigureMoment) -> String? {
        heatmap.divergedEpoch.flatMap { $0 <= moment.stage1Epoch ? "diverged at epoch \($0)" : nil }
    }

    /// The epoch marks shown at `moment` (on `heatmap`'s panel, when given).
    func epochMarks(at moment: FigureMoment, on heatmap: Heatmap? = nil) -> [EpochMark] {
        epochMarks.filter { m in
            m.epoch <= moment.stage1Epoch && m.epoch <= epochs
                && (heatmap == nil || m.regimes == nil || m.regimes!.contains(heatmap!.history.id.base))
        }
    }

    /// One mark per change of setting the results record, on the heatmaps of the regimes it affects.
    static func changeMarks(_ results: ResultsFile) -> [EpochMark] {
        ConfigChange.inEpochOrder(results.config.training.changes).map { c in
            EpochMark(epoch: c.epoch, label: ChangeMark(c).label, regimes: Regime.all.filter(c.setting.affects))
        }
    }

    /// The mean norms of a heatmap in `rows` bins of epochs and `cols` bins of classes (the painter chooses the
    /// resolution), nil where nothing was recorded.
    func means(_ heatmap: Heatmap, rows: Int, cols: Int) -> [[Double?]] {
        FigureBins.means(heatmap.history, rows: rows, cols: cols, epochs: epochs, classes: classes)
    }

    /// Panel letter `i`: "a", "b", ...
    static func letter(_ i: Int) -> String { String(UnicodeScalar(UInt8(97 + i % 26))) }

    /// The stage-2 histories of the first base in the results' stage-2 config (or the first found), in the
    /// variants' order, diverged ones left out.
    static func stage2Histories(_ r: ResultsFile) -> (RunID, [RunHistory])? {
        let hs = r.runs.filter(\.isStage2)
        let bases = hs.map(\.id.stage1)
        let configured = r.config.stage2.flatMap { s in bases.first { $0.base == s.base } }
        guard let base = configured ?? bases.first else { return nil }
        return (base, FigureLegend.ordered(hs.filter { $0.id.stage1 == base && $0.diverged == nil }))
    }

    /// The largest finite norm of `histories` recorded at or before each epoch 0...`epochs`.
    static func largestUpTo(_ histories: [RunHistory], epochs: Int) -> [Double] {
        var largest = [Double](repeating: -.infinity, count: epochs + 1)
        for h in histories {
            for r in h.records where r.epoch <= epochs {
                for v in r.norms where v.isFinite { largest[r.epoch] = max(largest[r.epoch], v) }
            }
        }
        for e in largest.indices.dropFirst() { largest[e] = max(largest[e], largest[e - 1]) }
        return largest
    }
}
