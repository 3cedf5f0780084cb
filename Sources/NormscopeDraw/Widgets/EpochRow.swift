import NormscopeEngine

/// One row of a heatmap: the values measured after one epoch, with that epoch's number.
package struct EpochRow: Equatable, Sendable {
    /// The epoch the values were measured after.
    package var epoch: Int
    /// One value per class, most frequent class first.
    package var values: [Double]

    package init(epoch: Int, values: [Double]) {
        self.epoch = epoch
        self.values = values
    }

    /// Rows for `values`, row e recording epoch e (histories that were never thinned, and tests).
    package static func consecutive(_ values: [[Double]]) -> [EpochRow] {
        values.enumerated().map { EpochRow(epoch: $0.offset, values: $0.element) }
    }
}

/// One point of a line chart: a value and the epoch it was measured after.
package struct EpochValue: Equatable, Sendable {
    package var epoch: Int
    package var value: Double

    package init(epoch: Int, value: Double) {
        self.epoch = epoch
        self.value = value
    }
}
