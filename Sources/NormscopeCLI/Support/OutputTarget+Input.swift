import NormscopeEngine

extension OutputTarget {
    /// A file a command reads, which its output must never overwrite.
    struct Input: Sendable {
        /// How messages name it, e.g. `the input --dataset d.csv`.
        let name: String
        /// The path that is read.
        let path: String

        /// The data set or recipe of `--dataset` (a bare name such as `quick` means `datasets/quick.json`),
        /// or nothing when the flag was not given.
        static func dataset(_ path: String?) -> [Input] {
            guard let path else { return [] }
            return [Input(name: "the input --dataset \(path)", path: ExperimentOptions.resolveDatasetPath(path))]
        }
    }
}
