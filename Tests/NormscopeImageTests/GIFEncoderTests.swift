import Testing
@testable import NormscopeDraw
@testable import NormscopeImage

/// Animated GIFs: frames as rectangles of changed pixels over the one before, identical frames merged, loop
/// and delays; all read back by Pillow as a browser would show them.
struct GIFEncoderTests {
    @Test func framesDecodeAsDrawnWithTheirDelays() throws {
        let palette = TestImages.palette(40)
        var frames: [Raster] = []
        var r = TestImages.random(width: 90, height: 60, colors: palette, seed: 1, runs: 5)
        for i in 0..<12 {
            // Change a different small block each time, sometimes back to what it was.
            r.fill(x: (i * 13) % 80, y: (i * 7) % 50, width: 9, height: 5 + i % 3, color: palette[i % palette.count])
            frames.append(r)
        }
        var gif = GIFEncoder(width: 90, height: 60, palette: palette)
        for (i, f) in frames.enumerated() { gif.add(f, delay: 4 + i) }
        let decoded = try PillowDecoder.decode(gif.finish(), suffix: "gif")
        #expect(decoded.frameCount == 12 && decoded.loop == 0)
        #expect(decoded.durations == (0..<12).map { (4 + $0) * 10 })
        for i in 0..<12 { #expect(decoded.frames[i] == frames[i], "frame \(i)") }
    }

    @Test func identicalFramesOnlyLengthenTheDelay() throws {
        let palette: [UInt32] = [0, 0xFF0000, 0xFFFFFF]
        let a = Raster(width: 20, height: 10, fill: 0), b = Raster(width: 20, height: 10, fill: 0xFF0000)
        var gif = GIFEncoder(width: 20, height: 10, palette: palette)
        gif.add(a, delay: 10)
        gif.add(a, delay: 15)
        gif.add(b, delay: 20)
        gif.add(b, delay: 300)
        #expect(gif.frameCount == 2)
        let decoded = try PillowDecoder.decode(gif.finish(), suffix: "gif")
        #expect(decoded.frames == [a, b] && decoded.durations == [250, 3200])
    }

    @Test func aChangedFrameStoresOnlyItsChangedRectangle() {
        let palette: [UInt32] = [0, 0xFFFFFF]
        let blank = Raster(width: 400, height: 300, fill: 0)
        var dot = blank
        dot[200, 150] = 0xFFFFFF
        var one = GIFEncoder(width: 400, height: 300, palette: palette)
        one.add(blank, delay: 10)
        let first = one.finish().count
        var two = GIFEncoder(width: 400, height: 300, palette: palette)
        two.add(blank, delay: 10)
        two.add(dot, delay: 10)
        #expect(two.finish().count - first < 40, "a one-pixel change costs a few dozen bytes")
    }
}
