import NormscopeEngine

extension OutputTarget {
    /// A file a command reads, which its output must never overwrite.
    struct Input: Sendable {
        /// How messages name it, e.g. `the input --dataset d.csv`.
        let name: String
        /// The path that is read.
        let path: String

        /// The data set or recipe file of `--dataset`, or nothing when the flag was not given or names a
        /// built-in recipe.
        static func dataset(_ text: String?) -> [Input] {
            guard let text, let path = DatasetArgument(text).path else { return [] }
            return [Input(name: "the input --dataset \(text)", path: path)]
        }
    }
}
