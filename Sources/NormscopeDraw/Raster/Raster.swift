/// An image of RGB pixels, row-major from the top-left: what the PNG and GIF figures are drawn into.
///
/// Pure and value-typed like `Canvas`: drawing code writes pixels, encoders (`NormscopeImage`) read them.
/// A pixel is `0xRRGGBB` in a `UInt32` (the top byte is always 0), so pixels compare and hash as integers.
package struct Raster: Equatable, Sendable {
    /// Width in pixels.
    package let width: Int
    /// Height in pixels.
    package let height: Int
    /// Row-major pixels, `height * width` of them, each `0xRRGGBB`.
    package internal(set) var pixels: [UInt32]

    package init(width: Int, height: Int, fill: UInt32 = Raster.white) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = Array(repeating: fill & 0xFFFFFF, count: self.width * self.height)
    }

    /// The pixel at column `x`, row `y`; reads outside the image give white, writes outside are dropped.
    package subscript(x: Int, y: Int) -> UInt32 {
        get { contains(x: x, y: y) ? pixels[y * width + x] : Raster.white }
        set { if contains(x: x, y: y) { pixels[y * width + x] = newValue & 0xFFFFFF } }
    }

    /// Whether (x, y) is inside the image.
    @inline(__always)
    package func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Row `y` as a slice of pixels.
    package func row(_ y: Int) -> ArraySlice<UInt32> { pixels[(y * width)..<(y * width + width)] }

    /// The distinct pixel values, in order of first appearance.
    var distinctColors: [UInt32] {
        var seen = Set<UInt32>(), out: [UInt32] = []
        for p in pixels where seen.insert(p).inserted { out.append(p) }
        return out
    }

    // MARK: - Colours

    static let white: UInt32 = 0xFFFFFF
    static let black: UInt32 = 0x000000

    /// The pixel value of an 8-bit-per-channel colour.
    @inline(__always)
    package static func pixel(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt32 {
        UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }

    /// The pixel value of a colour with components in 0...1 (rounded to the nearest 8-bit level).
    static func pixel(_ c: RGB) -> UInt32 {
        func byte(_ x: Double) -> UInt8 { UInt8((min(1, max(0, x.isNaN ? 0 : x)) * 255).rounded()) }
        return pixel(byte(c.r), byte(c.g), byte(c.b))
    }

    /// The red, green and blue bytes of a pixel value.
    @inline(__always)
    package static func channels(_ p: UInt32) -> (r: UInt8, g: UInt8, b: UInt8) {
        (UInt8(truncatingIfNeeded: p >> 16), UInt8(truncatingIfNeeded: p >> 8), UInt8(truncatingIfNeeded: p))
    }
}
