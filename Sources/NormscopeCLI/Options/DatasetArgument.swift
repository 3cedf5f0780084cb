import Foundation
import NormscopeEngine

/// What `--dataset` names: a built-in recipe or a file.
///
/// A bare name of a built-in recipe (`quick`, `cifar10-lt`; `normscope dataset --list`) is that recipe, from
/// any directory; anything else is a path, to a recipe (`.json`, such as `datasets/quick.json`) or a CSV file.
enum DatasetArgument: Equatable {
    case builtin(BuiltinRecipe)
    case file(String)

    init(_ text: String) {
        if !text.contains("/"), let builtin = BuiltinRecipe.named(text) {
            self = .builtin(builtin)
        } else {
            self = .file(text)
        }
    }

    /// The file that is read, if any (what an output must never overwrite).
    var path: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    /// The recipe or data set; throws `badFile` naming the file, or, for a bare name that is neither a
    /// file nor a built-in recipe, listing the built-in ones.
    func load() throws(NormscopeError) -> DatasetSource {
        switch self {
        case .builtin(let builtin):
            return .recipe(builtin.recipe)
        case .file(let path):
            if !path.contains("/") && !path.contains(".") && !FileManager.default.fileExists(atPath: path) {
                let names = BuiltinRecipe.allCases.map(\.name).joined(separator: ", ")
                throw .badFile("\(path): no such file, and no built-in recipe of that name (\(names))"
                    + " — give a built-in recipe's name or the path of a recipe (.json) or CSV file")
            }
            return try DatasetSource.load(path: path)
        }
    }
}
