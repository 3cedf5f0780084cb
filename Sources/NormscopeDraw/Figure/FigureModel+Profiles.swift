import NormscopeEngine

extension FigureModel {
    /// One line of a profile plot and its legend entry.
    struct Series: Equatable, Sendable {
        var name: String
        var values: [Double]
        /// 0xRRGGBB.
        var color: UInt32
        /// A reference line (the stage-2 base's stage-1 profile), drawn dashed.
        var dashed: Bool
        /// The index of the earlier series this one lies on, if any: drawn dotted with rings, and `note` names it.
        var twin: Int?
        /// The legend's second line for a coinciding series: "(= CB & WD)".
        var note: String?
    }

    /// One profile plot: norms against the class at one moment, one line per series, legend at the right.
    struct Profile: Equatable, Sendable {
        var id: String
        var title: String
        var series: [Series]
        /// The y axis (norms) from 0 to `top`.
        var top: Double
        var yAxis: FigureAxis
        /// The x axis (class index; classes spread from the left edge to the right edge of the plot).
        var xAxis: FigureAxis
        /// The classes along the x axis (at least 1).
        var classes: Int
    }

    /// Line colours (matplotlib's tab10): stage-1 regimes take the first five, stage-2 variants the rest
    /// (`FigureLegend.stage2ColorIndex`).
    static let lineColors: [UInt32] = [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
                                       0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF]
    /// The colour of the stage-2 base's stage-1 profile.
    static let referenceColor: UInt32 = 0x000000

    /// The profile plots at `moment`: stage 1, then (when the results hold it) stage 2, empty before it starts.
    func profiles(at moment: FigureMoment) -> [Profile] {
        let panels = max(1, stage1.count)
        let e1 = min(moment.stage1Epoch, epochs)
        let s1 = stage1.enumerated().map { i, h in
            Series(name: h.id.title, values: Self.norms(h, atEpoch: e1), color: Self.lineColors[i % Self.lineColors.count],
                   dashed: false)
        }
        var out = [profile(id: "profile-stage1", title: FigureTitles.stage1Profile(letter: Self.letter(panels), epoch: e1, planned: epochs),
                           series: s1, top: stage1ProfileTop)]
        guard let s2 = stage2 else { return out }
        var series: [Series] = []
        if let e2 = moment.stage2Epoch {
            if let b = stage1.first(where: { $0.id == s2.base }), !b.records.isEmpty {
                series.append(Series(name: "\(s2.base.title) (stage 1)", values: b.finalNorms, color: Self.referenceColor, dashed: true))
            }
            for h in s2.histories {
                series.append(Series(name: h.id.variant?.title ?? h.id.title, values: Self.norms(h, atEpoch: e2),
                                     color: Self.lineColors[FigureLegend.stage2ColorIndex(h)], dashed: false))
            }
        }
        let title = FigureTitles.stage2Profile(letter: Self.letter(panels + 1), base: s2.base, epoch: moment.stage2Epoch,
                                               planned: stage2Planned ?? 0)
        out.append(profile(id: "profile-stage2", title: title, series: series, top: stage2ProfileTop))
        return out
    }

    /// A profile with its axes, and each series that coincides with an earlier one marked as its twin.
    func profile(id: String, title: String, series: [Series], top: Double) -> Profile {
        var series = series
        for i in series.indices {
            let twin = series.indices.prefix(i).last { j in Self.coincide(series[i].values, series[j].values, tolerance: top * 0.005) }
            series[i].twin = twin
            series[i].note = twin.map { FigureLegend.twinNote(series[$0].name) }
        }
        let y = FigureAxis(upTo: top, count: 5, titles: ["L2 norm"]) { SVGText.num($0, 2) }
        let x = FigureAxis(upTo: Double(classes - 1), count: 6, integers: true, titles: ["class ID sorted by cardinality"]) { SVGText.num($0) }
        return Profile(id: id, title: title, series: series, top: top, yAxis: y, xAxis: x, classes: classes)
    }

    /// Whether two profiles are the same line on the plot: equal lengths, every value within `tolerance`.
    static func coincide(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count && !a.isEmpty && zip(a, b).allSatisfy { x, y in x == y || abs(x - y) <= tolerance }
    }

    /// The norms of `h` after the latest epoch at or before `epoch` (by epoch), empty before its first record.
    static func norms(_ h: RunHistory, atEpoch epoch: Int) -> [Double] {
        h.records(in: 0..<(epoch + 1)).last?.norms ?? []
    }
}
