import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope run`: trains the selected regimes headless, prints a summary and writes results JSON.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the regimes without the TUI; print a summary table and optionally write results JSON.",
        discussion: """
        Results are deterministic: the same seed and flags give the same numbers whatever --threads is. \
        Pass --no-timings as well to make the JSON byte-identical across runs (wall-clock seconds become 0).
        Ctrl-C stops after the epochs under way; what was trained is written with "interrupted": true.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write results JSON here (atomically).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("no-timings"), help: "Record 0 instead of wall-clock seconds, for byte-identical files.")
    var noTimings = false

    @Flag(name: .customLong("quiet"), help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        let interrupt = InterruptFlag()
        defer { interrupt.stop() }
        let label = "training \(exp.regimes.count) regime\(exp.regimes.count == 1 ? "" : "s")"
        let reporter = quiet ? nil : ProgressReporter(totalEpochs: exp.config.epochs, regimes: exp.regimes.count, label: label)
        if !quiet {
            StandardError.write("normscope: \(exp.dataset.name): \(exp.dataset.classCount) classes, \(exp.dataset.trainCount) training / \(exp.dataset.testCount) test samples, \(exp.config.epochs) epochs, \(experiment.threadCount) thread(s)\n")
        }
        let results = exp.run(threads: experiment.threadCount, timings: !noTimings,
                              progress: { reporter?.update($0, epochsPerRegime: exp.config.epochs) },
                              shouldStop: { interrupt.isRaised })
        reporter?.finish()
        print(SummaryTable.render(results))
        if let path = output {
            try CommandErrors.wrap { try AtomicFile.write(data: try results.encoded(), to: path) }
            StandardError.write("normscope: wrote \(path)\(results.interrupted ? " (interrupted)" : "")\n")
        }
        if results.interrupted {
            StandardError.write("normscope: interrupted; results so far are marked \"interrupted\": true\n")
            throw ExitCode(130)
        }
    }
}
