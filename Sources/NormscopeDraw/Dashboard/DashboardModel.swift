/// Everything one frame of the dashboard shows; the backend builds it from the engine's state.
package struct DashboardModel: Equatable, Sendable {
    /// One panel per regime, in the paper's order (a)-(e), then any stage-2 variants.
    package var panels: [PanelModel]
    /// The top of the colour scale shared by every panel (the paper uses 2.0), fixed for the whole run.
    package var vmax: Double
    /// The largest norm shown when it exceeds `vmax` (such cells take the top colour), else nil.
    package var overflow: Double?
    /// Run state for the header.
    package var status: StatusModel
    /// A line of narration under the header (demo mode), or nil.
    package var caption: String?
    /// A transient message at the bottom right ("exported to r.json"), or nil.
    package var message: String?
    /// The charts of the curves view (accuracy, Few accuracy, loss).
    package var curves: [ChartModel]
    /// Which view fills the main area.
    package var view: DashboardView
    /// Whether the help overlay is shown.
    package var showHelp: Bool
    /// The keys, for the hint line and the help overlay.
    package var help: [KeyHelp]
    /// Rows of the accuracy table when they are not simply the panels' (stage 1 and stage-2 results).
    package var tableRows: [AccuracyTable.Row]? = nil
    /// The header of the table's label column.
    package var tableCaption = "accuracy %"
    /// The header where `tableCaption` does not fit, or nil.
    package var tableShortCaption: String? = nil
    /// A second table drawn beside the first (stage 2's other variants), or nil.
    package var sideTableRows: [AccuracyTable.Row]? = nil
    /// The header of the second table's label column.
    package var sideTableCaption = ""
    /// A line under the tables, when there is room ("MaxNorm acted in s2 epoch 1 only").
    package var tableNote: String? = nil
    /// Every caption the screen will show (the demo's tour): the caption area is sized for the longest, so the
    /// figure keeps its place as captions change. Empty: sized for `caption` alone.
    package var captionsToCome: [String] = []
    /// Columns of the table (0 Many, 1 Medium, 2 Few) whose group has no class in the data: shown as a dash,
    /// not as the 0 the results record for them.
    package var emptyGroupColumns: Set<Int> = []
    /// The class under the class cursor (0 is the most frequent), or nil when the cursor is hidden; drawn
    /// clamped to the classes there are.
    package var cursor: Int? = nil
    /// Training samples of each class, most frequent first (the cursor's readout; empty when unknown).
    package var classCounts: [Int] = []
    /// Test samples of each class, most frequent first (where the predictions should go; empty when unknown).
    package var testClassCounts: [Int] = []
    /// The program's name in the header.
    package var title: String
    /// Lines the help overlay shows under the keys (the command that reproduces the run last).
    package var helpNotes: [String] = []
    /// The settings panel, drawn over everything when open.
    package var settings: SettingsPanel? = nil
    /// A short subtitle after the name.
    package var subtitle: String

    package init(panels: [PanelModel], vmax: Double = 2.0, status: StatusModel = StatusModel(), caption: String? = nil,
                message: String? = nil, curves: [ChartModel] = [], view: DashboardView = .heatmapProfile,
                showHelp: Bool = false, help: [KeyHelp] = KeyHelp.standard, title: String = "normscope",
                subtitle: String = "weight balancing, Fig. 2") {
        self.panels = panels
        self.vmax = vmax
        self.status = status
        self.caption = caption
        self.message = message
        self.curves = curves
        self.view = view
        self.showHelp = showHelp
        self.help = help
        self.title = title
        self.subtitle = subtitle
    }

    /// Shows the stage-2 tables: weight balancing per panel, the base's other variants beside it.
    package mutating func showStage2(_ t: Stage2Tables) {
        tableRows = t.main
        tableCaption = t.mainCaption
        tableShortCaption = t.mainShortCaption
        sideTableRows = t.side.isEmpty ? nil : t.side
        sideTableCaption = t.sideCaption
        tableNote = t.note
    }

    /// The accuracy table's rows, one per panel.
    var accuracyRows: [AccuracyTable.Row] {
        if let rows = tableRows { return rows }
        return panels.map {
            var row = AccuracyTable.Row(tag: $0.letter, name: $0.title, slot: $0.slot, accuracy: $0.accuracy,
                                        note: $0.diverged == nil ? nil : "diverged at epoch \($0.diverged!.epoch)")
            if let before = $0.accuracyBefore, let now = $0.accuracy?.all { row.change = now - before }
            return row
        }
    }
}

/// What the main area of the dashboard shows.
package enum DashboardView: String, CaseIterable, Equatable, Sendable {
    /// Heatmap over epochs above the current profile, per regime (Fig. 2).
    case heatmapProfile
    /// The current profile per regime, full height (Fig. 6).
    case profiles
    /// Accuracy and loss curves of all regimes.
    case curves
    /// Each class's test accuracy over epochs per regime, above where its test predictions go now.
    case classAccuracy

    /// The next view in the cycle.
    package var next: DashboardView {
        let all = DashboardView.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
