import Testing
@testable import NormscopeDraw
@testable import NormscopeImage

/// The GIF encoder's own LZW, checked by decoding with Pillow: every palette size (minimum code sizes 2 to
/// 8), images small enough to never widen a code and large enough to fill the table and clear it many
/// times, runs that stretch codes, and noise that does not compress.
struct LZWTests {
    @Test("single frames of every palette size decode to the same pixels", arguments: [1, 2, 3, 4, 5, 8, 9, 16, 17, 31, 64, 100, 128, 129, 200, 255])
    func paletteSizes(colors: Int) throws {
        let palette = TestImages.palette(colors)
        for (w, h, runs) in [(1, 1, 1), (3, 2, 1), (37, 23, 1), (120, 90, 1), (200, 150, 7)] {
            let image = TestImages.random(width: w, height: h, colors: palette, seed: UInt64(colors * 1000 + w), runs: runs)
            var gif = GIFEncoder(width: w, height: h, palette: palette)
            gif.add(image, delay: 10)
            let decoded = try PillowDecoder.decode(gif.finish(), suffix: "gif")
            #expect(decoded.format == "GIF" && decoded.frameCount == 1)
            #expect(decoded.frames.first == image, "\(colors) colours, \(w)x\(h), runs \(runs)")
        }
    }

    @Test func tableResetsAndLongRunsDecode() throws {
        // 250,000 pixels of noise over 255 colours: the table fills (and is cleared) about 60 times.
        let noise = TestImages.random(width: 500, height: 500, colors: TestImages.palette(255), seed: 7)
        // One colour: codes for runs of 1, 2, 3, ... pixels, up to a run longer than 4,000.
        let flat = Raster(width: 1000, height: 1000, fill: 0x123456)
        // Two colours in long random runs: a mix of both.
        let runs = TestImages.random(width: 640, height: 480, colors: [0, 0xFFFFFF], seed: 3, runs: 300)
        for image in [noise, flat, runs] {
            let palette = image.distinctColors
            var gif = GIFEncoder(width: image.width, height: image.height, palette: palette)
            gif.add(image, delay: 5)
            #expect(try PillowDecoder.decode(gif.finish(), suffix: "gif").frames.first == image)
        }
    }

    @Test func codeStreamShapes() {
        // Clear first; EOI last; nothing else for an empty input.
        #expect(GIFLZW.compress([], minCodeSize: 2) == [0b0010_1100])  // 100 (clear) then 101 (end), 3 bits each
        // A single index: clear (100), the index (001), end (101), 3 bits each from the lowest bit up.
        #expect(GIFLZW.compress([1], minCodeSize: 2) == [0b0100_1100, 0b0000_0001])
    }
}
