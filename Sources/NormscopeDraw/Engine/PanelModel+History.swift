import NormscopeEngine

extension PanelModel {
    /// The panel of one regime's history: title, letter (a)-(e) in the paper's order, norms, radius, accuracy.
    ///
    /// `totalEpochs` is the height the heatmap is laid out for (stage 1 plus any stage 2 planned).
    public init(history h: RegimeHistory, index: Int, totalEpochs: Int) {
        let letter = String(UnicodeScalar(UInt8(97 + index % 26)))
        let a = h.accuracyHistory.isEmpty ? nil : h.accuracy
        self.init(title: PanelModel.title(of: h.name), letter: letter, norms: h.norms, totalEpochs: totalEpochs,
                  maxNormRadius: h.maxNormRadius, unitNorm: h.name.split(separator: ">").first == "l2norm",
                  accuracy: a,
                  diverged: h.diverged.map { DivergenceNote(epoch: $0.epoch, reason: $0.reason) },
                  stageBoundary: h.stageBoundary, normEpochs: h.normEpochs)
    }

    /// The display title of a regime name: "Naive", "WD+MaxNorm", or "WD > CB+WD+MaxNorm" for stage 2.
    public static func title(of name: String) -> String {
        name.split(separator: ">").map { part -> String in
            if let r = Regime.named(String(part)) { return r.title }
            return part.split(separator: "+").map { token -> String in
                switch token {
                case "cb": return "CB"
                case "wd": return "WD"
                case "maxnorm": return "MaxNorm"
                case "l2norm": return "L2-norm"
                case "tau": return "τ-norm"
                default: return String(token)
                }
            }.joined(separator: "+")
        }.joined(separator: " > ")
    }
}

extension DashboardModel {
    /// The top of the shared colour scale for these histories: the paper's 2.0, raised in steps of 0.5 only
    /// when norms go well beyond it (so colours do not shift during an ordinary run).
    public static func colorScaleTop(_ histories: [RegimeHistory]) -> Double {
        var top = 0.0
        for h in histories { for row in h.norms { for v in row where v.isFinite { top = max(top, v) } } }
        return top <= 2.25 ? 2.0 : (min(top, 1e300) * 2).rounded(.up) / 2  // stays finite
    }

    /// Accuracy and loss curves of the histories, one series per regime in panel colours.
    public static func curves(_ histories: [RegimeHistory], totalEpochs: Int) -> [ChartModel] {
        func series(_ value: (RegimeHistory) -> [Double]) -> [ChartSeries] {
            histories.enumerated().map { i, h in
                ChartSeries(name: PanelModel.title(of: h.name), values: value(h), slot: i,
                            tag: String(UnicodeScalar(UInt8(97 + i % 26))), epochs: h.normEpochs)
            }
        }
        return [
            ChartModel(title: "test accuracy, all classes (%)", series: series { $0.accuracyHistory.map(\.all) },
                       xMax: totalEpochs, yRange: 0...100),
            ChartModel(title: "test accuracy, Few classes (%)", series: series { $0.accuracyHistory.map(\.few) },
                       xMax: totalEpochs, yRange: 0...100),
            ChartModel(title: "training loss", series: series { $0.trainLoss }, xMax: totalEpochs, yDecimals: 2),
        ]
    }
}
