import NormscopeEngine

/// The paper's Fig. 2 as pixels, for PNG and animated GIF files: a painter of `FigureModel` at any moment of
/// training, with text in a built-in bitmap font.
///
/// What is shown (panels, axes, ticks, legends, marks) is the model's, the same as `FigureSVG` draws; this type
/// places it in pixels. A `Moment` says how far training has got: heatmap rows after it stay empty and the
/// profiles show the norms then, so the frames of an animation are `render(moment)` for successive moments and
/// its last frame, `render(finalMoment)`, is the static figure.
///
/// Every pixel is one of `palette` (at most 255 colours: 224 steps of the colour map, the line colours,
/// black, white and greys), so a GIF holds the figure exactly. Histories are read by `record.epoch`, never
/// by position, so thinned long runs draw like full ones.
package struct FigureRaster: Sendable {
    /// How far training has got in a frame.
    package typealias Moment = FigureMoment

    /// Widths accepted for the image, in pixels.
    package static let widthRange = 480...3_000
    /// The default width: fits a slide or a README at full size.
    package static let defaultWidth = 960
    /// Steps of the colour map (the SVG has 256; fewer leave room in a 256-colour GIF palette).
    package static let levels = 224

    /// What the figure shows.
    let model: FigureModel
    let layout: Layout
    /// Each heatmap's colour levels at this image's resolution, computed once for every frame.
    let grids: [Grid]
    /// Each accuracy heatmap's steps at this image's resolution (empty without per-class accuracy).
    let accuracyGrids: [Grid]
    let levelColors: [UInt32]

    /// Image width and height in pixels.
    package var width: Int { layout.width }
    package var height: Int { layout.height }
    /// The stage-1 epochs the heatmaps span (planned or done, whichever is more).
    package var epochs: Int { model.epochs }
    /// The stage-1 epochs done (fewer than `epochs` for a run exported while training, or interrupted).
    var stage1Reached: Int { model.stage1Reached }
    /// The stage-2 epochs done by the drawn variants (0 for post-hoc ones), nil without stage 2.
    package var stage2Epochs: Int? { model.stage2Epochs }
    /// The stage-2 epochs the drawn variants were planned to run, nil without stage 2.
    var stage2Planned: Int? { model.stage2Planned }
    /// The top of the shared colour scale.
    package var vmax: Double { model.vmax }
    /// The stage-1 histories drawn.
    var stage1: [RunHistory] { model.stage1 }

    /// Prepares `results` for drawing `width` pixels wide (clamped to `widthRange`); `vmax` is the top of the
    /// colour scale (default: 2.0, the paper's, the live view's and the SVG's); larger norms take the top colour
    /// and the colour bar says how large they get.
    package init(results: ResultsFile, colorMap: ColorMapKind = .jet, vmax: Double? = nil, width: Int = defaultWidth) {
        self.init(FigureModel(results: results, colorMap: colorMap, vmax: vmax), width: width)
    }

    /// Prepares `model` for drawing `width` pixels wide (clamped to `widthRange`).
    init(_ model: FigureModel, width: Int = defaultWidth) {
        self.model = model
        layout = Layout(width: min(Self.widthRange.upperBound, max(Self.widthRange.lowerBound, width)),
                        panels: model.heatmaps.count, epochs: model.epochs, accuracyRow: model.hasAccuracy,
                        profileRows: (model.allProfiles(at: model.finalMoment).count + 1) / 2)
        levelColors = (0..<Self.levels).map { Raster.pixel(model.colorMap.rgb(at: Double($0) / Double(Self.levels - 1))) }
        let (rows, cols) = (min(layout.panel, model.epochs + 1), min(layout.panel, model.classes))
        let vmax = model.vmax
        grids = model.heatmaps.map {
            Grid(model.means($0, rows: rows, cols: cols), epochs: model.epochs) { Self.level($0, vmax: vmax) }
        }
        accuracyGrids = model.hasAccuracy
            ? model.heatmaps.map {
                Grid(model.accuracyMeans($0, rows: rows, cols: cols), epochs: model.epochs, level: FigureModel.accuracyLevel)
            } : []
    }

    /// The last epochs recorded: the static figure (the end of training, or where a run still training or
    /// interrupted stands).
    package var finalMoment: Moment { model.finalMoment }

    /// Every colour a frame can contain (distinct).
    package var palette: [UInt32] {
        var seen = Set<UInt32>(), out: [UInt32] = []
        for c in Self.fixedColors + Self.lineColors + levelColors + FigureModel.accuracyColors where seen.insert(c).inserted {
            out.append(c)
        }
        return out
    }

    /// The figure at `moment`.
    package func render(_ moment: Moment) -> Raster {
        var r = Raster(width: layout.width, height: layout.height, fill: Self.background)
        let L = layout
        let regular = BitmapFont(scale: L.scale), bold = BitmapFont(scale: L.scale, weight: .bold)
        r.text(model.heading(at: moment), x: L.pad, y: L.headingY, font: bold, color: Self.ink)
        if let note = model.emptyNote {
            // There are no heatmaps then: drawing it before their row changes no pixel.
            r.text(note, x: L.panelX(0) + L.panel / 2, y: L.panelTop + L.panel / 2, font: regular, color: Self.grey, anchor: .middle)
        }
        drawHeatmapRow(&r, .norms(self), moment: moment, overflow: model.overflow(at: moment), regular: regular, bold: bold)
        if model.hasAccuracy { drawAccuracyRow(&r, moment: moment, regular: regular, bold: bold) }
        drawProfiles(&r, moment: moment, regular: regular, bold: bold)
        r.text(model.footer, x: L.width - L.pad, y: L.footerY, font: regular, color: Self.faint, anchor: .end)
        return r
    }

    // MARK: - Colours

    static let background = Raster.white
    static let ink = Raster.black
    static let grey: UInt32 = 0x666666
    static let faint: UInt32 = 0x777777
    static let empty: UInt32 = 0xEEEEEE
    static let gridLine: UInt32 = 0xDDDDDD
    static let alarm: UInt32 = 0xCC0000
    static let overflowMark: UInt32 = 0xB00000
    /// Epoch marks' rules and labels (as the SVG's).
    static let mark: UInt32 = Raster.white
    static let fixedColors: [UInt32] = [background, ink, grey, faint, empty, gridLine, alarm, overflowMark, mark]
    /// The model's line colours.
    static let lineColors: [UInt32] = FigureModel.lineColors

    /// The first of `options` that fits in `width` pixels, else the last cut to fit.
    static func fitting(_ options: [String], width: Int, font: BitmapFont) -> String {
        FigureText.fitting(options, width: Double(width), measure: Measure(font: font), maxCharacters: width / font.advance)
    }

    /// The norms of `h` after the latest epoch at or before `epoch` (as the model reads them).
    static func norms(_ h: RunHistory, atEpoch epoch: Int) -> [Double] { FigureModel.norms(h, atEpoch: epoch) }

    /// Text widths in the bitmap font.
    struct Measure: FigureTextMeasure {
        let font: BitmapFont
        func width(of text: String) -> Double { Double(font.width(of: text)) }
    }
}
