import NormscopeEngine

/// The figure's second row and its prediction-share profile: what follows from the norms of the first row.
///
/// Second row (`hasAccuracy`): one heatmap per stage-1 regime under its norm heatmap, on the same epoch and
/// class axes, colour = the class's test accuracy after that epoch in ten steps of 10 % (`accuracyColors`,
/// matplotlib's "inferno": dark = rarely right, distinct from both norm maps), with a colour bar of its own.
/// Prediction profile (`hasPredictions`): per regime, the share of the test predictions that go to each class at
/// the shown epoch, against the share of the test set each class has (flat on a balanced test set). Results
/// files without the per-class fields (older ones) have neither, and the figure is drawn as before.
extension FigureModel {
    /// The accuracy row's colours, lowest step first: matplotlib's "inferno" at ten evenly spaced points.
    static let accuracyColors: [UInt32] = [0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60,
                                           0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D, 0xFCFFA4]

    /// The colour of the test set's own share in the prediction profiles (a grey the line colours do not use).
    static let trueShareColor: UInt32 = 0x666666

    /// The heading over the accuracy row.
    static let accuracyRowTitle = "Test accuracy of each class after each epoch (same regimes, same axes as above)"

    /// Whether the results hold per-class test accuracy for some stage-1 epoch: the second row is drawn iff so.
    var hasAccuracy: Bool { heatmaps.contains { $0.history.records.contains { !$0.classAccuracy.isEmpty } } }

    /// Whether the results hold per-class prediction counts for some stage-1 epoch: the prediction profile is
    /// drawn iff so.
    var hasPredictions: Bool { stage1.contains { $0.records.contains { !$0.predictionCounts.isEmpty } } }

    /// The accuracy colour bar's axis (0-100 %, a tick at every other step).
    var accuracyBarAxis: FigureAxis {
        FigureAxis(upTo: 100, count: 6, integers: true, titles: ["test accuracy of the class (%)", "test accuracy (%)", "accuracy %"]) {
            SVGText.num($0)
        }
    }

    /// The title of the accuracy heatmap under `heatmap`: its regime, no letter (the column says which).
    func accuracyTitle(_ heatmap: Heatmap) -> String { heatmap.history.id.title }

    /// The step 0...9 of a test accuracy in percent: 0-10 % is step 0, 90-100 % step 9.
    static func accuracyLevel(_ percent: Double) -> Int {
        guard percent.isFinite else { return 0 }
        return min(accuracyColors.count - 1, max(0, Int(percent / 100 * Double(accuracyColors.count))))
    }

    /// The mean test accuracies of a heatmap's regime in `rows` bins of epochs and `cols` bins of classes, nil
    /// where nothing was recorded (epochs without per-class accuracy included).
    func accuracyMeans(_ heatmap: Heatmap, rows: Int, cols: Int) -> [[Double?]] {
        FigureBins.means(heatmap.history, rows: rows, cols: cols, epochs: epochs, classes: classes, of: \.classAccuracy)
    }

    /// Every profile at `moment`, in reading order, two to a row: stage-1 norms and (when the results hold
    /// prediction counts) where the test predictions go beside them, then the same for stage 2; letters follow
    /// that order.
    func allProfiles(at moment: FigureMoment) -> [Profile] {
        var out = profiles(at: moment)
        guard hasPredictions else { return out }
        let panels = max(1, stage1.count)
        out.insert(stage1PredictionProfile(at: moment), at: 1)
        if out.count > 2, let s2 = stage2 {
            out[2].title = FigureTitles.stage2Profile(letter: Self.letter(panels + 2), base: s2.base, epoch: moment.stage2Epoch,
                                                      planned: stage2Planned ?? 0)
            out.append(stage2PredictionProfile(at: moment))
        }
        return out
    }

    /// The stage-1 prediction-share profile at `moment`: per regime, the percentage of test predictions that go to
    /// each class after the latest epoch at or before it, and each class's share of the test set dashed.
    func stage1PredictionProfile(at moment: FigureMoment) -> Profile {
        let e1 = min(moment.stage1Epoch, epochs)
        let title = e1 >= epochs ? "where the test predictions go, end of stage 1" : "where the test predictions go, epoch \(e1)"
        return shareProfile(id: "profile-predictions", title: "(\(Self.letter(max(1, stage1.count) + 1))) " + title,
                            series: stage1ShareSeries(atEpoch: e1), final: stage1ShareSeries(atEpoch: stage1Reached))
    }

    /// The stage-2 prediction-share profile at `moment`: the base's stage-1 shares dashed, each variant's shares,
    /// the test set's; empty before stage 2.
    func stage2PredictionProfile(at moment: FigureMoment) -> Profile {
        let letter = Self.letter(max(1, stage1.count) + 3)
        let title = moment.stage2Epoch.map { e2 in
            e2 >= (stage2Planned ?? 0) ? "(\(letter)) where the test predictions go, end of stage 2"
                : "(\(letter)) where the test predictions go, stage 2 epoch \(e2)"
        } ?? "(\(letter)) where the test predictions go in stage 2"
        return shareProfile(id: "profile-predictions-stage2", title: title, series: stage2ShareSeries(atEpoch: moment.stage2Epoch),
                            final: stage2ShareSeries(atEpoch: stage2Epochs))
    }

    /// A profile of prediction shares whose y axis reaches the largest share at the end (`final`), so an
    /// animation's axes hold; larger shares (the first epochs, when one class can take most predictions) are
    /// drawn at the top.
    func shareProfile(id: String, title: String, series: [Series], final: [Series]) -> Profile {
        let top = FigureAxis.top(of: final.flatMap(\.values), count: 5)
        let clamped = series.map { s in
            var s = s
            s.values = s.values.map { min($0, top) }
            return s
        }
        var p = profile(id: id, title: title, series: clamped, top: top)
        p.yAxis = FigureAxis(upTo: top, count: 5, titles: ["% of predictions"]) { SVGText.num($0, 2) }
        return p
    }

    /// The stage-1 regimes' prediction shares after `epoch`, and the test set's last.
    func stage1ShareSeries(atEpoch e1: Int) -> [Series] {
        var series = stage1.enumerated().map { i, h in
            Series(name: h.id.title, values: Self.predictionShares(h, atEpoch: e1),
                   color: Self.lineColors[i % Self.lineColors.count], dashed: false)
        }
        series.append(trueShareSeries)
        return series
    }

    /// The stage-2 series after stage-2 epoch `e2` (none before stage 2): the base's final stage-1 shares dashed,
    /// each variant's, and the test set's last.
    func stage2ShareSeries(atEpoch e2: Int?) -> [Series] {
        guard let s2 = stage2, let e2 else { return [] }
        var series: [Series] = []
        if let b = stage1.first(where: { $0.id == s2.base }) {
            series.append(Series(name: "\(s2.base.title) (stage 1)", values: Self.predictionShares(b, atEpoch: epochs),
                                 color: Self.referenceColor, dashed: true))
        }
        for h in s2.histories {
            series.append(Series(name: h.id.variant?.title ?? h.id.title, values: Self.predictionShares(h, atEpoch: e2),
                                 color: Self.lineColors[FigureLegend.stage2ColorIndex(h)], dashed: false))
        }
        series.append(trueShareSeries)
        return series
    }

    /// The test set's own share of each class, drawn last (over the lines) in grey, dashed.
    var trueShareSeries: Series {
        Series(name: "true share", values: testShares, color: Self.trueShareColor, dashed: true)
    }

    /// Each class's share of the test set in percent (the results' `testClassCounts`; equal shares when the
    /// results do not say).
    var testShares: [Double] {
        let counts = stage1.first?.records.first { !$0.predictionCounts.isEmpty }?.predictionCounts.count ?? classes
        return Self.shares(testClassCounts ?? [Int](repeating: 1, count: counts))
    }

    /// `counts` as percentages of their sum (empty when the sum is 0).
    static func shares(_ counts: [Int]) -> [Double] {
        let total = counts.reduce(0, +)
        return total > 0 ? counts.map { 100 * Double($0) / Double(total) } : []
    }

    /// The prediction shares of `h` after the latest epoch at or before `epoch` that has counts.
    static func predictionShares(_ h: RunHistory, atEpoch epoch: Int) -> [Double] {
        shares(h.records(in: 0..<(epoch + 1)).last { !$0.predictionCounts.isEmpty }?.predictionCounts ?? [])
    }
}
