import NormscopeDraw
import NormscopeEngine
import NormscopeImage

extension FlagTable {
    package static let threads = FlagSpec<Int>.whole(
        "--threads", "Worker threads", range: .between(1, 256, whole: true),
        default: "all cores; results do not depend on it")
    package static let pace = FlagSpec<Double>.number(
        "--pace", "Seconds per epoch at the start (0: flat out)", range: .between(0, 60),
        default: "0.6, or the tour's own with --demo", note: "+ and - change it live.",
        steps: [0, 0.05, 0.15, 0.3, 0.6, 1.2, 2, 4])
    package static let hold = FlagSpec<Double>.number(
        "--hold", "Exit this many seconds after the end instead of waiting for a key", range: .between(0, 86_400))
    package static let vmax = FlagSpec<Double>.number(
        "--vmax", "Top of the colour scale (larger norms take the top colour)",
        range: ValueRange(lower: 1e-6, upper: 1e6, lowerOpen: false, upperOpen: false, wholeNumbers: false,
                          phrase: "between 1e-6 and 1e6"),
        default: "\(DashboardModel.paperScaleTop), the paper's", steps: [0.5, 1, 1.5, 2, 3, 5, 10])
    package static let fps = FlagSpec<Int>.whole(
        "--fps", "GIF frames per second",
        range: .between(Double(FigureImages.fpsRange.lowerBound), Double(FigureImages.fpsRange.upperBound), whole: true),
        default: "\(FigureImages.defaultFPS)")
    package static let width = FlagSpec<Int>.whole(
        "--width", "PNG or GIF width in pixels",
        range: .between(Double(FigureRaster.widthRange.lowerBound), Double(FigureRaster.widthRange.upperBound), whole: true),
        default: "\(FigureRaster.defaultWidth)")
    package static let timedEpochs = FlagSpec<Int>.whole(
        "--timed-epochs", "Epochs timed per regime, after one warm-up epoch", range: .between(1, 1000, whole: true),
        default: "3")
    package static let seeds = FlagSpec<Int>.whole(
        "--seeds", "Number of seeds: the table gives mean and spread over them", range: range(.seeds), default: "3")
    package static let validationFraction = FlagSpec<Double>.number(
        "--validation-fraction", "Share of each class's training samples held out for the search",
        range: range(.validationFraction), default: "0.2")

    /// The rows of flags that set no engine setting but a command's own (threads aside, which is with training).
    static var commandEntries: [FlagEntry] {
        [pace.entry, hold.entry, vmax.entry, fps.entry, width.entry, timedEpochs.entry, seeds.entry,
         validationFraction.entry]
    }
}
