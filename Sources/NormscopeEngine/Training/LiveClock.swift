import Foundation

/// The time as the live view and its training session read it: the wall clock, or a clock a test sets.
///
/// Everything that paces, times or names things in the live view (the pace's epoch releases, the demo's
/// phases, messages that expire, the held final screen, the training clock in the header, export names,
/// the recording's frame times) asks its clock instead of `Date()`, so tests move time by hand instead of
/// sleeping (`ManualClock` in NormscopeTestSupport).
package protocol LiveClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The wall clock (`Date()`): the one every command uses.
package struct WallClock: LiveClock {
    package init() {}

    package func now() -> Date { Date() }
}
