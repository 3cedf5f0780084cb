extension Dashboard {
    /// The settings panel centred over the dashboard, as large as it wants up to a cell short of the top and
    /// bottom edges (the whole width when the screen is narrower than it wants).
    func drawSettings(_ panel: SettingsPanel, on canvas: inout Canvas, options: RenderOptions) {
        let view = SettingsPanelView(panel: panel)
        let size = view.preferredSize
        // On a narrow screen the panel takes the whole width: no sliver of the panels behind at its sides.
        let w = canvas.width < size.width + 2 ? canvas.width : size.width, h = min(size.height, canvas.height - 2)
        let rect = Rect(x: TextFit.centered(w, in: canvas.width), y: TextFit.centered(h, in: canvas.height), width: w, height: h)
        draw(view, in: rect, on: &canvas, options: options)
    }
}
