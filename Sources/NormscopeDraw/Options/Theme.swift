/// The restrained palette of the chrome (frames, labels, status, series) for one colour mode.
///
/// Frames are dim, titles bold, and colour is kept for meaning: series identity, state, errors.
/// With `ColorMode.none` every style is colourless and meaning is carried by attributes.
struct Theme: Sendable {
    /// Frames and axis lines.
    let border: Style
    /// Panel and chart titles.
    let title: Style
    /// Ordinary labels.
    let label: Style
    /// Secondary labels (axis numbers, hints, headers).
    let faint: Style
    /// Captions and transient messages.
    let accent: Style
    /// "running" and other good news.
    let good: Style
    /// "paused" and other cautions.
    let caution: Style
    /// The banner over a diverged panel.
    let alarm: Style
    /// Best value in a table column.
    let best: Style
    /// Key names in the key hint and help.
    let key: Style
    /// Colours of data series, by slot.
    let seriesColors: [TermColor]

    /// The theme for a colour mode.
    init(mode: ColorMode) {
        func c(_ i: UInt8) -> TermColor { .index(i) }
        border = Style(attrs: .dim)
        title = Style(attrs: .bold)
        label = .plain
        faint = Style(attrs: .dim)
        key = Style(attrs: .bold)
        switch mode {
        case .full256:
            accent = Style(fg: c(117))
            good = Style(fg: c(114))
            caution = Style(fg: c(221), attrs: .bold)
            alarm = Style(fg: c(231), bg: c(160), attrs: .bold)
            best = Style(fg: c(229), attrs: .bold)
            seriesColors = [203, 221, 114, 75, 177, 80, 216, 146].map(c)
        case .basic16:
            accent = Style(fg: c(14))
            good = Style(fg: c(10))
            caution = Style(fg: c(11), attrs: .bold)
            alarm = Style(fg: c(15), bg: c(1), attrs: .bold)
            best = Style(fg: c(11), attrs: .bold)
            seriesColors = [9, 11, 10, 14, 13, 12, 3, 6].map(c)  // no dark blue on black: cyan for (d)
        case .basic8:
            accent = Style(fg: c(6))
            good = Style(fg: c(2))
            caution = Style(fg: c(3), attrs: .bold)
            alarm = Style(fg: c(7), bg: c(1), attrs: .bold)
            best = Style(fg: c(3), attrs: .bold)
            seriesColors = [1, 3, 2, 6, 5, 4, 7].map(c)
        case .none:
            accent = Style(attrs: .bold)
            good = .plain
            caution = Style(attrs: .bold)
            alarm = Style(attrs: [.bold, .reverse])
            best = Style(attrs: [.bold, .underline])
            seriesColors = [.default]
        }
    }

    /// The colour of series `slot` (slots cycle through the palette).
    func series(_ slot: Int) -> TermColor {
        seriesColors[((slot % seriesColors.count) + seriesColors.count) % seriesColors.count]
    }
}
