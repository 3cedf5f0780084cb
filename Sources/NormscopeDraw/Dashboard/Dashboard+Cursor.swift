/// The dashboard's class cursor and accuracy view: which class is pointed at, and the panels that show it.
extension Dashboard {
    /// The number of classes the panels show (the longest norm row).
    var classCount: Int {
        max(model.classCounts.count, model.panels.map { $0.currentNorms.count }.max() ?? 0)
    }

    /// The cursor's class clamped to the classes there are, or nil when it is hidden (or there are none).
    var cursorClass: Int? {
        guard let k = model.cursor, classCount > 0 else { return nil }
        return min(classCount - 1, max(0, k))
    }

    /// The panel widget for `panel` in the current view, with the cursor's marks.
    func panelView(_ panel: PanelModel) -> PanelView {
        let content: PanelView.Content
        switch model.view {
        case .profiles: content = .profile
        case .classAccuracy: content = .accuracyAndPredictions
        default: content = .heatmapAndProfile
        }
        var view = PanelView(panel, vmax: model.vmax, content: content)
        view.cursor = cursorClass
        view.testCounts = model.testClassCounts
        view.classCounts = model.classCounts
        return view
    }
}
