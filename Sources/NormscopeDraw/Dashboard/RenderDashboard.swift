/// Draws the whole dashboard for a terminal of `width` x `height`: header, caption, panels (or profiles, or
/// curves), status block, key hint, and the help overlay when asked; or the too-small notice.
///
/// Pure: the same model, size and options always give the same canvas, of exactly the size asked
/// (negative sizes give an empty canvas).
package func renderDashboard(_ model: DashboardModel, width: Int, height: Int, options: RenderOptions) -> Canvas {
    Dashboard(model).render(width: width, height: height, options: options)
}

/// The dashboard as a widget; see ``renderDashboard(_:width:height:options:)``.
struct Dashboard: Widget {
    var model: DashboardModel

    init(_ model: DashboardModel) { self.model = model }

    /// The layout used for a terminal of `width` x `height`.
    func layout(width: Int, height: Int) -> DashboardLayout {
        DashboardLayout(panelCount: model.panels.count, width: width, height: height,
                        captionLines: captionLines(width: width), view: model.view, tableRows: model.accuracyRows.count,
                        sideTableRows: model.sideTableRows?.count ?? 0)
    }

    /// Lines the caption area takes at `width`: one, or two when a caption (the current one, or any of the tour's
    /// `captionsToCome`) does not fit on one; 0 without a caption.
    func captionLines(width: Int) -> Int {
        guard model.caption != nil || !model.captionsToCome.isEmpty else { return 0 }
        let texts = (model.caption.map { [$0] } ?? []) + model.captionsToCome
        return texts.contains { TextFit.wrap($0, max(1, width - 2)).count > 1 } ? 2 : 1
    }

    func render(width: Int, height: Int, options: RenderOptions) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let layout = layout(width: canvas.width, height: canvas.height)
        if layout.tooSmall {
            let need = DashboardLayout.minimumSize(panelCount: model.panels.count, captionLines: captionLines(width: canvas.width))
            return TooSmallMessage(need: need).render(width: canvas.width, height: canvas.height, options: options)
        }
        let glyphs = Glyphs.forMode(options.glyphs)
        let theme = Theme(mode: options.colorMode)

        draw(HeaderLine(title: model.title, subtitle: model.subtitle, status: model.status), in: layout.header,
             on: &canvas, options: options)
        if let rect = layout.caption, let text = model.caption {
            // Wrapped on words over the caption's lines; only a caption longer than all of them is cut.
            var lines = TextFit.wrap(glyphs.text(text), rect.width - 2)
            if lines.count > rect.height {
                lines = Array(lines.prefix(rect.height))
                lines[rect.height - 1] = TextFit.truncate(lines[rect.height - 1] + " …", rect.width - 2, ellipsis: glyphs.asciiOnly ? "..." : "…")
            }
            for (i, line) in lines.enumerated() { canvas.put(line, x: rect.x + 1, y: rect.y + i, style: theme.accent) }
        }
        switch model.view {
        case .heatmapProfile, .profiles, .classAccuracy:
            for (panel, rect) in zip(model.panels, layout.panels) {
                draw(panelView(panel), in: rect, on: &canvas, options: options)
            }
        case .curves:
            drawCharts(in: layout.main, on: &canvas, options: options, theme: theme, glyphs: glyphs)
        }
        draw(StatusBlock(model, placement: layout.statusPlacement), in: layout.status, on: &canvas, options: options)
        if let k = cursorClass, model.message == nil {
            draw(CursorReadout(model, classIndex: k), in: layout.keyHint, on: &canvas, options: options)
        } else {
            // The settings panel takes every key but Ctrl-C and names its own: the view's keys would mislead.
            draw(KeyHintLine(keys: model.settings == nil ? model.help : [], message: model.message), in: layout.keyHint,
                 on: &canvas, options: options)
        }
        if model.showHelp {
            let help = HelpOverlay(keys: model.help, notes: model.helpNotes)
            let size = help.preferredSize
            let w = min(size.width, canvas.width - 2), h = min(size.height, canvas.height - 2)
            let rect = Rect(x: TextFit.centered(w, in: canvas.width), y: TextFit.centered(h, in: canvas.height), width: w, height: h)
            draw(help, in: rect, on: &canvas, options: options)
        }
        if let settings = model.settings { drawSettings(settings, on: &canvas, options: options) }
        return canvas
    }

    /// Renders a widget into `rect` of the canvas.
    func draw(_ widget: some Widget, in rect: Rect, on canvas: inout Canvas, options: RenderOptions) {
        guard !rect.isEmpty else { return }
        canvas.blit(widget.render(width: rect.width, height: rect.height, options: options), in: rect)
    }

    /// The curves view: every regime's curves as small multiples (see `CurvesView`).
    func drawCharts(in area: Rect, on canvas: inout Canvas, options: RenderOptions, theme: Theme, glyphs: Glyphs) {
        draw(CurvesView(charts: model.curves), in: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height),
             on: &canvas, options: options)
    }
}
