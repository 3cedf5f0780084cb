import NormscopeEngine

/// The panel's accuracy view: each class's test accuracy over epochs, above where the test predictions go now.
///
/// The heatmap uses the accuracy palette (0-100 %, dark grey to green to white), never the norms' colour map.
/// Under it, one bar per class of how many test samples are predicted as that class, against a dashed line at
/// its true count (flat on a balanced test set); the rule between names the skew: how many times their share of
/// the test set the Many classes receive.
extension PanelView {
    /// The top of the accuracy scale, in percent.
    static let accuracyTop = 100.0

    /// The heatmap of the content: norms, or per-class accuracy in the accuracy view.
    func heatmap(gutter: Int) -> Heatmap {
        guard content == .accuracyAndPredictions else {
            return Heatmap(rows: model.rows, totalEpochs: model.totalEpochs, vmax: vmax,
                           stageBoundary: model.stageBoundary, gutter: gutter)
        }
        var h = Heatmap(rows: model.accuracyRows, totalEpochs: model.totalEpochs, vmax: PanelView.accuracyTop,
                        stageBoundary: model.stageBoundary, gutter: gutter)
        h.palette = .accuracy
        return h
    }

    /// Rows of a `body` rows high panel body for the rule and the profile under the heatmap.
    func split(body: Int) -> (rule: Int, profile: Int) {
        if content == .accuracyAndPredictions {
            return body >= 7 ? (1, min(12, max(3, (body - 1) / 3))) : (0, 0)
        }
        guard body >= PanelView.profileFromRows else { return (0, 0) }
        return (1, min(12, max(3, (body - 1) / 3)))
    }

    /// The mean true test count of a class (the predictions' reference line), or nil when unknown.
    var meanTestCount: Double? {
        guard !testCounts.isEmpty else { return nil }
        let mean = Double(testCounts.reduce(0, +)) / Double(testCounts.count)
        return mean > 0 ? mean : nil
    }

    /// The profile of the content: current norms, or in the accuracy view the test predictions per class on a
    /// scale of three times the true count.
    func profile(gutter: Int, classes: BinPlan?, options: RenderOptions) -> Profile {
        guard content == .accuracyAndPredictions else {
            return Profile(values: model.currentNorms, vmax: vmax, reference: model.referenceLine, gutter: gutter,
                           classes: classes)
        }
        let truth = meanTestCount ?? Double(max(1, model.predictionCounts.max() ?? 1))
        let reference = ReferenceLine(value: truth, label: "true " + NumberFormat.fixed(truth, 0))
        var p = Profile(values: model.predictionCounts.map(Double.init), vmax: 3 * truth, reference: reference,
                        gutter: gutter, classes: classes)
        p.axisName = "pred"
        if options.colorMode.hasColor { p.barColor = Theme(mode: options.colorMode).series(model.slot) }
        return p
    }

    /// The skew of the latest predictions, or nil without counts.
    var predictionSkew: PredictionSkew? {
        let n = model.predictionCounts.count
        guard n > 0, testCounts.count == n, classCounts.count == n else { return nil }
        return PredictionSkew(predictionCounts: model.predictionCounts, testCounts: testCounts,
                              groups: classCounts.map(ClassGroup.init(trainingCount:)))
    }

    /// The rule's labels in the accuracy view, longest first: the Many classes' share of the predictions against
    /// their share of the test set ("Many get 1.82× their share").
    func predictionRuleLabels() -> [String] {
        guard !model.predictionCounts.isEmpty else { return [" predictions: not measured ", " no counts "] }
        guard let ratio = predictionSkew?.manyRatio else { return [" test predictions per class ", " predictions "] }
        let r = NumberFormat.fixed(ratio, 2)
        return [" predictions: Many classes get \(r)× their share ", " Many get \(r)× their share ",
                " Many get \(r)× ", " Many \(r)× ", " \(r)× ", "\(r)×"]
    }
}
