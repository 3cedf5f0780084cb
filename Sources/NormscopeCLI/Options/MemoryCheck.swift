import Foundation
import NormscopeEngine

/// Refuses experiments that cannot fit in memory, before anything is allocated: every size flag is in
/// range on its own, but `--classes 10000 --max-per-class 100000 --dim 4096` together would need
/// terabytes, and the allocation would kill the process instead of giving an error.
enum MemoryCheck {
    /// Bytes held by a data set of `samples` samples of `dimension` features (the data set and the
    /// training copy of its features, plus labels).
    static func dataBytes(samples: Int, dimension: Int) -> Double {
        Double(samples) * (Double(dimension) * 4 * 2 + 16)
    }

    /// Bytes held by one network of layer `sizes` for batches of up to `maxBatch` (parameters, gradients
    /// and momentum; activations; two back-propagation buffers; with `batchNorm`, each hidden unit's scale
    /// and shift with their gradients and momentum, running statistics, and the normalized activations).
    static func networkBytes(sizes: [Int], maxBatch: Int, batchNorm: Bool = false) -> Double {
        var params = 0.0
        for (a, b) in zip(sizes, sizes.dropFirst()) { params += Double(a) * Double(b) + Double(b) }
        let widest = Double(sizes.max() ?? 0)
        let activations = Double(maxBatch) * Double(sizes.reduce(0, +))
        let deltas = 2 * Double(maxBatch) * widest
        var bytes = 4 * (3 * params + activations + deltas + widest * widest)
        if batchNorm && sizes.count > 2 {
            let hidden = Double(sizes.dropFirst().dropLast().reduce(0, +))
            bytes += 4 * (3 * 2 * hidden + 2 * hidden + (Double(maxBatch) + 1) * hidden + 2 * widest)
        }
        return bytes
    }

    /// Bytes the generator holds while it makes a recipe's data (as Doubles): every class's mode centres
    /// (classes × modes × latent dimension) and the fixed warp from the latent space to the features
    /// (A: width × latent, its bias, B: dimension × width, width = max(dimension, latent)). A recipe with many
    /// classes, many modes and a large latent dimension needs gigabytes here and little anywhere else.
    static func generatorBytes(_ recipe: DatasetRecipe) -> Double {
        let (c, m, l, d) = (Double(recipe.classes), Double(recipe.modesPerClass), Double(recipe.latentDimension),
                            Double(recipe.dimension))
        let width = max(d, l)
        return 8 * (c * m * l + width * l + width + d * width)
    }

    /// Samples a recipe generates: its training counts and the balanced test set.
    static func samples(_ recipe: DatasetRecipe) -> Int {
        recipe.classCounts.reduce(0, +) + recipe.classes * recipe.testPerClass
    }

    /// Throws `invalidValue` when generating `recipe` and training `regimes` networks of `config` on it
    /// exceed `budget`: `check(samples:...)` with the generator's own memory counted with the data.
    static func check(recipe: DatasetRecipe, config: TrainingConfig, regimes: Int,
                      budget: Double = MemoryCheck.budget) throws(NormscopeError) {
        try check(samples: samples(recipe), dimension: recipe.dimension, classes: recipe.classes, config: config,
                  regimes: regimes, dataFromFile: false, generator: generatorBytes(recipe), budget: budget)
    }

    /// The memory an experiment may use: three quarters of the machine's.
    static var budget: Double { Double(ProcessInfo.processInfo.physicalMemory) * 0.75 }

    /// Throws `invalidValue` naming the flags to reduce when data (with `generator`, the bytes the data's
    /// generator holds) and networks together exceed `budget`.
    static func check(samples: Int, dimension: Int, classes: Int, config: TrainingConfig, regimes: Int,
                      dataFromFile: Bool, generator: Double = 0, budget: Double = MemoryCheck.budget) throws(NormscopeError) {
        let data = dataBytes(samples: samples, dimension: dimension) + generator
        let sizes = [dimension] + config.hidden + [classes]
        let nets = Double(regimes) * networkBytes(sizes: sizes, maxBatch: max(config.batchSize, TrainingData.evaluationBatch),
                                                  batchNorm: config.batchNorm == true)
        guard data + nets > budget else { return }
        let fix = dataFromFile
            ? "reduce --hidden or --batch-size"
            : data <= nets ? "reduce --hidden or --batch-size"
            : generator * 2 > data ? "reduce --classes, --modes or the recipe's latentDimension (the mode centres)"
            : "reduce --max-per-class, --test-per-class, --classes or --dim"
        let generatorPart = generator * 10 > data ? " (of which the generator's mode centres and warp \(format(generator)))" : ""
        let networkPart = regimes == 0 ? "" : ", \(regimes) network\(regimes == 1 ? "" : "s") \(format(nets))"
        throw .invalidValue("this experiment needs about \(format(data + nets)) of memory (data \(format(data))\(generatorPart)\(networkPart)), more than the \(format(budget)) available; \(fix)")
    }

    static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var v = bytes, i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(Int(v)) bytes" : String(format: "%.1f %@", v, units[i])
    }
}
