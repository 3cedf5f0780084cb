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
        let (source, provenance) = try Self.loadDataset(path)
        switch source {
        case .recipe(let recipe):
            return Experiment(recipe: try fitting(validRecipe(recipeOverrides(recipe)), config, regimes), config: config, regimes: regimes)
        case .data(let data):
            if hasRecipeOverrides {
                throw NormscopeError.invalidValue(
                    "--classes, --imbalance, --profile, --max-per-class, --test-per-class, --dim, --noise and --modes shape generated data; they cannot change the CSV file \(path)")
            }
            try MemoryCheck.check(samples: data.trainCount + data.testCount, dimension: data.dimension,
                                  classes: data.classCount, config: config, regimes: regimes.count, dataFromFile: true)
            return Experiment(dataset: data, origin: DataOrigin(recipe: nil, file: path, dataset: data, provenance: provenance),
                              config: config, regimes: regimes)
        }
    }

    /// What `--dataset` names: a file; a bare name such as `quick` is `datasets/quick.json` when no file of that
    /// name exists, else a built-in data set such as `digits-lt` (embedded: it works from any directory).
    /// Data that are a built-in data set, however named, come with its provenance.
    static func loadDataset(_ path: String) throws -> (source: DatasetSource, provenance: DataProvenance?) {
        let resolved = resolveDatasetPath(path)
        if !FileManager.default.fileExists(atPath: resolved) && !path.contains("/") && !path.contains(".") {
            if let builtin = BuiltinDataset.named(path) { return (.data(builtin.load()), builtin.provenance) }
            let names = BuiltinDataset.allCases.map(\.name).joined(separator: ", ")
            throw NormscopeError.badFile(
                "\(path): no such file, no recipe datasets/\(path).json in this directory, and no built-in data set of that name (\(names)) — give the path of a recipe (.json) or CSV file")
        }
        let source = try DatasetSource.load(path: resolved)
        if case .data(let data) = source, let builtin = BuiltinDataset.matching(data) {
            return (source, builtin.provenance)
        }
        return (source, nil)
    }

    /// A bare recipe name such as `quick` means `datasets/quick.json` when no file of that name exists.
    static func resolveDatasetPath(_ path: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) || path.contains("/") { return path }
        let candidate = "datasets/\(path).json"
        return fm.fileExists(atPath: candidate) ? candidate : path
    }

    /// `recipe`, if its data and the networks fit in memory (checked before anything is generated).
    private func fitting(_ recipe: DatasetRecipe, _ config: TrainingConfig, _ regimes: [Regime]) throws -> DatasetRecipe {
        let samples = recipe.classCounts.reduce(0, +) + recipe.classes * recipe.testPerClass
        try MemoryCheck.check(samples: samples, dimension: recipe.dimension, classes: recipe.classes, config: config,
                              regimes: regimes.count, dataFromFile: false)
        return recipe
    }

    private func validRecipe(_ r: DatasetRecipe) throws -> DatasetRecipe {
        if let first = r.validationErrors().first {
            throw NormscopeError.invalidValue(Self.flagName(forRecipeError: first))
        }
        return r
    }
}
