/// Where a run's data comes from: a generator recipe, or a data set read from a CSV file.
package enum DatasetSource: Equatable, Sendable {
    /// Generate the data from a recipe (`datasets/*.json`).
    case recipe(DatasetRecipe)
    /// Use this data set as it is (read from CSV).
    case data(Dataset)

    /// The recipe's or data set's name.
    package var name: String {
        switch self {
        case .recipe(let recipe): return recipe.name
        case .data(let dataset): return dataset.name
        }
    }

    /// Loads the file at `path`: a `.json` file is a recipe, a `.csv` file is data; for other names the
    /// content decides (a JSON object is a recipe, other text is CSV, anything else is refused).
    package static func load(path: String) throws(NormscopeError) -> DatasetSource {
        let ext = fileExtension(path)
        if ext == "json" { return .recipe(try DatasetRecipeFile.load(path: path)) }
        if ext == "csv" { return .data(try DatasetCSV.read(path: path)) }
        let bytes = try FileBytes.read(path: path, limit: DatasetCSV.maxFileBytes, what: "CSV or recipe JSON")
        let isText = bytes.withUnsafeBufferPointer { TextCheck.firstProblem(in: $0) == nil }
        guard isText else {
            throw .badFile("\(path): neither a recipe nor CSV data (the file is not text)"
                + " — name a recipe .json file (see datasets/) or a .csv file with a label,split,... header")
        }
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if first == 0x7B {
            if bytes.count > DatasetRecipeFile.maxFileBytes {
                throw FileBytes.tooLarge(path: path, size: bytes.count, limit: DatasetRecipeFile.maxFileBytes,
                                         what: "recipe JSON")
            }
            return .recipe(try DatasetRecipeFile.parse(bytes: bytes, fileName: path))
        }
        return .data(try DatasetCSV.parse(bytes: bytes, fileName: path))
    }

    /// The lower-cased extension of the last path component, or "".
    static func fileExtension(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }
}
