import Testing
@testable import NormscopeDraw

@Suite("Binning")
struct BinningTests {
    @Test func binWidthIsTheAverageNumberOfItemsPerBin() {
        #expect(binWidth(count: 100, slots: 25) == 4)
        #expect(binWidth(count: 100, slots: 40) == 2.5)
        #expect(binWidth(count: 10, slots: 40) == 1)
        #expect(binWidth(count: 0, slots: 5) == 1)
        #expect(binWidth(count: 7, slots: 0) == 7)
    }

    @Test func binRangesCoverTheItemsInOrderWithSizesDifferingByAtMostOne() {
        #expect((0..<4).map { binRange($0, count: 10, bins: 4) } == [0..<2, 2..<5, 5..<7, 7..<10])
        #expect(binRange(4, count: 10, bins: 4).isEmpty)
        #expect(binRange(-1, count: 10, bins: 4).isEmpty)
        for (c, n) in [(100, 30), (201, 68), (7, 7), (1000, 3)] {
            let ranges = (0..<n).map { binRange($0, count: c, bins: n) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == c)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            let sizes = Set(ranges.map(\.count))
            #expect(sizes.max()! - sizes.min()! <= 1)
        }
    }

    @Test func binMeansConsecutiveValues() {
        let v: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        #expect(bin(v, into: 4) == [1.5, 4, 6.5, 9])
        #expect(bin(v, into: 5) == [1.5, 3.5, 5.5, 7.5, 9.5])
        #expect(bin(v, into: 1) == [5.5])
        #expect(bin(v, into: 10) == v)
        #expect(bin(v, into: 50) == v)
        #expect(bin(v, into: 0) == [])
        #expect(bin([], into: 3) == [])
    }

    @Test func binSkipsNonFiniteValues() {
        let r = bin([1, .nan, 3, .infinity, .nan, .nan], into: 3)
        #expect(r[0] == 1)
        #expect(r[1] == 3)
        #expect(r[2].isNaN)
    }

    @Test func planMergesIntoExactlyTheSlotsWhenItemsOutnumberThem() {
        let p = BinPlan(count: 100, slots: 30)
        #expect(p.merges)
        #expect(p.binCount == 30)
        #expect(p.slotsPerBin == 1)
        #expect(p.usedSlots == 30)
        #expect(p.items(inSlot: 0) == 0..<3)
        #expect(p.items(inSlot: 1) == 3..<6)
        #expect(p.items(inSlot: 2) == 6..<10)
        #expect(p.items(inSlot: 29) == 96..<100)
        #expect(p.items(inSlot: 30).isEmpty)
        #expect(p.bin(ofItem: 7) == 2)
        #expect(p.bin(ofItem: 99) == 29)
        #expect(p.perSlotLabel() == "≈3.3 cls/col")
        #expect(BinPlan(count: 100, slots: 25).perSlotLabel() == "4 cls/col")
        #expect(BinPlan(count: 100, slots: 100).perSlotLabel() == "100 cls")
    }

    @Test func binOfItemInvertsItemsInBin() {
        for (c, n) in [(100, 30), (201, 68), (10, 4), (13, 13)] {
            let p = BinPlan(count: c, slots: n)
            for b in 0..<p.binCount {
                for i in p.items(inBin: b) { #expect(p.bin(ofItem: i) == b) }
            }
        }
    }

    @Test func planRepeatsEachItemEquallyWhenSlotsOutnumberItems() {
        let p = BinPlan(count: 11, slots: 40)
        #expect(!p.merges)
        #expect(p.binCount == 11)
        #expect(p.slotsPerBin == 3)
        #expect(p.usedSlots == 33)
        #expect(p.items(inSlot: 0) == 0..<1)
        #expect(p.items(inSlot: 2) == 0..<1)
        #expect(p.items(inSlot: 3) == 1..<2)
        #expect(p.items(inSlot: 32) == 10..<11)
        #expect(p.bin(ofSlot: 33) == nil)
        #expect(p.slot(ofItem: 5) == 15)
        #expect(BinPlan(count: 11, slots: 40, stretch: false).usedSlots == 11)
    }

    @Test func planWithNoSlotsOrItemsIsEmpty() {
        #expect(BinPlan(count: 10, slots: 0).usedSlots == 0)
        #expect(BinPlan(count: 0, slots: 10).usedSlots == 0)
        #expect(BinPlan(count: 0, slots: 10).items(inSlot: 0).isEmpty)
    }
}
