extension Dashboard {
    /// The settings panel centred over the dashboard, as large as it wants up to a cell short of every edge.
    func drawSettings(_ panel: SettingsPanel, on canvas: inout Canvas, options: RenderOptions) {
        let view = SettingsPanelView(panel: panel)
        let size = view.preferredSize
        let w = min(size.width, canvas.width - 2), h = min(size.height, canvas.height - 2)
        let rect = Rect(x: TextFit.centered(w, in: canvas.width), y: TextFit.centered(h, in: canvas.height), width: w, height: h)
        draw(view, in: rect, on: &canvas, options: options)
    }
}
