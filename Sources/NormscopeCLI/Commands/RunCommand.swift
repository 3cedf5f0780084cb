import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope run`: trains the selected regimes headless, prints a summary and writes results JSON.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the regimes without the TUI; print a summary table and optionally write results JSON.",
        discussion: """
        The results JSON is deterministic: the same seed, flags and program version give the same file byte \
        for byte, whatever --threads is. Wall-clock times are shown in the summary but kept out of the file \
        unless --timings is given.
        The output path is checked before training starts. Ctrl-C stops after the epochs under way and writes \
        what was trained with "interrupted": true (a second Ctrl-C quits at once, writing nothing). If the file \
        cannot be written at the end, the results go to a file in the temporary directory and the exit status is 73.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write results JSON here (atomically).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("timings"), help: "Record wall-clock seconds per regime in the JSON (the file then differs from run to run).")
    var timings = false

    @Flag(name: .customLong("no-timings"), help: ArgumentHelp("Record 0 for wall-clock seconds (the default).", visibility: .hidden))
    var noTimings = false

    @Flag(name: .customLong("quiet"), help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if timings && noTimings { throw ValidationError("--timings and --no-timings conflict: give one of them") }
        if let o = output, o.isEmpty { throw ValidationError("--output needs a file path") }
    }

    func run() throws {
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        if let path = output { try CommandErrors.wrap { try OutputFile.checkWritable(path) } }
        // A closed stdout (`normscope run | head -1`) must not kill the run before the file is written.
        signal(SIGPIPE, SIG_IGN)
        let interrupt = InterruptFlag()
        defer { interrupt.stop() }
        let label = "training \(exp.regimes.count) regime\(exp.regimes.count == 1 ? "" : "s")"
        let reporter = quiet ? nil : ProgressReporter(totalEpochs: exp.config.epochs, regimes: exp.regimes.count, label: label)
        if !quiet {
            StandardError.write("normscope: \(exp.dataset.name): \(exp.dataset.classCount) classes, \(exp.dataset.trainCount) training / \(exp.dataset.testCount) test samples, \(exp.config.epochs) epochs, \(experiment.threadCount) thread(s)\n")
        }
        let results = exp.run(threads: experiment.threadCount, timings: true,
                              progress: { reporter?.update($0, epochsPerRegime: exp.config.epochs) },
                              shouldStop: { interrupt.isRaised })
        reporter?.finish()
        print(SummaryTable.render(results))
        fflush(nil)
        for r in results.regimes {
            if let d = r.diverged { StandardError.write("normscope: \(r.name) diverged at epoch \(d.epoch): \(d.reason); stopped there\n") }
        }
        if let path = output {
            let file = timings ? results : results.withoutTimings()
            let failure: NormscopeError?
            do { failure = OutputFile.write(try file.encoded(), to: path) } catch {
                failure = .writeFailed("cannot encode the results: \(error)")
            }
            if let failure { try CommandErrors.wrap { throw failure } }
            if !quiet { StandardError.write("normscope: wrote \(path)\(results.interrupted ? " (interrupted)" : "")\n") }
        }
        if results.interrupted {
            StandardError.write("normscope: interrupted; results so far are marked \"interrupted\": true\n")
            throw ExitCode(130)
        }
    }
}
