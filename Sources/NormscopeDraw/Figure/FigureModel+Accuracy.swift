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

    /// Every profile at `moment`, in reading order: stage-1 norms, then (when the results hold prediction counts)
    /// the prediction shares beside them, then stage 2; letters follow that order.
    func allProfiles(at moment: FigureMoment) -> [Profile] {
        var out = profiles(at: moment)
        guard let shares = predictionProfile(at: moment) else { return out }
        if out.count > 1, let s2 = stage2 {
            out[1].title = FigureTitles.stage2Profile(letter: Self.letter(max(1, stage1.count) + 2), base: s2.base,
                                                      epoch: moment.stage2Epoch, planned: stage2Planned ?? 0)
        }
        out.insert(shares, at: 1)
        return out
    }

    /// The prediction-share profile at `moment`: per stage-1 regime, the percentage of test predictions that go to
    /// each class after the latest epoch at or before it, and the test set's own share dashed; nil without
    /// prediction counts.
    func predictionProfile(at moment: FigureMoment) -> Profile? {
        guard hasPredictions else { return nil }
        let e1 = min(moment.stage1Epoch, epochs)
        var series = stage1.enumerated().map { i, h in
            Series(name: h.id.title, values: Self.predictionShares(h, atEpoch: e1),
                   color: Self.lineColors[i % Self.lineColors.count], dashed: false)
        }
        // Last, so it is drawn over the regimes' lines.
        series.append(Series(name: "share of the test set", values: testShares, color: Self.referenceColor, dashed: true))
        let top = FigureAxis.top(of: stage1.flatMap { h in h.records.flatMap { Self.shares($0.predictionCounts) } } + testShares,
                                 count: 5)
        let letter = Self.letter(max(1, stage1.count) + 1)
        let title = e1 >= epochs ? "(\(letter)) where the test predictions go, end of stage 1"
            : "(\(letter)) where the test predictions go, epoch \(e1)"
        var p = profile(id: "profile-predictions", title: title, series: series, top: top)
        p.yAxis = FigureAxis(upTo: top, count: 5, titles: ["% of test predictions"]) { SVGText.num($0, 2) }
        return p
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
