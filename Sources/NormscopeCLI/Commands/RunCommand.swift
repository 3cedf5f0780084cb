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
        With --stage2 the base regimes (default wd) are then rebalanced: post-hoc L2 and tau normalization and \
        classifier retraining on frozen features with the class-balanced loss; results are named like \
        wd>cb+wd+maxnorm (see docs/stage2.md).
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Flag(name: .customLong("stage2"),
          help: "After stage 1, rebalance the base regimes' classifiers: post-hoc L2/tau-norm and CB retraining; any --stage2-* flag or --tau implies it.")
    var stage2Enabled = false

    @OptionGroup(title: "Stage 2") var stage2: Stage2Options

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write results JSON here (atomically).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("no-timings"), help: "Record 0 instead of wall-clock seconds, for byte-identical files.")
    var noTimings = false

    @Flag(name: .customLong("quiet"), help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        let s2 = try CommandErrors.wrap { () throws -> Stage2Config? in
            guard stage2Enabled || stage2.anyGiven else { return nil }
            let s = try stage2.config(regimes: exp.regimes)
            if let first = exp.stage2Errors(s).first { throw NormscopeError.invalidValue(first) }
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
            StandardError.write("normscope: \(exp.dataset.name): \(exp.dataset.classCount) classes, \(exp.dataset.trainCount) training / \(exp.dataset.testCount) test samples, \(exp.config.epochs) epochs\(s2.map { " + \($0.epochs) stage-2" } ?? ""), \(experiment.threadCount) thread(s)\n")
        }
        let results = exp.run(threads: experiment.threadCount, timings: !noTimings, stage2: s2,
                              progress: { reporter?.update(done: Self.epochsDone($0, stage1: exp.config.epochs, stage2: s2?.epochs ?? 0)) },
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

    /// Epochs finished over all histories; a diverged one counts as complete.
    static func epochsDone(_ histories: [RegimeHistory], stage1: Int, stage2: Int) -> Int {
        histories.map { h in
            let variant = Stage2Variant.parse(resultName: h.name)?.variant
            let planned = variant == nil ? stage1 : (variant!.isPostHoc ? 0 : stage2)
            return h.diverged != nil ? planned : min(planned, h.epochsDone)
        }.reduce(0, +)
    }
}
