/// How many frames an animation of the figure has: a fixed most for each stage, whatever the history's length.
///
/// Stage 1 gets at most `stage1Frames` evenly spaced epochs, stage 2 at most `stage2Frames`; each stage always
/// ends on its last recorded epoch, so the animation ends on the static figure. The total never exceeds
/// `maxFrames`, so an animation's frames, bytes and drawing time are bounded for any history: one epoch or a
/// million.
extension FigureRaster {
    package struct FramePlan: Equatable, Sendable {
        /// The most frames any animation has (both stages together).
        package static let maxFrames = 600

        /// At most this many stage-1 frames (at least 2: the first and last epoch).
        package let stage1Frames: Int
        /// At most this many stage-2 frames (at least 1: the last epoch).
        package let stage2Frames: Int

        /// A plan with at most `stage1Frames` and `stage2Frames` frames, cut down (stage 2 first, which is
        /// the shorter part of the story) so that the two together stay within `maxFrames`.
        package init(stage1Frames: Int, stage2Frames: Int) {
            let s1 = min(Self.maxFrames - 1, max(2, stage1Frames))
            self.stage1Frames = s1
            self.stage2Frames = min(Self.maxFrames - s1, max(1, stage2Frames))
        }
    }

    /// The moments of an animation of the figure forming, as `plan` allows: stage-1 epochs 0 to the last
    /// recorded (every one, or `plan.stage1Frames` evenly spaced ones when there are more), then stage-2
    /// epochs 0 to the last the same way. The last is `finalMoment`; there are never more than
    /// `FramePlan.maxFrames`.
    package func moments(_ plan: FramePlan) -> [Moment] {
        let last = stage1Reached
        var out = Self.evenlySpaced(upTo: last, count: plan.stage1Frames).map { Moment(stage1Epoch: $0) }
        if let e2 = stage2Epochs {
            out += Self.evenlySpaced(upTo: e2, count: plan.stage2Frames).map { Moment(stage1Epoch: last, stage2Epoch: $0) }
        }
        return out
    }

    /// Epochs 0...`last`, all when there are at most `count`, otherwise `count` of them evenly spaced, always
    /// including `last` (and 0, when `count` > 1). Ascending, no repeats.
    static func evenlySpaced(upTo last: Int, count: Int) -> [Int] {
        let last = max(0, last)
        if last + 1 <= count { return Array(0...last) }
        guard count > 1 else { return [last] }
        // Rounded to the nearest epoch; with more epochs than frames the steps are at least 1, so no repeats.
        return (0..<count).map { i in Int((Double(i) * Double(last) / Double(count - 1)).rounded()) }
    }
}
