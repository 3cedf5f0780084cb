extension RandomAccessCollection where Index == Int {
    /// The indices of the elements, in increasing order of `epoch`, whose epoch lies in `epochs` (binary search).
    package func indices(recording epochs: Range<Int>, epoch: (Element) -> Int) -> Range<Int> {
        func first(atLeast e: Int) -> Int {
            var lo = startIndex, hi = endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if epoch(self[mid]) < e { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let lo = first(atLeast: epochs.lowerBound)
        return lo..<Swift.max(lo, first(atLeast: epochs.upperBound))
    }
}

extension RunHistory {
    /// The records of the epochs in `epochs` (none where none was kept).
    package func records(in epochs: Range<Int>) -> ArraySlice<EpochRecord> {
        records[records.indices(recording: epochs, epoch: \.epoch)]
    }
}
