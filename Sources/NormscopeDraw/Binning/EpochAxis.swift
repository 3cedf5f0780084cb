/// Epochs `0...lastEpoch` over the vertical slots of a heatmap: evenly, or in two parts when stage 2 follows
/// stage 1, so that a short stage 2 still gets visible height.
///
/// With a split, stage 1 (epochs `0...split`) fills the upper slots and stage 2 (`split+1...lastEpoch`) the
/// lower ones, a quarter of them (`minimumStage2Share`) or more when stage 2 is long: each part is laid out evenly (a `BinPlan`), so an epoch
/// row of stage 2 may be taller than one of stage 1. The API is a `BinPlan`'s.
struct EpochAxis: Equatable, Sendable {
    /// The part above the split (or the whole axis).
    let upper: BinPlan
    /// The part below the split, when there is one.
    let lower: BinPlan?
    /// The last epoch of the upper part.
    let split: Int
    /// The first slot of the lower part: the upper part's slots rounded up to whole text rows.
    let lowerOffset: Int

    /// The smallest share of the slots stage 2 gets.
    static let minimumStage2Share = 0.25

    /// `slotsPerRow` is 2 when two slots share a text row (half blocks): stage 2 then starts on a row of its own.
    init(lastEpoch: Int, slots: Int, stage2After split: Int? = nil, slotsPerRow: Int = 1) {
        let last = max(0, lastEpoch), slots = max(0, slots), align = max(1, slotsPerRow)
        guard let split, split >= 0, split < last, slots >= 4 * align else {
            upper = BinPlan(count: last + 1, slots: slots)
            lower = nil
            self.split = last
            lowerOffset = upper.usedSlots
            return
        }
        let stage2 = last - split
        let proportional = Double(stage2) / Double(last + 1) * Double(slots)
        var lowerSlots = min(slots - 2, max(Int(proportional.rounded()), Int((Double(slots) * Self.minimumStage2Share).rounded(.up)), 1))
        if stage2 < lowerSlots {
            // Fewer epochs than slots: each epoch takes a whole number of slots, at least a quarter in all.
            var k = max(1, Int((Double(lowerSlots) / Double(stage2)).rounded()))
            if 4 * stage2 * k < slots && 2 * stage2 * (k + 1) <= slots { k += 1 }
            lowerSlots = min(slots - 2, stage2 * k)
        }
        let upperSlots = (slots - lowerSlots) / align * align
        upper = BinPlan(count: split + 1, slots: upperSlots)
        lowerOffset = (upper.usedSlots + align - 1) / align * align
        lower = BinPlan(count: stage2, slots: slots - lowerOffset)
        self.split = split
    }

    /// Number of bins.
    var binCount: Int { upper.binCount + (lower?.binCount ?? 0) }
    /// Slots in use from the top.
    var usedSlots: Int { lower.map { lowerOffset + $0.usedSlots } ?? upper.usedSlots }
    /// The average number of epochs per bin.
    var itemsPerBin: Double { Double(upper.count + (lower?.count ?? 0)) / Double(max(1, binCount)) }

    /// The epochs merged into bin `b`.
    func items(inBin b: Int) -> Range<Int> {
        if b < upper.binCount { return upper.items(inBin: b) }
        guard let lower else { return 0..<0 }
        let r = lower.items(inBin: b - upper.binCount)
        return (r.lowerBound + split + 1)..<(r.upperBound + split + 1)
    }

    /// The bin shown in slot `s`, or nil for an unused slot.
    func bin(ofSlot s: Int) -> Int? {
        if s < upper.usedSlots { return upper.bin(ofSlot: s) }
        guard s >= lowerOffset else { return nil }
        return lower?.bin(ofSlot: s - lowerOffset).map { $0 + upper.binCount }
    }

    /// The epochs shown in slot `s` (empty for an unused slot).
    func items(inSlot s: Int) -> Range<Int> { bin(ofSlot: s).map(items(inBin:)) ?? 0..<0 }

    /// The first slot that shows epoch `e` (clamped to the axis).
    func slot(ofItem e: Int) -> Int {
        guard let lower, e > split else { return upper.slot(ofItem: e) }
        return lowerOffset + lower.slot(ofItem: e - split - 1)
    }
}
