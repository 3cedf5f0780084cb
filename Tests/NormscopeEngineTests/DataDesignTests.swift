import Testing
@testable import NormscopeEngine

/// The synthetic data are built so that features must be learned: a linear model on the raw inputs does
/// clearly worse than the MLP.
struct DataDesignTests {
    func accuracy(hidden: [Int], recipe: DatasetRecipe) -> Double {
        let config = TrainingConfig(hidden: hidden.isEmpty ? [1] : hidden, learningRate: 0.05, epochs: 25, seed: 2)
        let data = TrainingData(SyntheticGenerator.generate(recipe, seed: 2))
        var rng = SplitMix64(seed: 2, stream: "init")
        let net = Network(sizes: [data.dimension] + hidden + [data.classCount], maxBatch: 256, rng: &rng)
        let t = RegimeTrainer(plan: TrainingPlan(regime: .naive, config: config), data: data, network: net)
        while !t.isFinished { t.runEpoch() }
        return t.history.accuracy.all
    }

    @Test func linearModelOnRawInputsDoesClearlyWorseThanTheMLP() {
        let recipe = DatasetRecipe(name: "balanced", classes: 20, dimension: 32, maxPerClass: 150, imbalance: 1,
                                   testPerClass: 50)
        let linear = accuracy(hidden: [], recipe: recipe)
        let mlp = accuracy(hidden: [128, 128, 64], recipe: recipe)
        #expect(mlp > linear + 10, "MLP \(mlp)% vs linear \(linear)%")
    }
}
