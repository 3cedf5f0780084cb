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

/// The class whose column is at cell (`x`, `y`) of `model` drawn at `width` x `height`: a click in any panel's
/// heatmap or profile (the middle class of a column that merges several); nil outside them and in the curves view.
package func dashboardClass(_ model: DashboardModel, atX x: Int, y: Int, width: Int, height: Int) -> Int? {
    Dashboard(model).classAt(x: x, y: y, width: width, height: height)
}

extension Dashboard {
    /// See ``dashboardClass(_:atX:y:width:height:)``.
    func classAt(x: Int, y: Int, width: Int, height: Int) -> Int? {
        guard model.view != .curves else { return nil }
        let layout = layout(width: width, height: height)
        guard !layout.tooSmall else { return nil }
        for (panel, rect) in zip(model.panels, layout.panels) {
            let inner = rect.inset(by: 1)
            guard x >= inner.x, x < inner.maxX, y >= inner.y, y < inner.maxY else { continue }
            let view = panelView(panel)
            let gutter = view.gutter(innerWidth: inner.width)
            let plan: BinPlan
            if view.content == .profile {
                plan = BinPlan(count: panel.currentNorms.count, slots: inner.width - gutter, fill: true)
            } else {
                let heatmap = view.heatmap(gutter: gutter)
                plan = BinPlan(count: heatmap.classCount, slots: heatmap.plotWidth(inner.width), fill: true)
            }
            guard let bin = plan.bin(ofSlot: x - inner.x - gutter) else { return nil }
            let items = plan.items(inBin: bin)
            return items.isEmpty ? nil : items.lowerBound + (items.count - 1) / 2
        }
        return nil
    }
}
