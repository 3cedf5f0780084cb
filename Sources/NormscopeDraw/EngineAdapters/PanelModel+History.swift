import NormscopeEngine

extension PanelModel {
    /// The panel of one regime's history: title, letter (a)-(e) in the paper's order, norms, radius, accuracy.
    ///
    /// `totalEpochs` is the height the heatmap is laid out for (stage 1 plus any stage 2 planned).
    package init(history h: RunHistory, index: Int, totalEpochs: Int) {
        let letter = String(UnicodeScalar(UInt8(97 + index % 26)))
        let a = h.records.isEmpty ? nil : h.accuracy
        self.init(title: h.id.title, letter: letter,
                  rows: h.records.map { EpochRow(epoch: $0.epoch, values: $0.norms) }, totalEpochs: totalEpochs,
                  maxNormRadius: h.maxNormRadius, unitNorm: h.id.base.l2Normalized, accuracy: a,
                  diverged: h.diverged.map { DivergenceNote(epoch: $0.epoch, reason: $0.reason) },
                  stageBoundary: h.stage2StartEpoch)
        if h.stage2StartEpoch != nil { accuracyStage = 2 }
        accuracyRows = h.records.filter { !$0.classAccuracy.isEmpty }.map { EpochRow(epoch: $0.epoch, values: $0.classAccuracy) }
        predictionCounts = h.records.last?.predictionCounts ?? []
    }
}

extension DashboardModel {
    /// The paper's colour scale: 0 to 2.0 (its Fig. 2), the same for every panel and every epoch.
    package static let paperScaleTop = 2.0

    /// The largest finite norm of `histories` when it exceeds `vmax`, else nil (see `overflow`).
    package static func overflow(_ histories: [RunHistory], vmax: Double) -> Double? {
        var top = -Double.infinity
        for h in histories { for r in h.records { for v in r.norms where v.isFinite { top = max(top, v) } } }
        return top > vmax ? top : nil
    }

    /// Accuracy and loss curves of the histories, one series per regime in panel colours.
    package static func curves(_ histories: [RunHistory], totalEpochs: Int) -> [ChartModel] {
        func series(_ value: (EpochRecord) -> Double) -> [ChartSeries] {
            histories.enumerated().map { i, h in
                // The base's name: a stage-2 continuation is named by the table and the rule ("Naive", not
                // "Naive > CB & WD & MaxNorm", which would not fit the row label).
                ChartSeries(name: h.id.base.title, points: h.records.map { EpochValue(epoch: $0.epoch, value: value($0)) },
                            slot: i, tag: String(UnicodeScalar(UInt8(97 + i % 26))))
            }
        }
        // Stage-2 continuations start after their base's last epoch; classifier-only runs (0) have no rule.
        let boundary = histories.compactMap(\.stage2StartEpoch).filter { $0 > 0 }.max()
        return [
            ChartModel(title: "test accuracy, all classes (%)", series: series { $0.accuracy.all },
                       xMax: totalEpochs, yRange: 0...100, stageBoundary: boundary),
            ChartModel(title: "test accuracy, Few classes (%)", series: series { $0.accuracy.few },
                       xMax: totalEpochs, yRange: 0...100, stageBoundary: boundary),
            ChartModel(title: "training loss", series: series { $0.trainLoss }, xMax: totalEpochs, stageBoundary: boundary),
        ]
    }
}
