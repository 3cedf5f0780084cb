import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope dataset`: writes the generated (or loaded) data set as CSV, or a recipe as JSON.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Write the experiment's data set as CSV (label, split, features) for other tools, or its recipe as JSON.",
        discussion: "The CSV can be trained on again with 'normscope run --dataset FILE.csv'. See datasets/README.md."
    )

    @OptionGroup var experiment: ExperimentOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (.csv for data, .json for the recipe).", valueName: "file"))
    var output: String

    func run() throws {
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        try CommandErrors.wrap {
            if output.lowercased().hasSuffix(".json") {
                guard let recipe = exp.origin.recipe else {
                    throw NormscopeError.invalidValue("--output \(output): a CSV data set has no recipe; write a .csv file instead")
                }
                try DatasetRecipeFile.save(recipe, to: output)
            } else {
                try DatasetCSV.write(exp.dataset, to: output)
            }
        }
        let d = exp.dataset
        StandardError.write("normscope: wrote \(output): \(d.classCount) classes, \(d.trainCount) training and \(d.testCount) test samples, \(d.dimension) features\n")
    }
}
