import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope dataset`: writes the generated (or loaded) data set as CSV, or a recipe as JSON.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Write the experiment's data set as CSV (label, split, features) for other tools, or its recipe as JSON; --list shows the built-in recipes and data sets.",
        discussion: """
        The CSV can be trained on again with 'normscope run --dataset FILE.csv'. See datasets/README.md. \
        The output must be a regular file or a new path, not the --dataset file (a symbolic link is followed \
        and its target replaced, atomically); -o - writes the CSV to standard output. The built-in recipes are \
        compiled into the program (any directory will do); their files in datasets/ show what they hold.
        """
    )

    @OptionGroup(title: "Data") var data: DataOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (.csv for data, .json for the recipe); - for CSV on standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var overwrite: ForceOption

    @Flag(help: "List the built-in recipes (name, classes, samples, what for) and data sets instead of writing a file.")
    var list = false

    func validate() throws {
        if list {
            if output != nil { throw ValidationError("--list and --output conflict: give one of them") }
            return
        }
        guard let output else { throw ValidationError("--output is needed (a .csv or .json file, or - for standard output), or --list") }
        if output.isEmpty { throw ValidationError("--output needs a file path (or - for standard output)") }
    }

    func run() throws {
        guard let output else {
            StandardOutput.print(Self.builtinTable(), terminator: "")
            return
        }
        let target = try CommandErrors.wrap {
            try OutputTarget.check(output, inputs: OutputTarget.Input.dataset(data.dataset), force: overwrite.force, consequence: "nothing was written")
        }
        // The data alone: no network is made, so only the data must fit in memory.
        let (dataset, recipe) = try CommandErrors.wrap { () throws -> (Dataset, DatasetRecipe?) in
            switch try data.choice() {
            case .recipe(var recipe, let seed):
                try MemoryCheck.check(recipe: recipe, config: TrainingConfig(), regimes: 0)
                recipe.seed = seed  // the recipe written stands for exactly this data
                return (SyntheticGenerator.generate(recipe, seed: seed), recipe)
            case .file(let dataset, _, _):
                // run and reproduce use --seed with a data file (weights, batch order, thinning); here it would do nothing.
                if data.seed != nil {
                    throw NormscopeError.invalidValue("--seed generates data from a recipe; it cannot change the rows of"
                        + " \(data.dataset ?? "the data file"), which are written as they are — drop --seed")
                }
                return (dataset, nil)
            }
        }
        // A built-in data set is written as its own text, byte for byte its file in datasets/ (same values either way).
        let csv = BuiltinDataset.matching(dataset).map { Array($0.csv.utf8) }
        try CommandErrors.wrap {
            if target.isStandardOutput {
                try target.write(Data(csv ?? Array(DatasetCSV.render(dataset).utf8)))
            } else if output.lowercased().hasSuffix(".json") {
                guard let recipe else {
                    throw NormscopeError.invalidValue("--output \(output): a CSV data set has no recipe; write a .csv file instead")
                }
                try target.replace { path throws(NormscopeError) in try DatasetRecipeFile.save(recipe, to: path) }
            } else if let csv {
                try target.replace { path throws(NormscopeError) in try AtomicFile.write(bytes: csv, to: path) }
            } else {
                try target.replace { path throws(NormscopeError) in try DatasetCSV.write(dataset, to: path) }
            }
        }
        let d = dataset
        StandardError.write("normscope: wrote \(target.isStandardOutput ? "the data set to standard output" : DisplayText.escape(output)): \(d.classCount) classes, \(d.trainCount) training and \(d.testCount) test samples, \(d.dimension) features\n")
    }

    /// The built-in recipes, one line each: name, classes, training and test samples, what for.
    static func builtinTable() -> String {
        let rows = BuiltinRecipe.allCases.map { b -> [String] in
            let r = b.recipe
            return [b.name, String(r.classes), String(r.classCounts.reduce(0, +)), String(r.classes * r.testPerClass), b.summary]
        }
        let header = ["recipe", "classes", "training", "test", "what for"]
        let widths = (0..<4).map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let name = cells[0] + String(repeating: " ", count: widths[0] - cells[0].count)
            let numbers = (1..<4).map { i in String(repeating: " ", count: widths[i] - cells[i].count) + cells[i] }
            return ([name] + numbers + [cells[4]]).joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
            + "\n\n--dataset NAME uses one from any directory; datasets/NAME.json shows it as a file.\n"
            + BuiltinDataset.allCases.map { b in
                let d = b.load()
                return "Built-in data set (read, not generated): \(b.name), \(d.classCount) classes, \(d.trainCount) training and "
                    + "\(d.testCount) test samples (\(b.provenance.license)); datasets/\(b.name).csv is the same data.\n"
            }.joined()
    }
}
