/// What a line chart shows: a title, several series over epochs, and the value range.
public struct ChartModel: Equatable, Sendable {
    /// The chart's title ("Balanced accuracy (%)").
    public var title: String
    /// The series, drawn in order (later ones on top).
    public var series: [ChartSeries]
    /// The last epoch of the x axis (x runs over `0...xMax`).
    public var xMax: Int
    /// The y range; nil takes 0 (or the minimum, if negative) up to a rounded maximum of the data.
    public var yRange: ClosedRange<Double>?
    /// Decimals of the y labels.
    public var yDecimals: Int

    public init(title: String, series: [ChartSeries], xMax: Int, yRange: ClosedRange<Double>? = nil, yDecimals: Int = 0) {
        self.title = title
        self.series = series
        self.xMax = xMax
        self.yRange = yRange
        self.yDecimals = yDecimals
    }

    /// The y range drawn: `yRange`, or one derived from the data.
    public var effectiveYRange: ClosedRange<Double> {
        if let r = yRange, r.upperBound > r.lowerBound { return r }
        let finite = series.flatMap(\.values).filter(\.isFinite)
        let lo = min(0, finite.min() ?? 0)
        let hi = ChartModel.niceCeiling(finite.max() ?? 1)
        return lo...(hi > lo ? hi : lo + 1)
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `v` (v > 0), else 1.
    public static func niceCeiling(_ v: Double) -> Double {
        guard v.isFinite, v > 0 else { return 1 }
        var p = 1.0
        while p * 10 < v { p *= 10 }
        while p > v { p /= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= v { return m * p }
        return 10 * p
    }
}

/// One line of a chart: values by epoch (index = epoch), a colour slot and a one-letter tag.
public struct ChartSeries: Equatable, Sendable {
    /// Legend name ("WD+MaxNorm").
    public var name: String
    /// `values[e]` after epoch e; non-finite values break the line.
    public var values: [Double]
    /// The palette slot of its colour (use the regime's index so colours match across views).
    public var slot: Int
    /// A short tag ("e") marking the line's end when there is no colour to tell lines apart.
    public var tag: String
    /// The epoch of each value when the history was downsampled (nil: `values[e]` is epoch e).
    public var epochs: [Int]?

    public init(name: String, values: [Double], slot: Int, tag: String = "", epochs: [Int]? = nil) {
        self.epochs = epochs
        self.name = name
        self.values = values
        self.slot = slot
        self.tag = tag
    }
}
