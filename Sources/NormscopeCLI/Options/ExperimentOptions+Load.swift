import Foundation
import NormscopeEngine

extension ExperimentOptions {
    /// The experiment the flags describe: generated from the default recipe, a recipe file, or a CSV file.
    func makeExperiment() throws -> Experiment {
        let config = try trainingConfig()
        let regimes = try regimeList()
        guard let path = dataset else {
            return Experiment(recipe: try fitting(validRecipe(recipeOverrides(.default)), config, regimes), config: config, regimes: regimes)
        }
        switch try DatasetArgument(path).load() {
        case .recipe(let recipe):
            return Experiment(recipe: try fitting(validRecipe(recipeOverrides(recipe)), config, regimes), config: config, regimes: regimes)
        case .data(let data):
            if hasRecipeOverrides {
                throw NormscopeError.invalidValue(
                    "--classes, --imbalance, --profile, --max-per-class, --test-per-class, --dim, --noise and --modes shape generated data; they cannot change the CSV file \(path)")
            }
            try MemoryCheck.check(samples: data.trainCount + data.testCount, dimension: data.dimension,
                                  classes: data.classCount, config: config, regimes: regimes.count, dataFromFile: true)
            return Experiment(dataset: data, origin: DataOrigin(recipe: nil, file: path, dataset: data),
                              config: config, regimes: regimes)
        }
    }

    /// `recipe`, if its data and the networks fit in memory (checked before anything is generated).
    private func fitting(_ recipe: DatasetRecipe, _ config: TrainingConfig, _ regimes: [Regime]) throws -> DatasetRecipe {
        let samples = recipe.classCounts.reduce(0, +) + recipe.classes * recipe.testPerClass
        try MemoryCheck.check(samples: samples, dimension: recipe.dimension, classes: recipe.classes, config: config,
                              regimes: regimes.count, dataFromFile: false)
        return recipe
    }

    private func validRecipe(_ r: DatasetRecipe) throws -> DatasetRecipe {
        try FlagName.throwFirst(r.validationErrors())
        return r
    }
}
