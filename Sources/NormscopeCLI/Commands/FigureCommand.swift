import ArgumentParser
import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeFlags
import NormscopeImage

/// `normscope figure`: the paper's Fig. 2 (and the Fig. 6 profiles) from a results file, as SVG or CSV.
struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Draw a results file as the paper's Fig. 2 (SVG, PNG, or an animated GIF of it forming) or write its norms as CSV.",
        discussion: """
        The SVG has one heatmap per stage-1 regime (class sorted by cardinality against training epoch, one \
        shared colour scale with its colour bar) and the end-of-training norm profiles of stage 1 and, when \
        the results hold it, stage 2. The CSV has the columns regime,stage,epoch,class,count,norm,accuracy,predicted \
        (see docs/figures.md). PNG is the same figure as pixels, for slide tools without SVG; GIF shows it \
        forming epoch by epoch, then holds the final figure (--fps, --width). Writes are atomic; the output \
        must be a regular file or a new path, not the results file (a symbolic link is followed and its \
        target replaced). -o - writes to standard output (SVG unless --format says otherwise).
        """
    )

    /// What to write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case svg, csv, png, gif
    }

    @Argument(help: ArgumentHelp("A results JSON file written by 'normscope run -o'.", valueName: "results.json"))
    var results: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var output: String

    @OptionGroup var overwrite: ForceOption

    @Option(help: "svg, png, gif or csv (default: from the output's extension .svg, .png, .gif or .csv, otherwise svg).")
    var format: Format?

    @Option(help: "Colour map of the heatmaps: jet (the paper's) or viridis.")
    var colormap: ColorMapKind = .jet

    @Option(parsing: .unconditional, help: FlagTable.vmax.argumentHelp("Top of the shared colour scale (larger norms take the top colour)"),
            transform: FlagTable.vmax.transform)
    var vmax: Double?

    @Option(parsing: .unconditional, help: FlagTable.fps.argumentHelp(valueName: "n"), transform: FlagTable.fps.transform)
    var fps: Int?

    @Option(parsing: .unconditional, help: FlagTable.width.argumentHelp(valueName: "pixels"), transform: FlagTable.width.transform)
    var width: Int?

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file path") }
        try validateFormat()
        try validateRaster()
    }

    /// `--format` does not contradict the output's extension: `fig.svg --format png` would put PNG bytes in a
    /// file named SVG. (A name whose extension names no format, `fig.out`, is written as SVG, or as `--format`.)
    func validateFormat() throws {
        guard output != "-" else { return }
        let ext = (output as NSString).pathExtension.lowercased()
        guard !ext.isEmpty else { return }
        let named = Format(rawValue: ext)
        if let format, let named, named != format {
            throw ValidationError("--format \(format.rawValue) does not match the output's extension .\(ext); drop --format or name the file .\(format.rawValue)")
        }
    }

    /// The format to write: `--format`, or the output's extension.
    var resolvedFormat: Format {
        if let format { return format }
        let name = output.lowercased()
        for f in [Format.csv, .png, .gif] where name.hasSuffix("." + f.rawValue) { return f }
        return .svg
    }

    func run() throws {
        let target = try CommandErrors.wrap {
            try OutputTarget.check(output, inputs: [.init(name: "the input results file \(results)", path: results)],
                                   force: overwrite.force, consequence: "nothing was written")
        }
        let file = try CommandErrors.wrap { try ResultsFile.load(path: results) }
        let bytes: Data
        switch resolvedFormat {
        case .svg: bytes = Data(FigureSVG.render(results: file, colorMap: colormap, vmax: vmax).utf8)
        case .csv: bytes = Data(FigureCSV.render(results: file).utf8)
        case .png, .gif: bytes = rasterFile(file)
        }
        try CommandErrors.wrap { try target.write(bytes) }
        StandardError.write("normscope: wrote \(target.isStandardOutput ? "the figure to standard output" : DisplayText.escape(output)) (\(resolvedFormat.rawValue), \(file.runs.count) regime\(file.runs.count == 1 ? "" : "s"))\n")
    }
}
