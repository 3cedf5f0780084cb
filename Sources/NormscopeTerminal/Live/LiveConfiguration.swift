import NormscopeDraw
import NormscopeEngine

/// Everything the live view needs to know before it starts.
package struct LiveConfiguration: Sendable {
    /// Builds the experiment for a seed (called again with a new seed on `r`).
    package var makeExperiment: @Sendable (UInt64) throws -> Experiment
    /// Builds the experiment with flag values from the settings panel (flag with dashes to its text, as the
    /// command line takes it) for a seed: the panel's restarts. Nil: the panel cannot restart with other settings.
    package var makeExperimentOverriding: (@Sendable ([String: String], UInt64) throws -> Experiment)?
    /// The first run's seed.
    package var seed: UInt64
    /// Worker threads for training.
    package var threads: Int
    /// Starting colour map.
    package var colorMap: ColorMapKind
    /// Never use colour (`--no-color`; `NO_COLOR` is also honoured).
    package var noColor: Bool
    /// Force ASCII glyphs (`--ascii`); ASCII is also chosen when the locale is not UTF-8.
    package var ascii: Bool
    /// Starting pace.
    package var pace: Pace
    /// Play the self-running tour with captions.
    package var demo: Bool
    /// The demo's pace when given explicitly (`--demo --pace`); nil: the tour's own (stage 1 in ~80 s).
    package var demoPace: Pace?
    /// Seconds to hold the final screen before exiting by itself (nil: until a key).
    package var hold: Double?
    /// Directory where `e` writes exports.
    package var exportDirectory: String
    /// Stage-2 settings; stage 2 runs after stage 1 on `2` (and by itself in the demo).
    package var stage2: Stage2Config
    /// Where `--record` writes the asciicast (a checked file path, links resolved), how to name it, its title.
    package var recording: (path: String, shownAs: String, title: String)?
    /// The top of the colour scale, fixed for the whole run (the paper's 2.0 by default).
    package var vmax: Double = DashboardModel.paperScaleTop
    /// The time the view paces, times and names exports by (the wall clock; tests set their own).
    package var clock: any LiveClock = WallClock()

    package init(makeExperiment: @escaping @Sendable (UInt64) throws -> Experiment, seed: UInt64, threads: Int,
                colorMap: ColorMapKind = .jet, noColor: Bool = false, ascii: Bool = false, pace: Pace = .standard,
                demo: Bool = false, hold: Double? = nil, exportDirectory: String = ".", stage2: Stage2Config = Stage2Config()) {
        self.makeExperiment = makeExperiment
        self.seed = seed
        self.threads = threads
        self.colorMap = colorMap
        self.noColor = noColor
        self.ascii = ascii
        self.pace = pace
        self.demo = demo
        self.hold = hold
        self.exportDirectory = exportDirectory
        self.stage2 = stage2
    }
}
