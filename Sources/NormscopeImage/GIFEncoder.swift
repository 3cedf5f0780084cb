import NormscopeDraw

/// Writes an animated GIF (GIF89a) frame by frame, with one global palette, looping forever.
///
/// Each frame after the first is stored as the smallest rectangle holding every pixel that changed, its
/// unchanged pixels transparent over the frame before ("do not dispose"), so a figure that fills in row by
/// row costs little per frame. A frame identical to the one before only lengthens that one's delay. Frames
/// are compressed with `GIFLZW`. Only the previous frame is kept, so memory does not grow with the frames.
struct GIFEncoder {
    /// Image width and height in pixels.
    let width: Int
    let height: Int
    /// The frames written so far (identical frames merged).
    private(set) var frameCount = 0

    private let palette: Palette
    private let transparent: UInt8
    private let minCodeSize: Int
    private var out: [UInt8] = []
    private var previous: [UInt8]?
    /// The last frame, held back until the next one shows whether its delay grows.
    private var pending: (descriptor: [UInt8], data: [UInt8], delay: Int, transparent: Bool)?

    /// An animation `width` x `height` whose frames use only `palette` (at most 255 distinct colours: one more
    /// entry is kept for transparency; a colour outside it is drawn as the nearest in it).
    init(width: Int, height: Int, palette colors: [UInt32], loopForever: Bool = true) {
        precondition(width > 0 && height > 0 && width <= 65_535 && height <= 65_535, "a GIF is 1 to 65535 pixels each way")
        precondition(!colors.isEmpty && colors.count <= 255, "a GIF palette here has 1 to 255 colours")
        self.width = width
        self.height = height
        palette = Palette(colors)
        transparent = UInt8(colors.count)
        var bits = 1
        while 1 << bits < colors.count + 1 { bits += 1 }
        minCodeSize = max(2, bits)
        out = Array("GIF89a".utf8)
        out.appendLittleEndian(UInt16(width))
        out.appendLittleEndian(UInt16(height))
        out += [0x80 | 0x70 | UInt8(bits - 1), 0, 0]  // global table of 2^bits entries, 8-bit colour resolution
        for i in 0..<(1 << bits) {
            let (r, g, b) = Raster.channels(i < colors.count ? colors[i] : colors[0])
            out += [r, g, b]
        }
        if loopForever {
            out += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
        }
    }

    /// Adds `frame` (of the animation's size), shown for `delay` hundredths of a second.
    mutating func add(_ frame: Raster, delay: Int) {
        precondition(frame.width == width && frame.height == height, "every frame has the animation's size")
        var indices = [UInt8](repeating: 0, count: width * height)
        for (i, p) in frame.pixels.enumerated() { indices[i] = palette.index(of: p) }
        defer { previous = indices }
        guard let before = previous else {
            emit(indices, x: 0, y: 0, w: width, h: height, delay: delay, transparent: false)
            return
        }
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where indices[row + x] != before[row + x] {
                x0 = min(x0, x); x1 = max(x1, x)
                y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x1 >= 0 else {
            pending?.delay += delay
            return
        }
        let w = x1 - x0 + 1, h = y1 - y0 + 1
        var sub = [UInt8](repeating: transparent, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let i = (y0 + y) * width + x0 + x
                if indices[i] != before[i] { sub[y * w + x] = indices[i] }
            }
        }
        emit(sub, x: x0, y: y0, w: w, h: h, delay: delay, transparent: true)
    }

    /// The GIF file's bytes.
    mutating func finish() -> [UInt8] {
        flushPending()
        out.append(0x3B)
        return out
    }

    private mutating func emit(_ indices: [UInt8], x: Int, y: Int, w: Int, h: Int, delay: Int, transparent: Bool) {
        flushPending()
        var descriptor: [UInt8] = [0x2C]
        for v in [x, y, w, h] { descriptor.appendLittleEndian(UInt16(v)) }
        descriptor.append(0)  // no local colour table, not interlaced
        let codes = GIFLZW.compress(indices, minCodeSize: minCodeSize)
        var data: [UInt8] = [UInt8(minCodeSize)]
        var at = 0
        while at < codes.count {
            let n = min(255, codes.count - at)
            data.append(UInt8(n))
            data += codes[at..<(at + n)]
            at += n
        }
        data.append(0)
        pending = (descriptor, data, delay, transparent)
        frameCount += 1
    }

    private mutating func flushPending() {
        guard let p = pending else { return }
        pending = nil
        // Graphic control extension: disposal 1 (leave the frame in place), the delay, the transparent index.
        out += [0x21, 0xF9, 0x04, 0x04 | (p.transparent ? 1 : 0)]
        out.appendLittleEndian(UInt16(min(65_535, max(0, p.delay))))
        out += [transparent, 0x00]
        out += p.descriptor
        out += p.data
    }
}
