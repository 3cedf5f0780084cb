/// The recipes compiled into the program: `--dataset quick` finds them from any directory.
///
/// Each is the text of a file in `datasets/` (kept there as documentation, and still usable by path),
/// embedded by `scripts/embed-recipes.sh` in `BuiltinRecipe+Files.swift`; a test checks that every file and its
/// embedded copy are the same bytes, and that every file has a case here.
package enum BuiltinRecipe: String, CaseIterable, Sendable {
    case `default` = "default"
    case cifar100LT = "cifar100-lt"
    case cifar10LT = "cifar10-lt"
    case step = "step"
    case quick = "quick"

    /// The name `--dataset` takes (the file's name without `.json`).
    package var name: String { rawValue }

    /// The built-in recipe called `name`, if there is one.
    package static func named(_ name: String) -> BuiltinRecipe? { BuiltinRecipe(rawValue: name) }

    /// What the recipe is for, in one line (`normscope dataset --list`).
    package var summary: String {
        switch self {
        case .default: "what runs without --dataset: CIFAR100-LT's shape (as cifar100-lt)"
        case .cifar100LT: "CIFAR100-LT's shape, as in the paper: 500 down to 5 per class, IF 100"
        case .cifar10LT: "CIFAR10-LT's shape: few classes, many samples each (5000 down to 50)"
        case .step: "the paper's step imbalance: 50 classes of 500, 50 of 50 (IF 10)"
        case .quick: "demos and smoke tests: 20 classes, 16 features, trains in seconds"
        }
    }

    /// The file's text, byte for byte `datasets/NAME.json`.
    package var text: String { Self.fileTexts[rawValue] ?? "" }

    /// The recipe the text describes.
    package var recipe: DatasetRecipe {
        do {
            return try DatasetRecipeFile.parse(text: text, fileName: "\(name) (built-in)")
        } catch {
            preconditionFailure("the built-in recipe \(name) does not parse: \(error)")
        }
    }
}
