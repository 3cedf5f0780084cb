import NormscopeEngine

/// One row of a heatmap: the values measured after one epoch, with that epoch's number.
public struct EpochRow: Equatable, Sendable {
    /// The epoch the values were measured after.
    public var epoch: Int
    /// One value per class, most frequent class first.
    public var values: [Double]

    public init(epoch: Int, values: [Double]) {
        self.epoch = epoch
        self.values = values
    }

    /// Rows for `values`, row e recording epoch e (histories that were never thinned, and tests).
    public static func consecutive(_ values: [[Double]]) -> [EpochRow] {
        values.enumerated().map { EpochRow(epoch: $0.offset, values: $0.element) }
    }
}

/// One point of a line chart: a value and the epoch it was measured after.
public struct EpochValue: Equatable, Sendable {
    public var epoch: Int
    public var value: Double

    public init(epoch: Int, value: Double) {
        self.epoch = epoch
        self.value = value
    }
}
