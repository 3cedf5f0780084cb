import Foundation
import NormscopeEngine

/// A clock that moves only when a test moves it: the live view's time without sleeping.
///
/// Safe to read from any thread (the training workers read it while the test advances it).
package final class ManualClock: LiveClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    /// Seconds every reading moves the clock on by (0: it stands still between `advance` calls).
    private let step: Double

    /// A clock standing at `start` (by default 2026-11-30 14:05:35 UTC) that moves `step` seconds per reading.
    package init(at start: Date = Date(timeIntervalSince1970: 1_796_047_535), step: Double = 0) {
        current = start
        self.step = step
    }

    package func now() -> Date {
        lock.lock(); defer { lock.unlock() }
        let t = current
        current = current.addingTimeInterval(step)
        return t
    }

    /// Moves the clock on by `seconds`.
    package func advance(by seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}
