import Foundation
import NormscopeEngine

/// Shows training progress on stderr: a redrawn bar on a terminal, a plain line every 10% otherwise.
final class ProgressReporter {
    private let total: Int
    private let label: String
    private let started = Date()
    private var lastPercent = -1
    private var lastDraw = Date.distantPast
    private let bar: Bool

    init(totalEpochs: Int, regimes: Int, label: String, forceBar: Bool? = nil) {
        total = max(1, totalEpochs * regimes)
        self.label = label
        bar = forceBar ?? StandardError.isTerminal
    }

    /// Reports `done` of the total epochs finished.
    func update(done: Int) {
        let percent = min(100, done * 100 / total)
        let elapsed = Date().timeIntervalSince(started)
        if bar {
            guard Date().timeIntervalSince(lastDraw) > 0.05 || percent == 100 else { return }
            lastDraw = Date()
            let width = 30
            let filled = width * percent / 100
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            StandardError.write(String(format: "\r\u{1B}[2K%@ [%@%@] %3d%%  %d/%d epochs  %.1fs  eta %.1fs",
                                       label, String(repeating: "#", count: filled),
                                       String(repeating: ".", count: width - filled), percent, done, total, elapsed, eta))
        } else if percent / 10 != lastPercent / 10 || (percent == 100 && lastPercent != 100) {
            StandardError.write(String(format: "%@: %d%% (%d/%d epochs, %.1fs)\n", label, percent, done, total, elapsed))
        }
        lastPercent = percent
    }

    /// Ends the bar's line.
    func finish() { if bar { StandardError.write("\n") } }
}
