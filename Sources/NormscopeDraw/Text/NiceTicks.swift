/// Round axis ends and their labels for the charts: "0" and "5", not "0.00" and "5.00".
enum NiceTicks {
    /// The label of tick value `v`: at most two decimals and no trailing zeros ("0", "2.5", "100").
    static func label(_ v: Double) -> String { SVGText.num(v, 2) }

    /// The axis range of values: 0 (or the lowest value, when negative) up to the smallest of 1, 2, 2.5, 5
    /// times a power of ten that holds the highest; a fixed `range` as given.
    static func range(of values: [Double], fixed range: ClosedRange<Double>? = nil) -> ClosedRange<Double> {
        if let r = range, r.upperBound > r.lowerBound { return r }
        let finite = values.filter(\.isFinite)
        let lo = min(0, finite.min() ?? 0)
        let hi = ChartModel.niceCeiling(finite.max() ?? 1)
        return lo...(hi > lo ? hi : lo + 1)
    }
}
