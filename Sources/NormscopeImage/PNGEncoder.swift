import CZlib
import NormscopeDraw

/// Encodes a `Raster` as a PNG file (8 bits per channel, no interlacing), compressed with the system's zlib.
///
/// An image of at most 256 colours is written with a palette (colour type 3: one byte per pixel, filter
/// None, as the PNG book advises for palette images); others as RGB (colour type 2) with each row's filter
/// chosen by the minimum-sum-of-absolute-differences heuristic.
enum PNGEncoder {
    /// The PNG file's bytes.
    static func encode(_ raster: Raster) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let palette = Palette(exactly: raster, limit: 256)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(raster.width))
        header.appendBigEndian(UInt32(raster.height))
        header += [8, palette == nil ? 2 : 3, 0, 0, 0]  // bit depth, colour type, deflate, adaptive filters, no interlace
        chunk("IHDR", header, into: &out)
        let scanlines: [UInt8]
        if let palette {
            var plte: [UInt8] = []
            for c in palette.colors {
                let (r, g, b) = Raster.channels(c)
                plte += [r, g, b]
            }
            chunk("PLTE", plte, into: &out)
            scanlines = indexedScanlines(raster, palette)
        } else {
            scanlines = rgbScanlines(raster)
        }
        chunk("IDAT", deflate(scanlines), into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    /// Rows of palette indices, each after a filter-type byte 0 (None).
    static func indexedScanlines(_ r: Raster, _ palette: Palette) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (r.width + 1) * r.height)
        var i = 0
        for y in 0..<r.height {
            out[i] = 0
            i += 1
            for p in r.row(y) {
                out[i] = palette.index(of: p)
                i += 1
            }
        }
        return out
    }

    /// Rows of RGB bytes, each filtered with whichever of the five PNG filters gives the smallest sum of
    /// absolute values (as signed bytes).
    static func rgbScanlines(_ r: Raster) -> [UInt8] {
        let n = r.width * 3
        var out: [UInt8] = []
        out.reserveCapacity((n + 1) * r.height)
        var previous = [UInt8](repeating: 0, count: n)
        var current = [UInt8](repeating: 0, count: n)
        var candidate = [UInt8](repeating: 0, count: n)
        var best = [UInt8](repeating: 0, count: n)
        for y in 0..<r.height {
            for (x, p) in r.row(y).enumerated() {
                let (red, green, blue) = Raster.channels(p)
                current[3 * x] = red
                current[3 * x + 1] = green
                current[3 * x + 2] = blue
            }
            var bestType: UInt8 = 0, bestCost = Int.max
            for type in UInt8(0)...4 {
                var cost = 0
                for i in 0..<n {
                    let a = i >= 3 ? Int(current[i - 3]) : 0, b = Int(previous[i]), c = i >= 3 ? Int(previous[i - 3]) : 0
                    let predictor: Int
                    switch type {
                    case 0: predictor = 0
                    case 1: predictor = a
                    case 2: predictor = b
                    case 3: predictor = (a + b) / 2
                    default: predictor = paeth(a, b, c)
                    }
                    let v = UInt8(truncatingIfNeeded: Int(current[i]) - predictor)
                    candidate[i] = v
                    cost += v < 128 ? Int(v) : 256 - Int(v)
                }
                if cost < bestCost { (bestCost, bestType) = (cost, type); swap(&best, &candidate) }
            }
            out.append(bestType)
            out += best
            swap(&previous, &current)
        }
        return out
    }

    static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }

    /// `data` as one zlib stream (zlib's `compress2`, best compression).
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { dst in
            data.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &size, src.baseAddress, uLong(src.count), Z_BEST_COMPRESSION)
            }
        }
        // compressBound is an upper bound for compress2 on any input, so this cannot fail short of memory.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Array(out[0..<Int(size)])
    }

    /// Appends a chunk: length, type, data and the CRC-32 of type and data (zlib's `crc32`).
    static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        out.appendBigEndian(UInt32(data.count))
        let body = Array(type.utf8) + data
        out += body
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        out.appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v >> 24))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v))
    }

    mutating func appendLittleEndian(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }
}
