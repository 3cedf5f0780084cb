/// Data sets that ship inside the program, so `--dataset NAME` finds them from any directory.
///
/// Each is a CSV data set (see datasets/README.md) embedded as one string literal, generated together with its
/// copy in `datasets/` by a script kept in the repository; a test checks the two are the same bytes.
package enum BuiltinDataset: String, CaseIterable, Sendable {
    /// The UCI handwritten digits, made long-tailed (IF 20) with a balanced test split: `datasets/digits-lt.csv`.
    case digitsLT = "digits-lt"

    /// The name `--dataset` takes.
    package var name: String { rawValue }

    /// The built-in data set called `name`, if there is one.
    package static func named(_ name: String) -> BuiltinDataset? { BuiltinDataset(rawValue: name) }

    /// The CSV text, byte for byte the file in `datasets/`.
    package var csv: String {
        switch self {
        case .digitsLT: return Self.digitsLTCSV
        }
    }

    /// The data set, named after it (parsed once per process).
    package func load() -> Dataset {
        switch self {
        case .digitsLT: return Self.digitsLTData
        }
    }

    private static let digitsLTData = BuiltinDataset.digitsLT.parse()

    private func parse() -> Dataset {
        do {
            return try DatasetCSV.parse(text: csv, fileName: "\(name).csv")
        } catch {
            preconditionFailure("the built-in data set \(name) does not parse: \(error)")
        }
    }

    /// Where the data come from, under which licence, and how they were made; recorded in results.
    package var provenance: DataProvenance {
        switch self {
        case .digitsLT:
            return DataProvenance(
                name: name,
                source: "UCI Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak, 1998), "
                    + "the copy bundled with scikit-learn (sklearn.datasets.load_digits): 1,797 8x8 images, pixels 0..16",
                url: "https://doi.org/10.24432/C50P49",
                license: "CC BY 4.0",
                preparation: "scripts/make_digits_lt.py, seed 0: 50 test images per digit (balanced, 500); "
                    + "training counts n_i = floor(120 * (1/20)^(i/9)), head order seeded "
                    + "(120, 86, 61, 44, 31, 22, 16, 11, 8, 6: 405); pixels divided by 16")
        }
    }

    /// The built-in data set `dataset` holds (the same samples, labels and splits, whatever its name), if any.
    package static func matching(_ dataset: Dataset) -> BuiltinDataset? {
        allCases.first { b in
            let d = b.load()
            return d.trainCount == dataset.trainCount && d.testCount == dataset.testCount
                && d.dimension == dataset.dimension && d.labels == dataset.labels
                && d.trainLabels == dataset.trainLabels && d.testLabels == dataset.testLabels
                && d.trainFeatures == dataset.trainFeatures && d.testFeatures == dataset.testFeatures
        }
    }
}

/// The origin of a data set that is not generated: source, licence and preparation, as recorded in results.
package struct DataProvenance: Codable, Equatable, Sendable {
    /// The built-in name (`--dataset NAME`).
    package var name: String
    /// Where the data come from.
    package var source: String
    /// A permanent link to the source.
    var url: String
    /// The licence of the data.
    package var license: String
    /// How the shipped file was made from the source.
    var preparation: String

    package init(name: String, source: String, url: String, license: String, preparation: String) {
        self.name = name
        self.source = source
        self.url = url
        self.license = license
        self.preparation = preparation
    }
}
