import Foundation
import NormscopeDraw
import Testing

/// Decodes image files with Pillow (`Tests/Python/decode_image.py`): a decoder independent of our encoders.
///
/// Needs `python3` with Pillow (`pip install pillow`; `.ci/run` installs it). A missing one fails the test
/// with that message rather than skipping it.
struct PillowDecoder {
    /// What Pillow saw in a file.
    struct Decoded {
        var format: String
        var width: Int
        var height: Int
        var frameCount: Int
        /// Each frame's duration in milliseconds (GIF), as Pillow reports it.
        var durations: [Int]
        /// The loop count of a GIF (0 = forever), nil when absent.
        var loop: Int?
        /// Every frame as displayed (transparency and disposal applied).
        var frames: [Raster]
    }

    static let script: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Python/decode_image.py").path
    }()

    /// Writes `bytes` to a temporary file and decodes it; `frames: false` checks every frame but returns none
    /// (for long animations).
    static func decode(_ bytes: [UInt8], suffix: String, frames: Bool = true) throws -> Decoded {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ns-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("image.\(suffix)")
        try Data(bytes).write(to: file)
        return try decode(path: file.path, dump: frames ? dir.path : nil)
    }

    /// Decodes the file at `path`, dumping frames into `dump` (none without it).
    static func decode(path: String, dump: String?) throws -> Decoded {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, path] + (dump.map { [$0] } ?? [])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DecodeError("Pillow could not decode \(path) (python3 with Pillow is needed: pip install pillow): "
                              + String(decoding: stderr, as: UTF8.self))
        }
        guard let json = try JSONSerialization.jsonObject(with: stdout) as? [String: Any],
              let format = json["format"] as? String, let width = json["width"] as? Int,
              let height = json["height"] as? Int, let count = json["frames"] as? Int else {
            throw DecodeError("unexpected output: " + String(decoding: stdout, as: UTF8.self))
        }
        var frames: [Raster] = []
        for i in 0..<count where dump != nil {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(dump!)/frame-\(i).rgb"))
            var r = Raster(width: width, height: height)
            let bytes = [UInt8](data)
            guard bytes.count == width * height * 3 else { throw DecodeError("frame \(i) has \(bytes.count) bytes") }
            for y in 0..<height {
                for x in 0..<width {
                    let o = (y * width + x) * 3
                    r[x, y] = Raster.pixel(bytes[o], bytes[o + 1], bytes[o + 2])
                }
            }
            frames.append(r)
        }
        return Decoded(format: format, width: width, height: height, frameCount: count,
                       durations: (json["durations"] as? [Any])?.map { ($0 as? Int) ?? -1 } ?? [],
                       loop: json["loop"] as? Int, frames: frames)
    }

    struct DecodeError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}

/// Test images: deterministic pseudo-random pixels and simple patterns.
enum TestImages {
    /// A `width` x `height` raster of pixels drawn from `colors` by a seeded generator; `runs` > 1 repeats
    /// each drawn colour that many times along a row (compressible images).
    static func random(width: Int, height: Int, colors: [UInt32], seed: UInt64, runs: Int = 1) -> Raster {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var r = Raster(width: width, height: height)
        var current = colors[0], left = 0
        for y in 0..<height {
            for x in 0..<width {
                if left == 0 { current = colors[Int(next() % UInt64(colors.count))]; left = runs }
                r[x, y] = current
                left -= 1
            }
        }
        return r
    }

    /// `n` distinct colours.
    static func palette(_ n: Int) -> [UInt32] { (0..<n).map { UInt32($0) &* 0x010307 & 0xFFFFFF } }
}
