/// Everything `normscope reproduce` does: the data, the seeds, stage 1 and its weight-decay search, stage 2.
package struct ReproduceConfig: Codable, Equatable, Sendable {
    /// The synthetic data's recipe; its imbalance factor is replaced by each of `imbalances`.
    package var recipe: DatasetRecipe
    /// Imbalance factors, one table column group each (the paper: 100, 50, 10).
    package var imbalances: [Double]
    /// Seeds of data, initial weights and batch order; the table gives mean and spread over them.
    package var seeds: [UInt64]
    /// Stage-1 settings; its `weightDecay` is replaced by the chosen one for the `wd` model.
    package var training: TrainingConfig
    /// A fixed stage-1 weight decay, or nil to choose it from `weightDecayGrid` on the validation split.
    package var weightDecay: Double?
    /// Candidate stage-1 weight decays.
    package var weightDecayGrid: [Double]
    /// A fixed tau of the post-hoc tau-normalization, or nil to choose it from `tauGrid` on the validation split.
    package var tau: Double?
    /// Candidate taus.
    package var tauGrid: [Double]
    /// Share of each class's training samples held out for the search (never the test set).
    package var validationFraction: Double
    /// Stage-2 settings (its `tau` is replaced by the chosen one; bases are always `wd`).
    package var stage2: Stage2Config
    /// Data read from a file or built in, used instead of `recipe`: each imbalance factor thins its training
    /// part (`Dataset.resampled`), each seed choosing other samples. Not encoded; `dataOrigin` records it.
    package var data: Dataset?
    /// Where `data` came from (file, provenance, sizes), as results record it; nil for generated data.
    package var dataOrigin: DataOrigin?

    enum CodingKeys: String, CodingKey {
        case recipe, imbalances, seeds, training, weightDecay, weightDecayGrid, tau, tauGrid, validationFraction, stage2
        case dataOrigin
    }

    package init(recipe: DatasetRecipe = .cifar100LTAnalogue, imbalances: [Double] = [100, 50, 10],
                seeds: [UInt64] = [0, 1, 2], training: TrainingConfig = ReproduceConfig.defaultTraining,
                weightDecay: Double? = nil, weightDecayGrid: [Double] = ReproduceConfig.defaultWeightDecayGrid,
                tau: Double? = nil, tauGrid: [Double] = ReproduceConfig.defaultTauGrid,
                validationFraction: Double = 0.2, stage2: Stage2Config = Stage2Config(),
                data: Dataset? = nil, dataOrigin: DataOrigin? = nil) {
        self.recipe = recipe
        self.imbalances = imbalances
        self.seeds = seeds
        self.training = training
        self.weightDecay = weightDecay
        self.weightDecayGrid = weightDecayGrid
        self.tau = tau
        self.tauGrid = tauGrid
        self.validationFraction = validationFraction
        self.stage2 = stage2
        self.data = data
        self.dataOrigin = dataOrigin
    }

    /// Stage 1 as `normscope run` trains it by default.
    package static let defaultTraining = TrainingConfig(epochs: 100)
    /// Candidate stage-1 weight decays (the paper's 5e-3 among them).
    package static let defaultWeightDecayGrid: [Double] = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3]
    /// Candidate taus: 0 (no change) to 2 in steps of 0.1 (1 is L2; the official demo uses 1.9).
    package static let defaultTauGrid: [Double] = (0...20).map { Double($0) / 10 }

    /// Whether the search on the validation split is needed (weight decay or tau not fixed).
    var needsSearch: Bool { weightDecay == nil || tau == nil }
    /// The weight decays tried on the validation split.
    var searchedWeightDecays: [Double] { weightDecay.map { [$0] } ?? weightDecayGrid }

    /// The data of imbalance factor `imbalance` and seed `seed`: generated from the recipe, or `data` thinned.
    package func dataset(imbalance: Double, seed: UInt64) -> Dataset {
        if let d = data { return d.resampled(imbalance: imbalance, seed: seed) }
        return SyntheticGenerator.generate(recipe(imbalance: imbalance), seed: seed)
    }

    /// The recipe at imbalance factor `imbalance`, named after it.
    package func recipe(imbalance: Double) -> DatasetRecipe {
        var r = recipe
        r.imbalance = imbalance
        r.name = "\(recipe.name)-if\(ReproduceReport.format(imbalance))"
        return r
    }

    /// Problems with the settings, each naming the setting and its valid range; empty when valid.
    package func validationErrors() -> [ConfigProblem] {
        var e: [ConfigProblem] = []
        if imbalances.isEmpty { e.append(ConfigProblem(.imbalances, .empty(entry: "imbalance factor"))) }
        e.checkEach(.imbalances, imbalances, entry: "factor")
        if let f = firstRepeat(imbalances) {
            e.append(ConfigProblem(.imbalances, .repeated(entry: "factor", value: ReproduceReport.format(f))))
        }
        if seeds.isEmpty { e.append(ConfigProblem(.seeds, .empty(entry: "seed"))) }
        if let s = firstRepeat(seeds) { e.append(ConfigProblem(.seeds, .repeated(entry: "seed", value: "\(s)"))) }
        if weightDecay == nil, let w = firstRepeat(weightDecayGrid) {
            e.append(ConfigProblem(.weightDecayGrid, .repeated(entry: "value", value: "\(w)")))
        }
        if tau == nil, let t = firstRepeat(tauGrid) { e.append(ConfigProblem(.tauGrid, .repeated(entry: "value", value: "\(t)"))) }
        if let d = data {
            // Read data: each factor (in range) must leave every class enough samples to thin from.
            for f in imbalances where ConfigSetting.imbalances.range?.contains(f) ?? true {
                if let p = d.resampleProblem(imbalance: f) { e.append(ConfigProblem(.imbalances, .cannotThin(reason: p))) }
            }
        } else {
            // The recipe at every factor: its imbalance is checked above, as --imbalances.
            var r = recipe
            for f in imbalances {
                r.imbalance = f
                for p in r.validationErrors() where p.setting != .imbalance && !e.contains(p) { e.append(p) }
            }
        }
        e += training.validationErrors()
        if let w = weightDecay { e.check(.weightDecay, w) }
        if weightDecay == nil && weightDecayGrid.isEmpty { e.append(ConfigProblem(.weightDecayGrid, .empty(entry: "value"))) }
        e.checkEach(.weightDecayGrid, weightDecayGrid, entry: "value")
        if let t = tau { e.check(.tau, t) }
        if tau == nil && tauGrid.isEmpty { e.append(ConfigProblem(.tauGrid, .empty(entry: "value"))) }
        e.checkEach(.tauGrid, tauGrid, entry: "value")
        e.check(.validationFraction, validationFraction)
        e += stage2.validationErrors()
        return e
    }
}

/// The first value of `values` that appears again later, or nil.
func firstRepeat<T: Hashable>(_ values: [T]) -> T? {
    var seen = Set<T>()
    return values.first { !seen.insert($0).inserted }
}

extension DatasetRecipe {
    /// The synthetic analogue of CIFAR100-LT (`datasets/cifar100-lt.json`): 100 classes, n_max 500,
    /// exponential profile, 100 test samples per class.
    package static let cifar100LTAnalogue: DatasetRecipe = {
        var r = DatasetRecipe.default
        r.name = "cifar100-lt"
        return r
    }()
}
