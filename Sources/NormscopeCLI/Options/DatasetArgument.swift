import Foundation
import NormscopeEngine

/// What `--dataset` names: a built-in recipe, a built-in data set or a file.
///
/// A bare name of a built-in recipe (`quick`, `cifar10-lt`; `normscope dataset --list`) is that recipe, and a
/// bare name of a built-in data set (`digits-lt`) is those data, from any directory; anything else is a path,
/// to a recipe (`.json`, such as `datasets/quick.json`) or a CSV file (such as `datasets/digits-lt.csv`).
enum DatasetArgument: Equatable {
    case builtin(BuiltinRecipe)
    case builtinData(BuiltinDataset)
    case file(String)

    init(_ text: String) {
        if !text.contains("/"), let builtin = BuiltinRecipe.named(text) {
            self = .builtin(builtin)
        } else if !text.contains("/"), let data = BuiltinDataset.named(text) {
            self = .builtinData(data)
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
    /// file nor a built-in recipe or data set, listing the built-in ones.
    func load() throws(NormscopeError) -> DatasetSource {
        try loadWithProvenance().source
    }

    /// The recipe or data set, and the provenance of data that are a built-in data set (by name, or a copy of
    /// its file); throws as `load()`.
    func loadWithProvenance() throws(NormscopeError) -> (source: DatasetSource, provenance: DataProvenance?) {
        switch self {
        case .builtin(let builtin):
            return (.recipe(builtin.recipe), nil)
        case .builtinData(let builtin):
            return (.data(builtin.load()), builtin.provenance)
        case .file(let path):
            if !path.contains("/") && !path.contains(".") && !FileManager.default.fileExists(atPath: path) {
                let names = BuiltinRecipe.allCases.map(\.name).joined(separator: ", ")
                let data = BuiltinDataset.allCases.map(\.name).joined(separator: ", ")
                throw .badFile("\(path): no such file, no built-in recipe of that name (\(names))"
                    + " and no built-in data set of that name (\(data))"
                    + " — give a built-in recipe's or data set's name or the path of a recipe (.json) or CSV file")
            }
            let source = try DatasetSource.load(path: path)
            if case .data(let data) = source, let builtin = BuiltinDataset.matching(data) {
                return (source, builtin.provenance)
            }
            return (source, nil)
        }
    }
}
