/// The average number of items per bin when `count` items are merged into `slots` bins: `count / slots`,
/// or 1 when they already fit (`slots < 1` counts as 1).
func binWidth(count: Int, slots: Int) -> Double {
    let s = max(1, slots), c = max(0, count)
    return c > s ? Double(c) / Double(s) : 1
}

/// The items of bin `b` when `count` items are merged into `bins` bins: `floor(b*count/bins) ..< floor((b+1)*count/bins)`.
///
/// Every bin holds `floor(count/bins)` or `ceil(count/bins)` consecutive items, and the bins cover all items in order.
func binRange(_ b: Int, count: Int, bins: Int) -> Range<Int> {
    guard bins > 0, b >= 0, b < bins else { return 0..<0 }
    return (b * count / bins)..<((b + 1) * count / bins)
}

/// `values` merged into exactly `n` bins of consecutive values (see ``binRange(_:count:bins:)``), each bin the mean
/// of its finite values (NaN when it has none); when `values.count <= n` the values are returned unchanged.
///
/// Example: 10 values into 4 bins take 2, 3, 2 and 3 values. `n < 1` gives an empty array.
func bin(_ values: [Double], into n: Int) -> [Double] {
    guard n >= 1 else { return [] }
    guard values.count > n else { return values }
    return (0..<n).map { meanOfFinite(values[binRange($0, count: values.count, bins: n)]) }
}

/// The mean of the finite values, or NaN when there are none.
func meanOfFinite<C: Collection>(_ values: C) -> Double where C.Element == Double {
    var sum = 0.0, n = 0
    for v in values where v.isFinite {
        sum += v
        n += 1
    }
    return n == 0 ? .nan : sum / Double(n)
}
