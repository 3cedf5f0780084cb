import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope dataset`: writes the generated (or loaded) data set as CSV, or a recipe as JSON.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Write the experiment's data set as CSV (label, split, features) for other tools, or its recipe as JSON.",
        discussion: """
        The CSV can be trained on again with 'normscope run --dataset FILE.csv'. See datasets/README.md. \
        The output must be a regular file or a new path, not the --dataset file (a symbolic link is followed \
        and its target replaced, atomically); -o - writes the CSV to standard output.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (.csv for data, .json for the recipe); - for CSV on standard output.", valueName: "file"))
    var output: String

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file path (or - for standard output)") }
    }

    func run() throws {
        let target = try CommandErrors.wrap {
            try OutputTarget.check(output, inputs: OutputTarget.Input.dataset(experiment.dataset), consequence: "nothing was written")
        }
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        try CommandErrors.wrap {
            if target.isStandardOutput {
                try target.write(Data(DatasetCSV.render(exp.dataset).utf8))
            } else if output.lowercased().hasSuffix(".json") {
                guard let recipe = exp.origin.recipe else {
                    throw NormscopeError.invalidValue("--output \(output): a CSV data set has no recipe; write a .csv file instead")
                }
                try target.replace { path throws(NormscopeError) in try DatasetRecipeFile.save(recipe, to: path) }
            } else {
                try target.replace { path throws(NormscopeError) in try DatasetCSV.write(exp.dataset, to: path) }
            }
        }
        let d = exp.dataset
        StandardError.write("normscope: wrote \(target.isStandardOutput ? "the data set to standard output" : output): \(d.classCount) classes, \(d.trainCount) training and \(d.testCount) test samples, \(d.dimension) features\n")
    }
}
