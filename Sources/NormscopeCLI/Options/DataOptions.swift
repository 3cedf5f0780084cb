import ArgumentParser
import Foundation
import NormscopeEngine
import NormscopeFlags

/// The flags that choose the data: a built-in recipe or data set, a recipe file or a CSV file, the seed, and the
/// generator's settings. Taken by every command that needs data (`dataset`, and through `ExperimentOptions`
/// the live view, `run` and `bench`).
///
/// Every numeric option is read through its row of `FlagTable` (help, range and message). Numeric options parse
/// `.unconditional`ly: `--seed -1` reads -1 as the value (then refused by the range) instead of taking it
/// for a flag and reporting a missing value.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A built-in recipe such as quick or the built-in data set digits-lt ('normscope dataset --list'), a recipe file (.json) or a CSV file.",
                               valueName: "name|file"))
    var dataset: String?

    @Option(parsing: .unconditional, help: FlagTable.seed.argumentHelp(), transform: FlagTable.seed.transform)
    var seed: UInt64?

    @OptionGroup var counts: SampleCountOptions

    @Option(parsing: .unconditional, help: FlagTable.imbalance.argumentHelp(), transform: FlagTable.imbalance.transform)
    var imbalance: Double?

    @Option(help: FlagTable.profile.argumentHelp(), transform: FlagTable.profile.transform)
    var profile: ImbalanceProfile?

    @Option(name: .customLong("dim"), parsing: .unconditional, help: FlagTable.dimension.argumentHelp(),
            transform: FlagTable.dimension.transform)
    var dimension: Int?

    @Option(parsing: .unconditional, help: FlagTable.noise.argumentHelp(), transform: FlagTable.noise.transform)
    var noise: Double?

    @Option(parsing: .unconditional, help: FlagTable.modes.argumentHelp(), transform: FlagTable.modes.transform)
    var modes: Int?

    /// `--classes` (in `counts`, shared with `reproduce`).
    var classes: Int? {
        get { counts.classes }
        set { counts.classes = newValue }
    }

    init() {}

    func validate() throws {
        if dataset != nil && dataset!.isEmpty { throw ValidationError("--dataset needs a built-in recipe's name or a file path") }
        if let first = recipeOverrides(DatasetRecipe.default).validationErrors().first {
            throw ValidationError(FlagName.error(first).description)
        }
    }

    /// What the flags choose: a recipe (data flags applied, its seed resolved) or a data set read from a file.
    enum Choice {
        /// Generate from `recipe` with `seed`. A recipe that records a seed records `seed`.
        case recipe(DatasetRecipe, seed: UInt64)
        /// Train on `dataset`, read from `path` (a file, or a built-in data set's name), with the built-in data
        /// set's provenance when it is one (however named).
        case file(Dataset, path: String, provenance: DataProvenance?)
    }

    /// Loads the `--dataset` file (if any) and applies the data flags; throws naming the flag or the file.
    /// The seed is `--seed`, else the one the recipe file records, else 0.
    func choice() throws -> Choice {
        guard let text = dataset else { return .recipe(try valid(recipeOverrides(.default)), seed: seed ?? 0) }
        let (source, provenance) = try DatasetArgument(text).loadWithProvenance()
        switch source {
        case .recipe(let loaded):
            var recipe = try valid(recipeOverrides(loaded))
            let s = seed ?? loaded.seed ?? 0
            if recipe.seed != nil { recipe.seed = s }
            return .recipe(recipe, seed: s)
        case .data(let data):
            if hasRecipeOverrides {
                throw NormscopeError.invalidValue(
                    "--classes, --imbalance, --profile, --max-per-class, --test-per-class, --dim, --noise and --modes shape generated data; they cannot change the CSV file \(text)")
            }
            return .file(data, path: text, provenance: provenance)
        }
    }

    /// The seed of the run without generating anything: `--seed`, else the one a recipe file records, else 0.
    func resolvedSeed() throws -> UInt64 {
        if let seed { return seed }
        guard let text = dataset, let path = DatasetArgument(text).path, !path.lowercased().hasSuffix(".csv") else { return 0 }
        if case .recipe(let r) = try DatasetArgument(text).load() { return r.seed ?? 0 }
        return 0
    }

    /// Whether any flag that changes the generated data was given.
    var hasRecipeOverrides: Bool {
        counts.anyGiven || imbalance != nil || profile != nil || dimension != nil || noise != nil || modes != nil
    }

    /// `recipe` with the data flags applied.
    func recipeOverrides(_ recipe: DatasetRecipe) -> DatasetRecipe {
        var r = recipe
        if let v = classes { r.classes = v }
        if let v = imbalance { r.imbalance = v }
        if let v = profile { r.profile = v }
        if let v = counts.maxPerClass { r.maxPerClass = v }
        if let v = counts.testPerClass { r.testPerClass = v }
        if let v = dimension { r.dimension = v }
        if let v = noise { r.noise = v }
        if let v = modes { r.modesPerClass = v }
        return r
    }

    private func valid(_ r: DatasetRecipe) throws -> DatasetRecipe {
        try FlagName.throwFirst(r.validationErrors())
        return r
    }
}

/// The parsed flags are plain values, copied into the live view's restart closure.
extension DataOptions: Sendable {}
