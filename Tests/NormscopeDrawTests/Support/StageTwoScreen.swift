import Foundation
@testable import NormscopeDraw
import NormscopeEngine

/// A finished run of the default shape (5 regimes, 100 classes, 100 epochs, then 10 stage-2 epochs: weight
/// balancing on every base, the other variants on WD), drawn the way the live view draws it.
enum StageTwoScreen {
    static let classes = 100, stage1Epochs = 100, stage2Epochs = 10

    static func history(_ id: RunID, epochs: Int, top: Double, clips: Int? = nil) -> RunHistory {
        let acc = AccuracySummary(all: 48.7, many: 82.6, medium: 47, few: 11.2)
        let records = (0...epochs).map { e in
            EpochRecord(epoch: e, norms: (0..<classes).map { k in top * (0.4 + 0.6 * Double(e) / Double(max(1, epochs))) * (1 - Double(k) / 200) },
                        trainLoss: 1, accuracy: acc)
        }
        var h = RunHistory(id: id, plannedEpochs: epochs, records: records, accuracy: acc,
                              maxNormRadius: id.variant?.usesMaxNorm == true ? 0.7 : nil, stage2StartEpoch: id.isStage2 ? 0 : nil)
        h.maxNormClips = clips
        if let n = clips, n > 0 { h.maxNormLastClipEpoch = 1 }  // the stage-2 MaxNorm acts in its first epoch only
        return h
    }

    /// The snapshot after both stages; weight balancing's MaxNorm never acts on (c) WD's features.
    static func snapshot(wbClipsOnWD: Int = 0) -> RunSnapshot {
        let tops = [2.3, 1.0, 1.6, 1.2, 0.6]
        let stage1 = Regime.all.enumerated().map { history(RunID($1), epochs: stage1Epochs, top: tops[$0]) }
        var stage2: [RunHistory] = [], bases: [Int] = []
        for i in 0..<5 {
            stage2.append(history(RunID(Regime.all[i], .cbWDMaxNorm), epochs: stage2Epochs, top: 0.45, clips: i == 2 ? wbClipsOnWD : 5))
            bases.append(i)
        }
        for v in [Stage2Variant.posthocL2, .posthocTau, .cbWD, .cbMaxNorm] {
            stage2.append(history(RunID(.wd, v), epochs: v.isPostHoc ? 0 : stage2Epochs, top: 0.7, clips: v.usesMaxNorm ? 40 : nil))
            bases.append(2)
        }
        return RunSnapshot(stage1: stage1, stage2: stage2, stage2Bases: bases, stage2Started: true)
    }

    /// The live view's model: stage 1 alone (`stage2: false`) or with stage 2 joined below it and its tables.
    static func model(stage2: Bool, snapshot s: RunSnapshot = snapshot()) -> DashboardModel {
        let histories = stage2 ? s.stage1.enumerated().map { i, h in s.stage2(of: i, .cbWDMaxNorm)!.joined(after: h) } : s.stage1
        let panels = histories.enumerated().map { i, h in
            var p = PanelModel(history: h, index: i, totalEpochs: stage2 ? stage1Epochs + stage2Epochs : stage1Epochs)
            p.title = h.id.base.title
            p.classSizes = (500, 5)
            return p
        }
        let status = StatusModel(stageLabel: stage2 ? "stage 2" : "stage 1", epoch: stage2 ? stage2Epochs : stage1Epochs,
                                 totalEpochs: stage2 ? stage2Epochs : stage1Epochs, finished: true)
        var m = DashboardModel(panels: panels, status: status)
        m.overflow = DashboardModel.overflow(histories, vmax: 2)
        if stage2 { m.showStage2(AccuracyTable.stage2Tables(s, panels: panels)) }
        return m
    }
}
