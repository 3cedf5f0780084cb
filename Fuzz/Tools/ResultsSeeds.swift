import Foundation
import NormscopeEngine

/// Writes the Results harness's seed files: what `normscope run` writes for a tiny experiment, stage 1 only
/// and with stage 2 (run by hand when the results format changes: see Fuzz/README.md).
@main
struct ResultsSeeds {
    static func main() throws {
        let out = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Fuzz/Corpus/Results"
        let recipe = DatasetRecipe(name: "seed", classes: 4, dimension: 3, maxPerClass: 20, imbalance: 10,
                                   testPerClass: 2, modesPerClass: 1, latentDimension: 2, noise: 0.5)
        let experiment = Experiment(recipe: recipe, config: TrainingConfig(hidden: [4], epochs: 3))
        let stage1 = experiment.run(threads: 1, timings: false)
        try stage1.encoded().write(to: URL(fileURLWithPath: out + "/stage1.json"))
        let both = experiment.run(threads: 1, timings: false, stage2: Stage2Config(epochs: 2))
        try both.encoded().write(to: URL(fileURLWithPath: out + "/stage2.json"))
    }
}
