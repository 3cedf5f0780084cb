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
}
