import NormscopeEngine

extension MemoryCheck {
    /// Throws `invalidValue` when a reproduction cannot fit in `budget`, before any data is made.
    ///
    /// A reproduction keeps the data of every (imbalance factor, seed) and one validation split per factor
    /// while it trains (`Reproduction.run`), and at most every network of a phase at once: the search
    /// candidates and the naive models, or the wd models with their stage-2 variants. Data read from a file
    /// is already in memory; each factor's thinned copy is counted at the file's size.
    static func check(reproduce config: ReproduceConfig, budget: Double = MemoryCheck.budget) throws(NormscopeError) {
        let seeds = Double(config.seeds.count), factors = config.imbalances.count
        var samples = 0.0, dimension: Int, classes: Int, generator = 0.0
        if let d = config.data {
            dimension = d.dimension
            classes = d.classCount
            samples = Double(d.trainCount + d.testCount) * Double(factors) * (seeds + 1)
        } else {
            dimension = config.recipe.dimension
            classes = config.recipe.classes
            generator = generatorBytes(config.recipe)
            for f in config.imbalances { samples += Double(Self.samples(config.recipe(imbalance: f))) * (seeds + 1) }
        }
        let searched = config.weightDecay == nil ? config.weightDecayGrid.count : 1
        let retrained = config.stage2.variants.filter { !$0.isPostHoc }.count
        let perFactor = max(searched + config.seeds.count, config.seeds.count * (1 + retrained))
        // `check` takes whole samples: past Int's range the data alone is refused anyway.
        try check(samples: Int(min(samples, Double(Int.max / 2))), dimension: dimension, classes: classes,
                  config: config.training, regimes: factors * perFactor, dataFromFile: config.data != nil,
                  generator: generator, budget: budget)
    }
}
