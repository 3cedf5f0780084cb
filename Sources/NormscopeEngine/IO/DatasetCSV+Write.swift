extension DatasetCSV {
    /// The data set as CSV text: header `label,split,x0,x1,...`, training rows then test rows.
    ///
    /// Labels are the original labels (`dataset.labels[classIndex]`); each feature is printed with `Float`'s
    /// shortest round-trip form, so reading the text back gives bit-identical features.
    package static func render(_ dataset: Dataset) -> String {
        String(decoding: renderBytes(dataset), as: UTF8.self)
    }

    /// Writes the data set as CSV to `path` atomically (see `AtomicFile`).
    ///
    /// Refuses, with `.writeFailed`, a data set the reader would reject: no features, or a NaN or infinite value.
    package static func write(_ dataset: Dataset, to path: String) throws(NormscopeError) {
        guard dataset.dimension > 0 else {
            throw .writeFailed("cannot write \(path): the data set has no features")
        }
        for (part, features) in [("training", dataset.trainFeatures), ("test", dataset.testFeatures)] {
            if let i = features.firstIndex(where: { !$0.isFinite }) {
                throw .writeFailed("cannot write \(path): \(part) row \(i / dataset.dimension + 1) feature"
                    + " x\(i % dataset.dimension) is \(features[i]); CSV data must be finite")
            }
        }
        try AtomicFile.write(bytes: renderBytes(dataset), to: path)
    }

    /// `render` as UTF-8 bytes.
    static func renderBytes(_ dataset: Dataset) -> [UInt8] {
        let d = dataset.dimension
        var out: [UInt8] = []
        out.reserveCapacity((dataset.trainCount + dataset.testCount) * (d * 12 + 12) + d * 6 + 16)
        out.append(contentsOf: "label,split".utf8)
        for k in 0..<d { out.append(contentsOf: ",x\(k)".utf8) }
        out.append(0x0A)
        func rows(_ labels: [Int32], _ features: [Float], _ split: String) {
            for (r, classIndex) in labels.enumerated() {
                out.append(contentsOf: String(dataset.labels[Int(classIndex)]).utf8)
                out.append(0x2C)
                out.append(contentsOf: split.utf8)
                for k in 0..<d {
                    out.append(0x2C)
                    out.append(contentsOf: features[r * d + k].description.utf8)
                }
                out.append(0x0A)
            }
        }
        rows(dataset.trainLabels, dataset.trainFeatures, "train")
        rows(dataset.testLabels, dataset.testFeatures, "test")
        return out
    }
}
