import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope reproduce`: the paper's Tables 1 and 2 on the synthetic analogue of CIFAR100-LT, or on read data.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Run the paper's accuracy tables (naive, WD, post-hoc and stage-2 rebalancing) over imbalance factors and seeds.",
        discussion: """
        For each imbalance factor the stage-1 weight decay and the tau of the tau-normalization are chosen on a \
        validation split carved from the training data of the first seed (never the test set); then naive and \
        wd models are trained for every seed and the wd models rebalanced. Prints the table beside the paper's \
        numbers (Markdown) and, with -o, writes it as Markdown and JSON. Deterministic for the flags, whatever \
        --threads is. See docs/stage2-and-reproduce.md.
        With --dataset digits-lt (or a CSV file) the data are read, not generated: each imbalance factor thins \
        their training part to the exponential profile from the most frequent class (each seed keeping other \
        samples; factors below the data's own are refused), and the default factor is the data's own (20 for \
        digits-lt), where they are used as they are.
        -o PATH writes PATH.md and PATH.json; -o DIR (an existing directory, or a path ending in /) writes \
        DIR/reproduce.md and DIR/reproduce.json; -o - writes the JSON to standard output and the table to \
        stderr. The outputs are checked before training: regular files or new paths (symbolic links are \
        followed and their targets replaced, atomically), not the --dataset recipe. If they cannot be written \
        at the end, they are saved in the temporary directory and the exit status is 73.
        """
    )

    @Option(parsing: .unconditional,
            help: "First seed; the seeds are seed, seed+1, ... (0 to 2^64-1; default 0, or the seed a recipe file records).")
    var seed: UInt64?

    @Option(name: .customLong("seeds"), parsing: .unconditional,
            help: "Number of seeds: the table gives mean and spread over them (1 to 1000).")
    var seedCount: Int = 3

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Imbalance factors, comma-separated, each 1 to 1000000 and given once; the first gives the Many/Medium/Few columns (default 100,50,10; for data files and digits-lt, the data's own factor).",
                               valueName: "list"))
    var imbalances: String?

    @Option(help: ArgumentHelp("A built-in recipe ('normscope dataset --list'), a recipe file (.json), the built-in data set digits-lt or a CSV file, whose training part each imbalance factor thins; default: cifar100-lt, the CIFAR100-LT analogue.", valueName: "name|file"))
    var dataset: String?

    @Option(parsing: .unconditional, help: "Number of classes of the generated data (2 to 10000).")
    var classes: Int?

    @Option(name: .customLong("max-per-class"), parsing: .unconditional,
            help: "Training samples of the most frequent class, n_max (1 to 100000).")
    var maxPerClass: Int?

    @Option(name: .customLong("test-per-class"), parsing: .unconditional, help: "Balanced test samples per class (1 to 100000).")
    var testPerClass: Int?

    @Option(parsing: .unconditional, help: "Stage-1 epochs (1 to 1000000).")
    var epochs: Int = ReproduceConfig.defaultTraining.epochs

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden widths of the MLP, comma-separated, each 1 to 4096.", valueName: "widths"))
    var hidden: String = ReproduceConfig.defaultTraining.hidden.map(String.init).joined(separator: ",")

    @Flag(name: .customLong("batchnorm"), help: "Batch normalization after every hidden layer, before ReLU.")
    var batchNorm = false

    @Option(name: .customLong("weight-decay"), parsing: .unconditional,
            help: "Fix the stage-1 weight decay of the wd model, in [0, 10], instead of searching --wd-grid.")
    var weightDecay: Double?

    @Option(name: .customLong("wd-grid"), parsing: .unconditional,
            help: ArgumentHelp("Candidate stage-1 weight decays, comma-separated, each in [0, 10] and given once (default \(ReproduceConfig.defaultWeightDecayGrid.map { "\($0)" }.joined(separator: ","))).", valueName: "list"))
    var weightDecayGrid: String?

    @Option(parsing: .unconditional, help: "Fix tau of the post-hoc tau-normalization, in [0, 10], instead of searching --tau-grid.")
    var tau: Double?

    @Option(name: .customLong("tau-grid"), parsing: .unconditional,
            help: ArgumentHelp("Candidate taus, comma-separated, each in [0, 10] and given once (default 0 to 2 by 0.1).", valueName: "list"))
    var tauGrid: String?

    @Option(name: .customLong("validation-fraction"), parsing: .unconditional,
            help: "Share of each class's training samples held out for the search, in (0, 1).")
    var validationFraction: Double = 0.2

    @Option(name: .customLong("stage2-epochs"), parsing: .unconditional, help: "Epochs of classifier retraining, 1 to 1000000 (paper: 10).")
    var stage2Epochs: Int = 10

    @Option(name: .customLong("stage2-weight-decay"), parsing: .unconditional,
            help: "Weight decay of the CB & WD variants, in [0, 10] (paper: 0.1).")
    var stage2WeightDecay: Double = 0.1

    @Option(name: .customLong("stage2-maxnorm-thresh"), parsing: .unconditional,
            help: "Relative MaxNorm threshold t of stage 2, in [0, 1] (paper's code: 0.1).")
    var stage2MaxNormThresh: Double = 0.1

    @Option(name: .customLong("cb-beta"), parsing: .unconditional,
            help: "Effective-number beta of the class-balanced loss, in [0, 1) (paper: 0.9999).")
    var beta: Double = 0.9999

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 256 (default: all cores; results do not depend on it).")
    var threads: Int?

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Write the table to PATH.md and PATH.json (a .md or .json ending is replaced), into DIR/reproduce.md and .json for a directory, or the JSON to standard output for -.", valueName: "path"))
    var output: String?

    @OptionGroup var overwrite: ForceOption

    @Flag(name: .customLong("no-timings"), help: "Record 0 instead of the wall time, for byte-identical files.")
    var noTimings = false

    @Flag(name: .customLong("quiet"), help: "No progress on stderr.")
    var quiet = false

    mutating func validate() throws {
        if let t = threads, t < 1 || t > 256 { throw ValidationError("--threads must be between 1 and 256 (got \(t))") }
        if seedCount < 1 || seedCount > 1000 { throw ValidationError("--seeds must be between 1 and 1000 (got \(seedCount))") }
        if let o = output, o.isEmpty { throw ValidationError("--output needs a path") }
        // A fixed value makes its grid unused: refuse the pair rather than drop the grid without a word.
        if weightDecay != nil && weightDecayGrid != nil {
            throw ValidationError("--weight-decay fixes the weight decay and --wd-grid lists candidates to search; give one of them")
        }
        if tau != nil && tauGrid != nil {
            throw ValidationError("--tau fixes tau and --tau-grid lists candidates to search; give one of them")
        }
        // Every range and list, before any file is read: the recipe file only replaces the data's other keys.
        do { _ = try makeConfig(recipe: .cifar100LTAnalogue) } catch let e as NormscopeError {
            throw ValidationError(e.description)
        }
    }

    /// The reproduction the flags describe, on the `--dataset` recipe; throws naming the first bad flag or file.
    func makeConfig() throws -> ReproduceConfig {
        var recipe = DatasetRecipe.cifar100LTAnalogue
        var data: Dataset?, origin: DataOrigin?
        if let path = dataset {
            let (source, provenance) = try DatasetArgument(path).loadWithProvenance()
            switch source {
            case .recipe(let r): recipe = r
            case .data(let d):
                if classes != nil || maxPerClass != nil || testPerClass != nil {
                    throw NormscopeError.invalidValue("--classes, --max-per-class and --test-per-class shape generated data; they cannot change the data of --dataset \(path)")
                }
                data = d
                origin = DataOrigin(recipe: nil, file: path, dataset: d, provenance: provenance)
            }
        }
        return try makeConfig(recipe: recipe, data: data, origin: origin)
    }

    /// The reproduction the flags describe on `recipe` (or on read `data`); throws `invalidValue` naming the first
    /// bad flag.
    func makeConfig(recipe base: DatasetRecipe, data: Dataset? = nil, origin: DataOrigin? = nil) throws -> ReproduceConfig {
        var recipe = base
        // A recipe's recorded seed is the first seed; each seed then generates its own data.
        let first = seed ?? recipe.seed ?? 0
        recipe.seed = nil
        if let v = classes { recipe.classes = v }
        if let v = maxPerClass { recipe.maxPerClass = v }
        if let v = testPerClass { recipe.testPerClass = v }
        var training = ReproduceConfig.defaultTraining
        training.epochs = epochs
        training.hidden = try ListFlag.numbers(hidden, flag: "--hidden") { Int($0) }
        training.usesBatchNorm = batchNorm
        let s2 = Stage2Config(epochs: stage2Epochs, weightDecay: stage2WeightDecay, beta: beta, maxNormThresh: stage2MaxNormThresh)
        let factors = try imbalances.map { try ListFlag.distinctNumbers($0, flag: "--imbalances") }
            ?? data.map { [$0.imbalanceFactor] } ?? [100, 50, 10]
        let c = ReproduceConfig(
            recipe: recipe, imbalances: factors,
            seeds: (0..<UInt64(max(0, seedCount))).map { first &+ $0 }, training: training, weightDecay: weightDecay,
            weightDecayGrid: try weightDecayGrid.map { try ListFlag.distinctNumbers($0, flag: "--wd-grid") } ?? ReproduceConfig.defaultWeightDecayGrid,
            tau: tau,
            tauGrid: try tauGrid.map { try ListFlag.distinctNumbers($0, flag: "--tau-grid") } ?? ReproduceConfig.defaultTauGrid,
            validationFraction: validationFraction, stage2: s2, data: data, dataOrigin: origin)
        try FlagName.throwFirst(c.validationErrors())
        return c
    }

    /// The Markdown and JSON paths of `--output`.
    static func outputPaths(_ output: String) -> (markdown: String, json: String) {
        var base = output
        for ext in [".md", ".json"] where base.lowercased().hasSuffix(ext) { base.removeLast(ext.count) }
        return (base + ".md", base + ".json")
    }

    func run() throws {
        let outputs = try output.map { o in
            try CommandErrors.wrap { try ReproduceOutput.check(o, inputs: OutputTarget.Input.dataset(dataset), force: overwrite.force) }
        }
        let config = try CommandErrors.wrap { () throws -> ReproduceConfig in
            let c = try makeConfig()
            try MemoryCheck.check(reproduce: c)
            return c
        }
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        // An unfinished table has no meaning: reproduce saves nothing when stopped, and says so at once.
        let interrupt = InterruptFlag(firstMessage: "stopping after the epochs under way; an unfinished reproduction writes nothing (Ctrl-C again to quit at once)")
        defer { interrupt.stop() }
        if !quiet {
            let name = config.data?.name ?? config.recipe.name, classes = config.data?.classCount ?? config.recipe.classes
            StandardError.write("normscope: reproduce on \(DisplayText.escape(name)): \(classes) classes, IF \(config.imbalances.map { $0 == $0.rounded() ? String(Int($0)) : "\($0)" }.joined(separator: ", ")), \(config.seeds.count) seed(s), \(config.training.epochs) + \(config.stage2.epochs) epochs, \(threadCount) thread(s)\n")
        }
        var reporter: ProgressReporter?
        var total = 0
        let report = Reproduction.run(config, threads: threadCount, timings: !noTimings, progress: { p in
            guard !quiet else { return }
            if reporter == nil || total != p.total {
                total = p.total
                reporter = ProgressReporter(totalEpochs: p.total, regimes: 1, label: "reproduce")
            }
            reporter?.update(done: p.done)
        }, shouldStop: { interrupt.isRaised })
        reporter?.finish()
        guard let report else {
            StandardError.write("normscope: interrupted; nothing written\n")
            throw ExitCode(130)
        }
        let command = DisplayText.escape((["normscope"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
        let markdown = report.markdown(command: command, threads: threadCount)
        let json: Data
        do { json = try report.encoded() } catch {
            try CommandErrors.wrap { throw NormscopeError.writeFailed("cannot encode the report: \(error)") }
            return
        }
        guard let outputs else {
            StandardOutput.print(markdown, terminator: "")
            return
        }
        switch outputs {
        case .standardOutput(let target):
            // stdout carries the JSON: the table goes to stderr.
            StandardError.write(markdown)
            if let failure = target.writeOrRescue(json, rescueName: "normscope-reproduce-\(getpid()).json", what: "the report") {
                try CommandErrors.wrap { throw failure }
            }
        case .files(let mdTarget, let jsonTarget):
            StandardOutput.print(markdown, terminator: "")
            let failures = [
                mdTarget.writeOrRescue(Data(markdown.utf8), rescueName: "normscope-reproduce-\(getpid()).md", what: "the table"),
                jsonTarget.writeOrRescue(json, rescueName: "normscope-reproduce-\(getpid()).json", what: "the report"),
            ].compactMap { $0 }
            for failure in failures.dropLast() { StandardError.write("normscope: error: \(failure.description)\n") }
            if let last = failures.last { try CommandErrors.wrap { throw last } }
            StandardError.write("normscope: wrote \(DisplayText.escape(mdTarget.path)) and \(DisplayText.escape(jsonTarget.path))\n")
        }
    }
}
