import NormscopeDraw

/// The figure as image files: the static Fig. 2 as PNG, and Fig. 2 forming as an animated GIF.
package enum FigureImages {
    /// Frames per second a GIF may have (GIF delays are in hundredths of a second, and browsers slow down
    /// anything faster than 50).
    package static let fpsRange = 1...50
    /// The default frame rate.
    package static let defaultFPS = 15
    /// At most this long (seconds) for stage 1 to fill in: one frame per epoch when that fits at the frame
    /// rate, evenly spaced epochs otherwise.
    static let formingSeconds = 8.0
    /// At most this long (seconds) for stage 2 to play: one frame per stage-2 epoch when that fits, evenly
    /// spaced epochs otherwise (at 15 fps a 20,000-epoch stage 2 has the 60 frames of a 60-epoch one).
    static let stage2Seconds = 4.0
    /// How long the last frame (the final figure) is held before the animation starts again.
    static let holdSeconds = 3.0
    /// The pause on the end of stage 1 when stage-2 frames follow.
    static let stageBreakSeconds = 1.0

    /// The static figure (`figure.render(figure.finalMoment)`) as a PNG file.
    package static func png(_ figure: FigureRaster) -> [UInt8] {
        PNGEncoder.encode(figure.render(figure.finalMoment))
    }

    /// The figure forming epoch by epoch as a looping GIF at `fps` frames a second (clamped to `fpsRange`);
    /// the last frame is the static figure, held `holdSeconds`. Its frames follow `framePlan(fps:)`, so the
    /// file's size and the time to make it are bounded whatever the history's length.
    package static func gif(_ figure: FigureRaster, fps: Int = defaultFPS) -> [UInt8] {
        let rate = min(fpsRange.upperBound, max(fpsRange.lowerBound, fps))
        let moments = figure.moments(framePlan(fps: rate))
        let delays = delays(moments, fps: rate)
        var gif = GIFEncoder(width: figure.width, height: figure.height, palette: figure.palette)
        for (m, d) in zip(moments, delays) { gif.add(figure.render(m), delay: d) }
        return gif.finish()
    }

    /// The frames a GIF at `fps` frames a second has: `formingSeconds` of stage 1, `stage2Seconds` of stage 2,
    /// never more than `FigureRaster.FramePlan.maxFrames` in all (at 50 fps: 400 + 200).
    static func framePlan(fps: Int) -> FigureRaster.FramePlan {
        FigureRaster.FramePlan(stage1Frames: Int(formingSeconds * Double(fps)), stage2Frames: Int(stage2Seconds * Double(fps)))
    }

    /// Each frame's delay in hundredths of a second: frame i starts at round(i * 100 / fps), so the delays
    /// average exactly 100 / fps; the last stage-1 frame gets the stage break when stage 2 follows, the
    /// last frame the hold.
    static func delays(_ moments: [FigureRaster.Moment], fps: Int) -> [Int] {
        func start(_ i: Int) -> Int { (i * 100 + fps / 2) / fps }
        var out = moments.indices.map { start($0 + 1) - start($0) }
        if let firstStage2 = moments.firstIndex(where: { $0.stage2Epoch != nil }), firstStage2 > 0 {
            out[firstStage2 - 1] += Int(stageBreakSeconds * 100)
        }
        if !out.isEmpty { out[out.count - 1] = Int(holdSeconds * 100) }
        return out
    }
}
