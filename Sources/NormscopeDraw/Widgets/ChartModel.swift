/// What a line chart shows: a title, several series over epochs, and the value range.
package struct ChartModel: Equatable, Sendable {
    /// The chart's title ("Balanced accuracy (%)").
    package var title: String
    /// The series, drawn in order (later ones on top).
    package var series: [ChartSeries]
    /// The last epoch of the x axis (x runs over `0...xMax`).
    var xMax: Int
    /// The y range; nil takes 0 (or the minimum, if negative) up to a rounded maximum of the data.
    var yRange: ClosedRange<Double>?
    /// Decimals of the y labels.
    var yDecimals: Int
    /// The epoch after which stage 2 starts (a rule marks it), nil before stage 2.
    package var stageBoundary: Int?

    package init(title: String, series: [ChartSeries], xMax: Int, yRange: ClosedRange<Double>? = nil, yDecimals: Int = 0,
                 stageBoundary: Int? = nil) {
        self.title = title
        self.series = series
        self.xMax = xMax
        self.yRange = yRange
        self.yDecimals = yDecimals
        self.stageBoundary = stageBoundary
    }

    /// The y range drawn: `yRange`, or one derived from the data.
    var effectiveYRange: ClosedRange<Double> {
        NiceTicks.range(of: series.flatMap(\.points).map(\.value), fixed: yRange)
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `v` (v > 0), else 1.
    static func niceCeiling(_ v: Double) -> Double {
        guard v.isFinite, v > 0 else { return 1 }
        var p = 1.0
        while p * 10 < v { p *= 10 }
        while p > v { p /= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= v { return m * p }
        return 10 * p
    }
}

/// One line of a chart: values by epoch, a colour slot and a one-letter tag.
package struct ChartSeries: Equatable, Sendable {
    /// Legend name ("WD+MaxNorm").
    package var name: String
    /// The values in increasing epoch order; non-finite values break the line.
    package var points: [EpochValue]
    /// The palette slot of its colour (use the regime's index so colours match across views).
    package var slot: Int
    /// A short tag ("e") marking the line's end when there is no colour to tell lines apart.
    package var tag: String

    package init(name: String, points: [EpochValue], slot: Int, tag: String = "") {
        self.name = name
        self.points = points
        self.slot = slot
        self.tag = tag
    }

    /// A series whose `values[e]` was measured after epoch e.
    package init(name: String, values: [Double], slot: Int, tag: String = "") {
        self.init(name: name, points: values.enumerated().map { EpochValue(epoch: $0.offset, value: $0.element) },
                  slot: slot, tag: tag)
    }
}
