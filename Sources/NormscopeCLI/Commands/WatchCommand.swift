import ArgumentParser
import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeTerminal

/// `normscope` / `normscope watch`: the live TUI that draws the paper's Fig. 2 while the regimes train.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the live view (the default): five regimes' per-class weight norms, drawn as they train.",
        discussion: """
        Keys: q quit, space pause, n step, +/- pace, v view, c colours, 2 stage 2, r restart, e export, \
        Ctrl-L redraw, ? help. Needs a terminal; for headless training use 'normscope run'.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Flag(name: .customLong("no-color"), help: "Draw without colour (shade glyphs); NO_COLOR is honoured too.")
    var noColor = false

    @Flag(help: "Use ASCII glyphs only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Option(help: ArgumentHelp("Colour map: jet (as in the paper) or viridis.", valueName: "name"))
    var colormap: ColorMapKind = .jet

    @Option(parsing: .unconditional, help: ArgumentHelp("Top of the colour scale, fixed for the whole run, 1e-6 to 1e6 (default 2.0, the paper's); larger norms take the top colour and are marked ▲.", valueName: "norm"))
    var vmax: Double = DashboardModel.paperScaleTop

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds per epoch at the start, 0 (flat out) to 60; default 0.6, or the tour's own with --demo. + and - change it live.", valueName: "seconds"))
    var pace: Double?

    @Flag(help: "Play a self-running, captioned tour (about 90 s) that ends by itself on the paper's Fig. 2.")
    var demo = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Exit this many seconds after the end, 0 to 86400, instead of waiting for a key.", valueName: "seconds"))
    var hold: Double?

    @Option(name: .customLong("export-dir"), help: ArgumentHelp("Where 'e' writes its files.", valueName: "dir"))
    var exportDir: String = "."

    @Option(help: ArgumentHelp("Record the session as an asciicast v2 file (plays in asciinema, converts with agg); it ends on the last frame drawn.", valueName: "file.cast"))
    var record: String?

    @OptionGroup var overwrite: ForceOption

    @OptionGroup(title: "Stage 2") var stage2: Stage2Options

    func validate() throws {
        if let p = pace, !(p >= 0 && p <= 60) { throw ValidationError("--pace must be between 0 and 60 seconds per epoch (got \(p))") }
        if let h = hold, !(h >= 0 && h <= 86_400) { throw ValidationError("--hold must be between 0 and 86400 seconds (got \(h))") }
        if !(vmax >= 1e-6 && vmax <= 1e6) { throw ValidationError("--vmax must be between 1e-6 and 1e6 (got \(vmax))") }
        if exportDir.isEmpty { throw ValidationError("--export-dir needs a directory") }
        if record == "-" { throw ValidationError("--record needs a file: standard output is the terminal the live view draws on") }
    }

    func run() throws {
        let options = experiment
        try CommandErrors.wrap {
            try OutputTarget.checkDirectory(exportDir, flag: "--export-dir", consequence: "the live view was not started")
        }
        let config = LiveConfiguration(
            makeExperiment: { seed in try options.makeExperiment(seed: seed) },
            seed: try CommandErrors.wrap { try experiment.data.resolvedSeed() }, threads: experiment.threadCount, colorMap: colormap, noColor: noColor, ascii: ascii,
            pace: Pace(secondsPerEpoch: pace ?? Pace.standard.secondsPerEpoch), demo: demo, hold: hold, exportDirectory: exportDir,
            stage2: try CommandErrors.wrap { try stage2.config() })
        var liveConfig = config
        liveConfig.demoPace = pace.map { Pace(secondsPerEpoch: $0) }
        liveConfig.recording = try recording()
        liveConfig.vmax = vmax
        do {
            // LiveApp checks the terminal too (before it creates a recording), so its refusal is caught here.
            let app = try CommandErrors.wrap { try LiveApp(liveConfig) }
            let status = try app.run()
            if status != 0 { throw ExitCode(status) }
        } catch let e as TerminalUnavailable {
            StandardError.write(DisplayText.escape(e.message) + "\n")
            throw ExitCode(2)
        }
    }
}

extension ColorMapKind: ExpressibleByArgument {}
