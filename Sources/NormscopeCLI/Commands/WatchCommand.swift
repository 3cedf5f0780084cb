import ArgumentParser
import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeFlags
import NormscopeTerminal

/// `normscope` / `normscope watch`: the live TUI that draws the paper's Fig. 2 while the regimes train.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the live view (the default): five regimes' per-class weight norms, drawn as they train.",
        discussion: """
        Keys: q quit, space pause, n step, +/- pace, v view, c colours, 2 stage 2, r restart, s settings, \
        e export, ←/→ class cursor, Ctrl-L redraw, ? help. Needs a terminal; for headless training use \
        'normscope run'.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Flag(name: .customLong("no-color"), help: "Draw without colour (shade glyphs); NO_COLOR is honoured too.")
    var noColor = false

    @Flag(help: "Use ASCII glyphs only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Option(help: ArgumentHelp("Colour map: jet (as in the paper) or viridis.", valueName: "name"))
    var colormap: ColorMapKind = .jet

    @Option(parsing: .unconditional,
            help: FlagTable.vmax.argumentHelp("Top of the colour scale, fixed for the whole run (larger norms take the top colour and are marked ▲)",
                                              valueName: "norm"),
            transform: FlagTable.vmax.transform)
    var vmax: Double = DashboardModel.paperScaleTop

    @Option(parsing: .unconditional, help: FlagTable.pace.argumentHelp(valueName: "seconds"), transform: FlagTable.pace.transform)
    var pace: Double?

    @Flag(help: "Play a self-running, captioned tour (about 90 s) that ends by itself on the paper's Fig. 2.")
    var demo = false

    @Option(parsing: .unconditional, help: FlagTable.hold.argumentHelp(valueName: "seconds"), transform: FlagTable.hold.transform)
    var hold: Double?

    @Option(name: .customLong("export-dir"), help: ArgumentHelp("Where 'e' writes its files.", valueName: "dir"))
    var exportDir: String = "."

    @Option(help: ArgumentHelp("Record the session as an asciicast v2 file (plays in asciinema, converts with agg); it ends on the last frame drawn.", valueName: "file.cast"))
    var record: String?

    @OptionGroup var overwrite: ForceOption

    @OptionGroup(title: "Stage 2") var stage2: Stage2Options

    func validate() throws {
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
        liveConfig.makeExperimentOverriding = { values, seed in try options.overriding(values).makeExperiment(seed: seed) }
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
