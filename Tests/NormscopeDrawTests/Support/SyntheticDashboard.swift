import Foundation
@testable import NormscopeDraw

/// A made-up dashboard that looks like the paper's Fig. 2, for previews and tests (no training involved).
enum SyntheticDashboard {
    /// Norms, accuracies and curves shaped like the paper's figures after `epoch` of `totalEpochs` epochs:
    /// naive rows grow fast (head above 2, tail about 1.3), L2 stays at 1, WD stays small, MaxNorm caps at 1.4,
    /// WD+MaxNorm ends small and balanced near 0.6.
    static func model(epoch: Int = 120, totalEpochs: Int = 200, classes: Int = 100) -> DashboardModel {
        let counts = (0..<classes).map { i in 500 * pow(0.01, Double(i) / Double(max(1, classes - 1))) }
        let head = counts.map { log($0) / log(500) }   // 1 for the head class, about 0.26 for the tail
        func jitter(_ e: Int, _ k: Int) -> Double {
            var h = UInt64(truncatingIfNeeded: e &* 73_856_093 ^ k &* 19_349_663)
            h = (h ^ (h >> 13)) &* 0x9E37_79B9_7F4A_7C15
            return Double(h % 1000) / 1000 - 0.5
        }
        func series(_ f: (Double, Int) -> Double) -> [[Double]] {
            (0...epoch).map { e in
                let s = Double(e) / Double(totalEpochs)
                return (0..<classes).map { k in max(0, f(s, k) + 0.02 * jitter(e, k)) }
            }
        }
        let naive = series { s, k in 0.45 + (1 - exp(-s * 6)) * (0.6 + 1.7 * head[k]) }
        let l2 = series { _, _ in 1.0 }
        let wd = series { s, k in 0.45 * exp(-s * 8) + (1 - exp(-s * 2.5)) * (0.05 + 1.1 * head[k]) }
        let maxNorm = series { s, k in min(1.4, 0.45 + (1 - exp(-s * 9)) * (0.9 + 1.7 * head[k])) }
        let wdMax = series { s, k in min(0.6, 0.45 * exp(-s * 8) + (1 - exp(-s * 4)) * (0.35 + 1.0 * head[k])) }

        let finals = [(38.4, 64.1, 35.8, 11.4), (41.0, 67.0, 39.5, 13.0), (46.1, 76.9, 44.3, 12.2),
                      (44.2, 72.8, 43.0, 13.5), (47.6, 75.1, 46.8, 17.4)]
        let progress = 1 - exp(-Double(epoch) / Double(totalEpochs) * 5)
        func acc(_ i: Int) -> GroupAccuracy {
            let f = finals[i]
            return GroupAccuracy(all: f.0 * progress, many: f.1 * progress, medium: f.2 * progress, few: f.3 * progress)
        }
        let titles = ["Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm"]
        let norms = [naive, l2, wd, maxNorm, wdMax]
        let panels = (0..<5).map { i in
            PanelModel(title: titles[i], letter: String("abcde".map { $0 }[i]), norms: norms[i], totalEpochs: totalEpochs,
                       maxNormRadius: i >= 3 ? (i == 3 ? 1.4 : 0.6) : nil, unitNorm: i == 1,
                       accuracy: epoch > 0 ? acc(i) : nil)
        }
        func curve(_ i: Int, _ value: (GroupAccuracy) -> Double) -> ChartSeries {
            let values = (0...epoch).map { e -> Double in
                let p = 1 - exp(-Double(e) / Double(totalEpochs) * 5)
                let f = finals[i]
                let g = GroupAccuracy(all: f.0 * p, many: f.1 * p, medium: f.2 * p, few: f.3 * p)
                return value(g) + 1.5 * jitter(e, i)
            }
            return ChartSeries(name: titles[i], values: values, slot: i, tag: String("abcde".map { $0 }[i]))
        }
        let curves = [
            ChartModel(title: "Balanced accuracy (%)", series: (0..<5).map { curve($0, \.all) }, xMax: totalEpochs, yRange: 0...60),
            ChartModel(title: "Few accuracy (%)", series: (0..<5).map { curve($0, \.few) }, xMax: totalEpochs, yRange: 0...30),
        ]
        let status = StatusModel(stageLabel: "stage 1", epoch: epoch, totalEpochs: totalEpochs,
                                 learningRate: 0.01 * 0.5 * (1 + cos(Double.pi * Double(epoch) / Double(totalEpochs))),
                                 elapsedSeconds: Double(epoch) * 0.74, samplesPerSecond: 14_650, paused: false,
                                 finished: epoch >= totalEpochs, paceLabel: "live")
        return DashboardModel(panels: panels, vmax: 2.0, status: status, curves: curves)
    }
}
