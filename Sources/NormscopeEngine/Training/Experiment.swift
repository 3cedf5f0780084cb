/// A stage-1 experiment: one data set, one config, several regimes trained from the same initial weights.
public struct Experiment: Sendable {
    public let dataset: Dataset
    public let origin: DataOrigin
    public let config: TrainingConfig
    public let regimes: [Regime]

    public init(dataset: Dataset, origin: DataOrigin, config: TrainingConfig, regimes: [Regime] = Regime.all) {
        self.dataset = dataset
        self.origin = origin
        self.config = config
        self.regimes = regimes
    }

    /// The experiment on the data of `recipe`, generated from the config's seed.
    public init(recipe: DatasetRecipe, config: TrainingConfig, regimes: [Regime] = Regime.all) {
        let data = SyntheticGenerator.generate(recipe, seed: config.seed)
        self.init(dataset: data, origin: DataOrigin(recipe: recipe, file: nil, dataset: data), config: config,
                  regimes: regimes)
    }

    /// One trainer per regime, all starting from the same initial network.
    public func makeTrainers(data: TrainingData) -> [RegimeTrainer] {
        regimes.map { RegimeTrainer(regime: $0, config: config, data: data) }
    }

    /// The configuration recorded in results.
    public var runConfig: RunConfig { RunConfig(dataset: origin, training: config, regimes: regimes.map(\.name)) }

    /// Trains every regime on `threads` threads. `progress` is called (on the calling thread) whenever an epoch
    /// finishes; `shouldStop` is polled a few times a second and, when true, stops after the epochs under way
    /// and returns what was trained so far with `interrupted` set.
    public func run(threads: Int, timings: Bool = true,
                    progress: ([RegimeHistory]) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) -> ResultsFile {
        let data = TrainingData(dataset)
        let session = TrainingSession(trainers: makeTrainers(data: data), threads: threads)
        session.start()
        var seen: UInt64 = 0
        var interrupted = false
        while !session.isFinished {
            if shouldStop() { interrupted = true; break }
            let v = session.waitForChange(after: seen, timeout: 0.1)
            if v != seen { seen = v; progress(session.snapshot()) }
        }
        session.cancel()
        var histories = session.snapshot()
        if !timings { for i in histories.indices { histories[i].seconds = 0 } }
        progress(histories)
        return ResultsFile(config: runConfig, classCounts: dataset.classCounts, classLabels: dataset.labels,
                           regimes: histories, interrupted: interrupted && histories.contains {
                               $0.diverged == nil && $0.epochsDone < config.epochs })
    }
}
