import NormscopeEngine

/// The accuracy tables once stage 2 runs: the paper's method on each panel beside the other variants of its base.
package struct Stage2Tables: Equatable, Sendable {
    /// Weight balancing (CB & WD & MaxNorm) on each panel's features, tagged by its panel.
    package var main: [AccuracyTable.Row]
    /// The header of the main block's label column ("s2 weight balancing").
    package var mainCaption: String
    /// The main block's header where `mainCaption` does not fit ("stage 2": never a word cut in half).
    package var mainShortCaption = "stage 2"
    /// The base's stage-1 result and its other stage-2 variants, each by a name of its own (a heading per base
    /// when there are several).
    package var side: [AccuracyTable.Row]
    /// The header of the side block's label column ("on (c) WD").
    package var sideCaption: String
    /// What weight balancing's MaxNorm did, when it stopped acting before the end ("MaxNorm acted in s2 epoch 1
    /// only"): its rows then end close to CB & WD's.
    package var note: String? = nil
}

extension AccuracyTable {
    /// Names of the stage-2 variants in the side block, short enough for a compact table.
    static func sideName(_ v: Stage2Variant) -> String {
        switch v {
        case .posthocL2: return "post-hoc L2"
        case .posthocTau: return "post-hoc τ"
        case .cbWD: return "CB & WD"
        case .cbMaxNorm: return "CB & MaxNorm"
        case .cbWDMaxNorm: return "weight balancing"
        }
    }

    /// The note shown instead of a MaxNorm run's numbers when its projection never acted.
    static let maxNormInactive = "MaxNorm inactive"

    /// The tables once stage 2 runs. The main block holds each panel's stage-2 result (weight balancing: CB & WD &
    /// MaxNorm on that regime's features); the side block holds, for each base with other variants, its stage-1
    /// result and every variant, weight balancing last: when its MaxNorm never shortened a row (the stage-2
    /// weight decay kept every row inside the ball), it says "MaxNorm inactive" rather than repeat the CB & WD row.
    package static func stage2Tables(_ snapshot: RunSnapshot, panels: [PanelModel]) -> Stage2Tables {
        func note(_ h: RunHistory) -> String? { h.diverged.map { "diverged at epoch \($0.epoch)" } }
        func accuracy(_ h: RunHistory) -> GroupAccuracy? {
            h.epochsDone > 0 || h.id.variant?.isPostHoc == true ? h.accuracy : nil
        }
        func row(_ h: RunHistory, name: String, tag: String = "", slot: Int) -> Row {
            var r = Row(tag: tag, name: name, slot: slot, accuracy: accuracy(h), note: note(h))
            if r.note == nil, h.id.variant?.usesMaxNorm == true, h.epochsDone > 0, h.maxNormClips == 0 {
                r.note = maxNormInactive
            }
            return r
        }
        var main: [Row] = []
        for (i, p) in panels.enumerated() {
            guard let h = snapshot.stage2(of: i, .cbWDMaxNorm), i < snapshot.stage1.count else { continue }
            main.append(Row(tag: p.letter, name: snapshot.stage1[i].id.title, slot: p.slot, accuracy: accuracy(h), note: note(h)))
        }
        var side: [Row] = []
        var bases: [String] = []
        for (i, p) in panels.enumerated() where i < snapshot.stage1.count {
            let others = zip(snapshot.stage2, snapshot.stage2Bases).filter { $0.1 == i && $0.0.id.variant != .cbWDMaxNorm }.map(\.0)
            guard !others.isEmpty else { continue }
            let base = snapshot.stage1[i]
            bases.append("(\(p.letter)) \(base.id.title)")
            side.append(.heading("on (\(p.letter)) \(base.id.title):"))
            side.append(Row(tag: "", name: "stage 1 only", slot: p.slot, accuracy: base.accuracy, note: note(base)))
            for h in others { side.append(row(h, name: sideName(h.id.variant!), slot: p.slot)) }
            if let wb = snapshot.stage2(of: i, .cbWDMaxNorm) { side.append(row(wb, name: sideName(.cbWDMaxNorm), slot: p.slot)) }
        }
        var sideCaption = "other variants"
        if bases.count == 1 {
            side.removeFirst()  // the caption names the one base
            sideCaption = "on " + bases[0]
        }
        var t = Stage2Tables(main: main, mainCaption: "s2 weight balancing", side: side, sideCaption: sideCaption)
        t.note = maxNormNote(panels.indices.compactMap { snapshot.stage2(of: $0, .cbWDMaxNorm) })
        return t
    }

    /// "MaxNorm never acted", "MaxNorm acted in s2 epoch 1 only", "MaxNorm inactive after s2 epoch 3" for
    /// weight balancing's runs (those trained so far), or nil when it acted to the end of any of them.
    static func maxNormNote(_ runs: [RunHistory]) -> String? {
        let trained = runs.filter { $0.epochsDone > 0 && $0.diverged == nil && $0.maxNormClips != nil }
        guard !trained.isEmpty else { return nil }
        if trained.allSatisfy({ $0.maxNormClips == 0 }) { return "MaxNorm never acted: = CB & WD" }
        let last = trained.map { $0.maxNormLastClipEpoch ?? 0 }, done = trained.map(\.epochsDone)
        guard let latest = last.max(), let shortest = done.min(), latest < shortest else { return nil }
        return latest == 1 ? "MaxNorm acted in s2 epoch 1 only" : "MaxNorm inactive after s2 epoch \(latest)"
    }
}
