import Foundation
import NormscopeEngine

/// The self-running tour of `--demo`: a fixed pace and a caption for each phase, ending by itself.
///
/// Phases: an introduction while nothing trains, stage 1 with a caption per regime as the figure forms, a pause
/// on it, the class cursor pointing at a tail class (`pointSeconds`), stage 2, and a closing caption on the final figure
/// (stage 1's panels, Fig. 2, with the stage-2 table), held for `finalHoldSeconds` before the tour ends by
/// itself: 7 + 60 + 6 + 9 + 6 + 10 s, about 100 s in all at the default 100 + 10 epochs (89 s measured on a
/// release build before the pointing phase).
struct DemoScript {
    /// Seconds of introduction before training starts.
    static let introSeconds = 7.0
    /// Seconds to dwell on the finished stage 1 before stage 2.
    static let interludeSeconds = 6.0

    /// The pace nearest to stage 1 lasting about 80 seconds (0.6 s per epoch for the default 100 epochs).
    static func pace(epochs: Int) -> Pace { Pace(secondsPerEpoch: epochs > 0 ? 80.0 / Double(epochs) : 0.6) }

    let epochs: Int
    private(set) var caption: String = DemoScript.captions[0]
    private(set) var userInControl = false
    private var started: Date?
    private var stage1DoneAt: Date?
    private var stage2Started = false
    private var finished = false
    /// The class the tour points the class cursor at (its pointing phase), or nil.
    private(set) var cursor: Int?
    /// Training samples per class, most frequent first (the pointing caption's numbers).
    private(set) var classCounts: [Int] = []

    /// The introduction's caption, telling the data actually shown.
    private var intro = DemoScript.captions[0]

    init(epochs: Int) { self.epochs = epochs }

    /// A tour of `epochs` epochs whose introduction describes `classCounts` (most frequent first) and `regimes`.
    init(epochs: Int, classCounts: [Int], regimes: Int) {
        self.init(epochs: epochs)
        self.classCounts = classCounts
        if let most = classCounts.first, let least = classCounts.last {
            let nets = regimes == 5 ? "Five networks start" : regimes == 1 ? "One network starts" : "\(regimes) networks start"
            intro = "Long-tailed data: \(classCounts.count) classes, most frequent on the left (\(most) samples) to rarest on the right (\(least)). \(nets) from the same weights."
            caption = intro
        }
    }

    /// Every caption of the tour, its introduction first: the dashboard sizes its caption area for the longest,
    /// so the figure stays still as captions change.
    var allCaptions: [String] { [intro] + Self.captions.dropFirst() + [Self.changeCaption] }

    /// The user pressed a pacing key: the tour stops driving the pace but keeps its captions.
    mutating func userTookControl() { userInControl = true }

    enum Action: Equatable { case `continue`, startStage2, finished, change(ScheduledSetting, Double) }

    /// The tour's one live change, made through the settings panel's path: (d)'s MaxNorm radius raised to
    /// `value` once `fraction` of stage 1 is done (unless the user took control).
    static let change = (setting: ScheduledSetting.maxNormRadius, value: 2.0, fraction: 0.7)
    /// The caption while the change shows, until the last regime's caption.
    static let changeCaption = "Live change: (d)'s MaxNorm radius raised to 2 (the mark on its epoch axis). Watch its head rows climb past the old cap; the dots are its profile before."
    /// Whether the tour made its change.
    private(set) var changed = false

    /// Whether the tour holds training back (its introduction, and the pause between the stages); the header
    /// says "intro" rather than "paused" then.
    private(set) var holdsTraining = true

    /// Advances the tour to `now`, with training as `frame` shows it.
    mutating func tick(now: Date, frame: LiveFrame) -> Action {
        if started == nil { started = now }
        let t = now.timeIntervalSince(started!)
        if t < Self.introSeconds && !userInControl {
            holdsTraining = true
            caption = intro
            return .continue
        }
        holdsTraining = false
        let done = frame.run.stageEpochsDone
        if frame.preparingStage2 {
            caption = Self.captions[7]
            return .continue
        }
        if !frame.stage2Started {
            if frame.finished && stage2Started {
                // Stage 2 was asked for and did not start (not available): the tour ends on stage 1.
                caption = Self.captions[8]
                finished = true
                return .finished
            }
            if frame.finished {
                if stage1DoneAt == nil { stage1DoneAt = now }
                caption = Self.captions[6]
                let since = now.timeIntervalSince(stage1DoneAt!)
                if since >= Self.interludeSeconds && since < Self.interludeSeconds + Self.pointSeconds {
                    // The pointing phase: the cursor on a tail class, its story in the caption.
                    let naive = frame.run.stage1.first
                    cursor = cursor ?? Self.tailClass(naive, classCount: classCounts.count)
                    if let k = cursor { caption = Self.pointCaption(k, classCounts: classCounts, history: naive) }
                } else if since >= Self.interludeSeconds + Self.pointSeconds {
                    cursor = nil
                    stage2Started = true
                    caption = Self.captions[7]
                    return .startStage2
                }
                return .continue
            }
            let phase = min(5, 1 + done * 5 / max(1, epochs))
            caption = Self.captions[phase]
            if !changed && !userInControl && Double(done) >= Self.change.fraction * Double(epochs) {
                changed = true
                return .change(Self.change.setting, Self.change.value)
            }
            if changed && phase == 4 { caption = Self.changeCaption }
            return .continue
        }
        if frame.finished {
            caption = Self.captions[8]
            finished = true
            return .finished
        }
        caption = Self.captions[7]
        return .continue
    }

    /// Seconds the final figure stays on screen before the tour ends by itself (`--hold` overrides).
    static let finalHoldSeconds = 10.0

    static let captions = [
        "Long-tailed data: 100 classes, most frequent on the left (500 samples) to rarest on the right (5). Five networks start from the same weights.",
        "(a) Naive: every class's weight norm grows, head classes (left) fastest, so the classifier favours frequent classes.",
        "(b) L2-norm: each classifier row is normalised to 1 in the forward pass: perfectly balanced norms, by construction.",
        "(c) Weight decay: norms grow more slowly than in (a), but nothing caps them: head rows end near 1.6, above (d)'s cap, tail rows near 0.6.",
        "(d) MaxNorm: rows are projected back into a ball of radius delta after each step: head rows hit the cap, tail rows catch up.",
        "(e) WD + MaxNorm: small and balanced norms, the paper's recommendation. Compare the rows at the bottom of each panel.",
        "Stage 1 done. Read the heatmaps top to bottom: colour is the norm, one shared scale. Stage 2 retrains only the classifier next.",
        "Stage 2: features frozen; each classifier is retrained with a class-balanced loss, weight decay and MaxNorm (below the line).",
        "Done: the paper's Fig. 2, reproduced live, with (d)'s radius raised mid-run (its mark). The table shows stage 2: balancing the classifier's norms lifts the rare classes. Any key exits.",
    ]
}
