import Testing
@testable import NormscopeDraw
@testable import NormscopeImage

/// PNG files: palette images up to 256 colours, RGB beyond, both read back exactly by Pillow (which checks
/// every chunk's CRC and the zlib stream).
struct PNGEncoderTests {
    @Test func paletteImagesDecodeExactly() throws {
        for (w, h, n) in [(1, 1, 1), (5, 3, 2), (97, 41, 256), (300, 200, 17)] {
            let image = TestImages.random(width: w, height: h, colors: TestImages.palette(n), seed: UInt64(w), runs: 3)
            let bytes = PNGEncoder.encode(image)
            #expect(bytes[25] == 3, "colour type 3 (palette)")
            let decoded = try PillowDecoder.decode(bytes, suffix: "png")
            #expect(decoded.format == "PNG" && decoded.width == w && decoded.height == h)
            #expect(decoded.frames == [image])
        }
    }

    @Test func rgbImagesDecodeExactly() throws {
        // A smooth gradient (the filters matter) plus noise in one corner: far more than 256 colours.
        var image = Raster(width: 257, height: 131)
        for y in 0..<131 { for x in 0..<257 { image[x, y] = Raster.pixel(UInt8(x & 255), UInt8(y * 2 & 255), UInt8((x + y) & 255)) } }
        let noise = TestImages.random(width: 40, height: 30, colors: TestImages.palette(600), seed: 9)
        for y in 0..<30 { for x in 0..<40 { image[x, y] = noise[x, y] } }
        let bytes = PNGEncoder.encode(image)
        #expect(bytes[25] == 2, "colour type 2 (RGB)")
        #expect(try PillowDecoder.decode(bytes, suffix: "png").frames == [image])
    }

    @Test func filtersInvertThePaethPredictor() {
        #expect(PNGEncoder.paeth(10, 20, 10) == 20)
        #expect(PNGEncoder.paeth(20, 10, 10) == 20)
        #expect(PNGEncoder.paeth(10, 10, 20) == 10)
    }
}
