import Foundation
import NormscopeEngine

extension ExperimentOptions {
    /// The experiment the flags describe: generated from a recipe (the default, a built-in or a file), or
    /// read from a CSV file or a built-in data set (digits-lt); `seed` replaces the run's seed (the live view's restart).
    func makeExperiment(seed: UInt64? = nil) throws -> Experiment {
        var data = self.data
        if let seed { data.seed = seed }
        let regimes = try training.regimeList()
        switch try data.choice() {
        case .recipe(let recipe, let seed):
            let config = try training.trainingConfig(seed: seed)
            try MemoryCheck.check(recipe: recipe, config: config, regimes: regimes.count)
            return Experiment(recipe: recipe, config: config, regimes: regimes)
        case .file(let dataset, let path, let provenance):
            let config = try training.trainingConfig(seed: data.seed ?? 0)
            try MemoryCheck.check(samples: dataset.trainCount + dataset.testCount, dimension: dataset.dimension,
                                  classes: dataset.classCount, config: config, regimes: regimes.count, dataFromFile: true)
            return Experiment(dataset: dataset, origin: DataOrigin(recipe: nil, file: path, dataset: dataset, provenance: provenance),
                              config: config, regimes: regimes)
        }
    }
}
