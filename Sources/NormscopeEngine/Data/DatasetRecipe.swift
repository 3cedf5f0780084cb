/// Every parameter of the synthetic long-tailed data generator; stored as JSON in `datasets/`.
///
/// Each class is a mixture of `modesPerClass` Gaussian blobs in a `latentDimension`-dimensional space whose
/// centres are drawn at random; the input a network sees is a fixed random nonlinear warp of that latent point
/// into `dimension` features. Several modes per class defeat a linear classifier on the raw inputs, and
/// tail classes see too few samples to cover their modes, so the long tail hurts.
package struct DatasetRecipe: Codable, Equatable, Sendable {
    /// A short name shown in the TUI and results.
    package var name: String
    /// Number of classes C.
    package var classes: Int
    /// Input dimension d (number of features).
    package var dimension: Int
    /// Training samples of the most frequent class, n_max.
    package var maxPerClass: Int
    /// Imbalance factor IF = n_max / n_min (>= 1).
    package var imbalance: Double
    /// Exponential or step fall-off.
    package var profile: ImbalanceProfile
    /// Balanced test samples per class.
    package var testPerClass: Int
    /// Gaussian modes per class.
    package var modesPerClass: Int
    /// Dimension of the latent space the modes live in.
    package var latentDimension: Int
    /// Standard deviation of each mode, relative to the spread of mode centres.
    package var noise: Double
    /// The seed the data were generated with, when the recipe records it (a recipe written by
    /// `normscope dataset -o r.json` does, so that it stands for exactly the data written beside it); nil
    /// leaves it to the run. The generator takes its seed as an argument: callers decide what this one means.
    package var seed: UInt64?

    package init(name: String = "default", classes: Int = 100, dimension: Int = 32, maxPerClass: Int = 500,
                imbalance: Double = 100, profile: ImbalanceProfile = .exponential, testPerClass: Int = 100,
                modesPerClass: Int = 3, latentDimension: Int = 16, noise: Double = 0.7, seed: UInt64? = nil) {
        self.name = name
        self.classes = classes
        self.dimension = dimension
        self.maxPerClass = maxPerClass
        self.imbalance = imbalance
        self.profile = profile
        self.testPerClass = testPerClass
        self.modesPerClass = modesPerClass
        self.latentDimension = latentDimension
        self.noise = noise
        self.seed = seed
    }

    /// The built-in default: CIFAR100-LT's shape (100 classes, IF 100, exponential, 10,847 training samples).
    package static let `default` = DatasetRecipe()

    /// Training samples per class, most frequent first.
    package var classCounts: [Int] {
        profile.counts(classes: classes, maxPerClass: maxPerClass, imbalance: imbalance)
    }

    /// Problems with the parameters, each naming the setting and the valid range; empty when valid.
    package func validationErrors() -> [ConfigProblem] {
        var e: [ConfigProblem] = []
        e.check(.classes, classes)
        e.check(.dimension, dimension)
        e.check(.maxPerClass, maxPerClass)
        e.check(.imbalance, imbalance)
        e.check(.testPerClass, testPerClass)
        e.check(.modesPerClass, modesPerClass)
        e.check(.latentDimension, latentDimension)
        e.check(.noise, noise)
        return e
    }
}
