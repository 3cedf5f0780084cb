import ArgumentParser
import Foundation
import NormscopeEngine
import NormscopeFlags

/// `normscope run`: trains the selected regimes headless, prints a summary and writes results JSON.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the regimes without the TUI; print a summary table and optionally write results JSON.",
        discussion: """
        The results JSON is deterministic: the same seed, flags and program version give the same file byte \
        for byte, whatever --threads is. Wall-clock times are shown in the summary but kept out of the file \
        unless --timings is given.
        The output path is checked before training starts: it must be a regular file or a new path, and not \
        an input (a symbolic link is followed and its target replaced); -o - writes the JSON to standard output \
        and the summary to stderr. Ctrl-C stops after the epochs under way and writes \
        what was trained with "interrupted": true (a second Ctrl-C quits at once, writing nothing). If the file \
        cannot be written at the end, the results go to a file in the temporary directory and the exit status is 73.
        With --stage2 the base regimes (default wd) are then rebalanced: post-hoc L2 and tau normalization and \
        classifier retraining on frozen features with the class-balanced loss; results are named like \
        wd>cb+wd+maxnorm (see docs/results-format.md).
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Flag(name: .customLong("stage2"),
          help: "After stage 1, rebalance the base regimes' classifiers: post-hoc L2/tau-norm and CB retraining; any --stage2-* flag or --tau implies it.")
    var stage2Enabled = false

    @OptionGroup(title: "Stage 2") var stage2: Stage2Options

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write results JSON here (atomically); - for standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var overwrite: ForceOption

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
        let target = try output.map { path in
            try CommandErrors.wrap {
                try OutputTarget.check(path, inputs: OutputTarget.Input.dataset(experiment.data.dataset), force: overwrite.force,
                                       consequence: "nothing was trained")
            }
        }
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        let s2 = try CommandErrors.wrap { () throws -> Stage2Config? in
            guard stage2Enabled || stage2.anyGiven else { return nil }
            let s = try stage2.config(regimes: exp.regimes)
            try FlagName.throwFirst(exp.stage2Errors(s))
            return s
        }
        let interrupt = InterruptFlag()
        defer { interrupt.stop() }
        let trained = s2.map { $0.bases.count * $0.variants.filter { !$0.isPostHoc }.count } ?? 0
        let total = exp.config.epochs * exp.regimes.count + trained * (s2?.epochs ?? 0)
        let label = "training \(exp.regimes.count) regime\(exp.regimes.count == 1 ? "" : "s")"
            + (trained > 0 ? " + \(trained) stage-2" : "")
        let reporter = quiet ? nil : ProgressReporter(totalEpochs: total, regimes: 1, label: label)
        if !quiet {
            StandardError.write("normscope: \(DisplayText.escape(exp.dataset.name)): \(exp.dataset.classCount) classes, \(exp.dataset.trainCount) training / \(exp.dataset.testCount) test samples, \(exp.config.epochs) epochs\(s2.map { " + \($0.epochs) stage-2" } ?? ""), \(experiment.threadCount) thread(s)\n")
        }
        var results = exp.run(threads: experiment.threadCount, timings: true, stage2: s2,
                              progress: { reporter?.update(done: $0.epochsDone) },
                              shouldStop: { interrupt.isRaised })
        results.command = ReproducingCommand.runLine(for: results.config)
        reporter?.finish()
        // With -o -, stdout carries the JSON: the summary goes to stderr.
        if target?.isStandardOutput == true {
            StandardError.write(SummaryTable.render(results) + "\n")
        } else {
            StandardOutput.print(SummaryTable.render(results))
        }
        for r in results.runs {
            if let d = r.diverged { StandardError.write("normscope: \(r.name) diverged at epoch \(d.epoch): \(d.reason); stopped there\n") }
        }
        if let target {
            let file = timings ? results : results.withoutTimings()
            let failure: NormscopeError?
            do {
                failure = target.writeOrRescue(try file.encoded(), rescueName: "normscope-results-\(getpid()).json",
                                               what: "the results")
            } catch {
                failure = .writeFailed("cannot encode the results: \(error)")
            }
            if let failure { try CommandErrors.wrap { throw failure } }
            if !quiet {
                StandardError.write("normscope: wrote \(target.isStandardOutput ? "the results to standard output" : DisplayText.escape(target.path))\(results.interrupted ? " (interrupted)" : "")\n")
            }
        }
        if results.interrupted {
            StandardError.write("normscope: interrupted; results so far are marked \"interrupted\": true\n")
            throw ExitCode(130)
        }
    }
}
