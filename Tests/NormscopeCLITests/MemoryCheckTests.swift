@testable import NormscopeCLI
import NormscopeEngine
import Testing

/// The memory estimate that refuses experiments too large to allocate, before anything is allocated.
struct MemoryCheckTests {
    @Test("BatchNorm's buffers count: scale, shift, their gradients and momentum, statistics, normalized activations")
    func batchNormBuffersCount() {
        let sizes = [64, 128, 32, 100], batch = 256
        let plain = MemoryCheck.networkBytes(sizes: sizes, maxBatch: batch)
        let normalized = MemoryCheck.networkBytes(sizes: sizes, maxBatch: batch, batchNorm: true)
        let hidden = 128.0 + 32
        #expect(normalized - plain == 4 * (8 * hidden + (Double(batch) + 1) * hidden + 2 * 128))
        #expect(MemoryCheck.networkBytes(sizes: [64, 100], maxBatch: batch, batchNorm: true)
                 == MemoryCheck.networkBytes(sizes: [64, 100], maxBatch: batch), "no hidden layer, nothing to normalize")
    }

    @Test("a budget between the two estimates refuses the BatchNorm run only, naming the flags to reduce")
    func batchNormCanTipTheBudget() throws {
        var config = TrainingConfig(hidden: [4096, 4096], batchSize: 4096)
        let sizes = [64] + config.hidden + [10]
        let batch = max(config.batchSize, TrainingData.evaluationBatch)
        let data = MemoryCheck.dataBytes(samples: 1_000, dimension: 64)
        let plain = data + 5 * MemoryCheck.networkBytes(sizes: sizes, maxBatch: batch)
        let normalized = data + 5 * MemoryCheck.networkBytes(sizes: sizes, maxBatch: batch, batchNorm: true)
        let budget = (plain + normalized) / 2
        try MemoryCheck.check(samples: 1_000, dimension: 64, classes: 10, config: config, regimes: 5,
                              dataFromFile: false, budget: budget)
        config.batchNorm = true
        #expect {
            try MemoryCheck.check(samples: 1_000, dimension: 64, classes: 10, config: config, regimes: 5,
                                  dataFromFile: false, budget: budget)
        } throws: { error in
            "\(error)".contains("--hidden")
        }
    }

    @Test("with no networks (the dataset command) the message counts the data alone")
    func noNetworksNoNetworkPart() {
        #expect {
            try MemoryCheck.check(samples: 1_000_000, dimension: 4096, classes: 10, config: TrainingConfig(),
                                  regimes: 0, dataFromFile: false, budget: 1_000)
        } throws: { error in
            let text = "\(error)"
            return text.contains("(data ") && !text.contains("network") && text.contains("--max-per-class")
        }
        #expect {
            try MemoryCheck.check(samples: 1_000_000, dimension: 4096, classes: 10, config: TrainingConfig(),
                                  regimes: 1, dataFromFile: false, budget: 1_000)
        } throws: { error in
            "\(error)".contains(", 1 network ")
        }
    }

    /// Many classes, many modes, a large latent space: little data and small networks, gigabytes of mode centres.
    static let manyModes = DatasetRecipe(name: "modes", classes: 10_000, dimension: 1, maxPerClass: 1, imbalance: 1,
                                         testPerClass: 1, modesPerClass: 64, latentDimension: 4096, noise: 0.1)

    @Test("the generator's mode centres and warp count: classes × modes × latent dimension, as Doubles")
    func modeCentresCount() {
        let r = Self.manyModes
        let centres: Double = 10_000 * 64 * 4096, warp: Double = 4096 * 4096 + 4096 + 4096
        #expect(MemoryCheck.generatorBytes(r) == 8 * (centres + warp))
        #expect(MemoryCheck.generatorBytes(r) > 20e9, "about 21 GB of centres")
    }

    @Test("a recipe whose mode centres do not fit is refused up front in one line naming what to reduce")
    func manyModesRefused() throws {
        let r = Self.manyModes, config = TrainingConfig(hidden: [8], epochs: 1)
        let samples = MemoryCheck.samples(r)
        // The data and the networks alone fit in 4 GB: without the centres this recipe was accepted.
        try MemoryCheck.check(samples: samples, dimension: 1, classes: r.classes, config: config, regimes: 5,
                              dataFromFile: false, budget: 4e9)
        #expect {
            try MemoryCheck.check(recipe: r, config: config, regimes: 5, budget: 8e9)
        } throws: { error in
            let text = "\(error)"
            return text.contains("--modes") && text.contains("latentDimension") && !text.contains("\n")
        }
        #expect(throws: Never.self) { try MemoryCheck.check(recipe: .default, config: config, regimes: 5, budget: 1e9) }
    }

    @Test("reproduce is checked too: every seed's data and each phase's networks; the default fits in 4 GB")
    func reproduceChecked() throws {
        let defaults = try ReproduceCommand.parse([]).makeConfig()
        try MemoryCheck.check(reproduce: defaults, budget: 4e9)
        let huge = try ReproduceCommand.parse(["--classes", "10000", "--max-per-class", "100000", "--test-per-class", "100000"])
            .makeConfig()
        #expect {
            try MemoryCheck.check(reproduce: huge, budget: 64e9)
        } throws: { error in
            "\(error)".contains("more than the") && "\(error)".contains("--max-per-class")
        }
    }
}
