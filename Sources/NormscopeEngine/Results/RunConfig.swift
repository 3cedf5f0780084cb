/// Everything needed to rerun an experiment exactly, recorded in every results file.
package struct RunConfig: Codable, Equatable, Sendable {
    /// Where the data came from.
    package var dataset: DataOrigin
    /// Stage-1 hyperparameters and seed.
    package var training: TrainingConfig
    /// Stage-1 regimes, in order.
    package var regimes: [Regime]
    /// Stage-2 settings, when stage 2 was run.
    package var stage2: Stage2Config?

    package init(dataset: DataOrigin, training: TrainingConfig, regimes: [Regime], stage2: Stage2Config? = nil) {
        self.dataset = dataset
        self.training = training
        self.regimes = regimes
        self.stage2 = stage2
    }
}

/// The source of a run's data: a generator recipe (regenerated from the seed) or a CSV file.
package struct DataOrigin: Codable, Equatable, Sendable {
    /// The recipe, when the data were generated.
    package var recipe: DatasetRecipe?
    /// The CSV file's path as given (or a built-in data set's name), when the data were not generated.
    package var file: String?
    /// Source, licence and preparation, when the data are a built-in data set (or a copy of its file).
    package var provenance: DataProvenance?
    /// Training and test sample counts and dimension, to check a rerun against.
    var trainSamples: Int
    var testSamples: Int
    package var dimension: Int

    package init(recipe: DatasetRecipe?, file: String?, dataset: Dataset, provenance: DataProvenance? = nil) {
        self.recipe = recipe
        self.file = file
        self.provenance = provenance
        trainSamples = dataset.trainCount
        testSamples = dataset.testCount
        dimension = dataset.dimension
    }
}
