/// How `count` items are laid out over `slots` places (columns or half-rows).
///
/// More items than slots: they are merged into exactly `slots` bins of consecutive items
/// (``binRange(_:count:bins:)``), so the plot fills its space. Fewer: each item is repeated over the same whole
/// number of slots, `floor(slots / count)`, so every class or epoch gets equal room; trailing slots stay unused.
/// With `fill`, fewer items spread over every slot instead, each over `floor` or `ceil(slots / count)` of them
/// (ten classes fill a panel's width rather than a column each).
struct BinPlan: Equatable, Hashable, Sendable {
    /// Number of items (classes, epochs).
    let count: Int
    /// Places available.
    let slots: Int
    /// Number of bins: `min(count, slots)`.
    let binCount: Int
    /// Slots each bin spans: `floor(slots / count)` when items are fewer than slots (and stretching is on), else 1.
    let slotsPerBin: Int
    /// Whether bins spread over every slot (uneven by at most one slot) instead of `slotsPerBin` each.
    let fills: Bool

    /// Plans `count` items over `slots` places; `stretch: false` never repeats an item over several slots;
    /// `fill: true` spreads fewer items over all the slots.
    init(count: Int, slots: Int, stretch: Bool = true, fill: Bool = false) {
        self.count = max(0, count)
        self.slots = max(0, slots)
        binCount = min(self.count, self.slots)
        slotsPerBin = stretch && self.count > 0 && self.slots > self.count ? self.slots / self.count : 1
        fills = fill && stretch && self.count > 0 && self.slots > self.count && self.slots % self.count != 0
    }

    /// The slots bin `b` spans (empty outside `0..<binCount`).
    func slots(ofBin b: Int) -> Range<Int> {
        guard b >= 0 && b < binCount else { return 0..<0 }
        if fills { return b * slots / binCount..<(b + 1) * slots / binCount }
        return b * slotsPerBin..<(b + 1) * slotsPerBin
    }

    /// The fewest slots any bin spans.
    var narrowestBin: Int { fills ? slots / binCount : slotsPerBin }

    /// Whether several items share a slot.
    var merges: Bool { count > slots && slots > 0 }
    /// The average number of items per bin (`count / slots` when merging, else 1).
    var itemsPerBin: Double { binWidth(count: count, slots: slots) }
    /// Slots in use, from the first: `binCount * slotsPerBin`, never more than `slots`.
    var usedSlots: Int { fills ? slots : binCount * slotsPerBin }

    /// The items merged into bin `b` (empty outside `0..<binCount`).
    func items(inBin b: Int) -> Range<Int> { binRange(b, count: count, bins: binCount) }

    /// The bin shown in slot `s`, or nil for an unused slot.
    func bin(ofSlot s: Int) -> Int? {
        guard s >= 0 && s < usedSlots else { return nil }
        if fills { return ((s + 1) * binCount - 1) / slots }
        return s / slotsPerBin
    }

    /// The items shown in slot `s` (empty for an unused slot).
    func items(inSlot s: Int) -> Range<Int> { bin(ofSlot: s).map(items(inBin:)) ?? 0..<0 }

    /// The bin holding item `i` (clamped to the items).
    func bin(ofItem i: Int) -> Int {
        guard count > 0, binCount > 0 else { return 0 }
        let i = min(count - 1, max(0, i))
        return ((i + 1) * binCount - 1) / count
    }

    /// The first slot that shows item `i` (clamped to the items).
    func slot(ofItem i: Int) -> Int { slots(ofBin: bin(ofItem: i)).lowerBound }

    /// "4 cls/col", "≈2.9 cls/col" (one decimal when the bins are uneven), or "100 cls" when nothing is merged.
    func perSlotLabel(unit: String = "cls", per: String = "col") -> String {
        guard merges else { return "\(count) \(unit)" }
        if count % slots == 0 { return "\(count / slots) \(unit)/\(per)" }
        return "≈" + NumberFormat.fixed(itemsPerBin, 1) + " \(unit)/\(per)"
    }
}
