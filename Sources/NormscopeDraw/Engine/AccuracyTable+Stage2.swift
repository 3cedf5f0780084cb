import NormscopeEngine

extension AccuracyTable {
    /// The table once stage 2 runs: each panel's stage-2 result (CB & WD & MaxNorm on that regime's features),
    /// tagged by its panel, then, under a heading per base, that base's stage-1 result and its other variants,
    /// each by its full name, so no two rows share a tag or a label.
    package static func stage2Rows(_ snapshot: RunSnapshot, panels: [PanelModel]) -> [Row] {
        func note(_ h: RegimeHistory) -> String? { h.diverged.map { "diverged at epoch \($0.epoch)" } }
        func accuracy(_ h: RegimeHistory) -> GroupAccuracy? {
            h.epochsDone > 0 || h.id.variant?.isPostHoc == true ? h.accuracy : nil
        }
        var rows: [Row] = [.heading("stage 2, \(Stage2Variant.cbWDMaxNorm.shortTitle):")]
        for (i, p) in panels.enumerated() {
            guard let h = snapshot.stage2(of: i, .cbWDMaxNorm) else { continue }
            rows.append(Row(tag: p.letter, name: snapshot.stage1[i].id.title, slot: p.slot, accuracy: accuracy(h), note: note(h)))
        }
        for (i, p) in panels.enumerated() {
            let others = zip(snapshot.stage2, snapshot.stage2Bases).filter { $0.1 == i && $0.0.id.variant != .cbWDMaxNorm }.map(\.0)
            guard !others.isEmpty, i < snapshot.stage1.count else { continue }
            let base = snapshot.stage1[i]
            rows.append(.heading("on (\(p.letter)) \(base.id.title):"))
            rows.append(Row(tag: "", name: "stage 1 only", slot: p.slot, accuracy: base.accuracy, note: note(base)))
            for h in others {
                rows.append(Row(tag: "", name: h.id.variant!.title, slot: p.slot, accuracy: accuracy(h), note: note(h)))
            }
        }
        return rows
    }
}
