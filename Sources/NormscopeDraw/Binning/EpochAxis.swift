/// Epochs `0...lastEpoch` over the vertical slots of a heatmap: evenly, or in two parts when stage 2 follows
/// stage 1, so that a short stage 2 still gets visible height.
///
/// With a split, stage 1 (epochs `0...split`) fills the upper slots and stage 2 (`split+1...lastEpoch`) the
/// lower ones, at least `minimumStage2Share` of them: each part is laid out evenly (a `BinPlan`), so an epoch
/// row of stage 2 may be taller than one of stage 1. The API is a `BinPlan`'s.
public struct EpochAxis: Equatable, Sendable {
    /// The part above the split (or the whole axis).
    public let upper: BinPlan
    /// The part below the split, when there is one.
    public let lower: BinPlan?
    /// The last epoch of the upper part.
    public let split: Int

    /// The smallest share of the slots stage 2 gets.
    public static let minimumStage2Share = 0.3

    public init(lastEpoch: Int, slots: Int, stage2After split: Int? = nil) {
        let last = max(0, lastEpoch), slots = max(0, slots)
        guard let split, split >= 0, split < last, slots >= 4 else {
            upper = BinPlan(count: last + 1, slots: slots)
            lower = nil
            self.split = last
            return
        }
        let stage2 = last - split
        let proportional = Double(stage2) / Double(last + 1) * Double(slots)
        let lowerSlots = min(slots - 2, max(Int(proportional.rounded()), Int((Double(slots) * Self.minimumStage2Share).rounded()), 1))
        upper = BinPlan(count: split + 1, slots: slots - lowerSlots, stretch: false)
        lower = BinPlan(count: stage2, slots: lowerSlots)
        self.split = split
    }

    /// Number of bins.
    public var binCount: Int { upper.binCount + (lower?.binCount ?? 0) }
    /// Slots in use from the top.
    public var usedSlots: Int { upper.usedSlots + (lower?.usedSlots ?? 0) }
    /// The average number of epochs per bin.
    public var itemsPerBin: Double { Double(upper.count + (lower?.count ?? 0)) / Double(max(1, binCount)) }

    /// The epochs merged into bin `b`.
    public func items(inBin b: Int) -> Range<Int> {
        if b < upper.binCount { return upper.items(inBin: b) }
        guard let lower else { return 0..<0 }
        let r = lower.items(inBin: b - upper.binCount)
        return (r.lowerBound + split + 1)..<(r.upperBound + split + 1)
    }

    /// The bin shown in slot `s`, or nil for an unused slot.
    public func bin(ofSlot s: Int) -> Int? {
        if s < upper.usedSlots { return upper.bin(ofSlot: s) }
        return lower?.bin(ofSlot: s - upper.usedSlots).map { $0 + upper.binCount }
    }

    /// The epochs shown in slot `s` (empty for an unused slot).
    public func items(inSlot s: Int) -> Range<Int> { bin(ofSlot: s).map(items(inBin:)) ?? 0..<0 }

    /// The first slot that shows epoch `e` (clamped to the axis).
    public func slot(ofItem e: Int) -> Int {
        guard let lower, e > split else { return upper.slot(ofItem: e) }
        return upper.usedSlots + lower.slot(ofItem: e - split - 1)
    }
}
