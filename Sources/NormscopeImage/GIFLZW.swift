/// The LZW compression of GIF images (GIF89a, appendix F): variable-length codes from `minCodeSize + 1` up
/// to 12 bits, packed least significant bit first, with a clear code first and whenever the 4,096-entry
/// table fills, and an end-of-information code last.
///
/// The table is an open-addressing hash of (prefix code, next index) pairs; its code-size steps follow the
/// decoder's rule (a code is read one bit wider once the decoder's next free entry reaches a power of two),
/// so the encoder grows its codes right after it assigns the entry that decoder will assign.
enum GIFLZW {
    /// The packed code stream for `indices` (each below `1 << minCodeSize`), before it is cut into sub-blocks.
    static func compress(_ indices: [UInt8], minCodeSize: Int) -> [UInt8] {
        precondition((2...8).contains(minCodeSize), "GIF's minimum code size is 2 to 8 bits")
        let clear = 1 << minCodeSize, end = clear + 1
        var bits = BitPacker()
        var table = CodeTable()
        var codeSize = minCodeSize + 1
        var lastCode = end  // the highest code assigned so far
        bits.write(clear, size: codeSize)
        guard var prefix = indices.first.map(Int.init) else {
            bits.write(end, size: codeSize)
            return bits.finish()
        }
        for i in indices.indices.dropFirst() {
            let k = Int(indices[i])
            let key = prefix << 8 | k
            if let code = table.code(for: key) {
                prefix = code
                continue
            }
            bits.write(prefix, size: codeSize)
            lastCode += 1
            table.insert(key, code: lastCode)
            if lastCode >= 1 << codeSize && codeSize < 12 { codeSize += 1 }
            if lastCode == 4095 {
                bits.write(clear, size: codeSize)
                table.removeAll()
                codeSize = minCodeSize + 1
                lastCode = end
            }
            prefix = k
        }
        bits.write(prefix, size: codeSize)
        // The decoder adds an entry after this code too (while its table has room) and may widen its codes.
        if lastCode < 4095 {
            lastCode += 1
            if lastCode >= 1 << codeSize && codeSize < 12 { codeSize += 1 }
        }
        bits.write(end, size: codeSize)
        return bits.finish()
    }

    /// Codes packed into bytes, least significant bit first.
    struct BitPacker {
        private var bytes: [UInt8] = []
        private var accumulator: UInt64 = 0
        private var count = 0

        mutating func write(_ code: Int, size: Int) {
            accumulator |= UInt64(code) << UInt64(count)
            count += size
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                count -= 8
            }
        }

        mutating func finish() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
            accumulator = 0
            count = 0
            return bytes
        }
    }

    /// (prefix << 8 | index) -> code, for at most 4,096 - 258 entries: open addressing in 8,192 slots.
    struct CodeTable {
        private var keys = [Int32](repeating: -1, count: 8192)
        private var codes = [Int16](repeating: 0, count: 8192)

        @inline(__always)
        private func slot(_ key: Int) -> Int { Int((UInt32(truncatingIfNeeded: key) &* 2_654_435_761) >> 19) }

        @inline(__always)
        func code(for key: Int) -> Int? {
            var s = slot(key)
            while true {
                let k = keys[s]
                if k == Int32(key) { return Int(codes[s]) }
                if k < 0 { return nil }
                s = (s + 1) & 8191
            }
        }

        mutating func insert(_ key: Int, code: Int) {
            var s = slot(key)
            while keys[s] >= 0 { s = (s + 1) & 8191 }
            keys[s] = Int32(key)
            codes[s] = Int16(code)
        }

        mutating func removeAll() {
            for i in keys.indices { keys[i] = -1 }
        }
    }
}
