import Foundation

/// A value behind a lock, with a condition to wait on: the API of `Synchronization.Mutex` (`withLock` hands the
/// value over `inout sending`, so the compiler checks what goes in and out at every call site as it would for a
/// `Mutex`) plus waiting until the value says so.
///
/// Not `Mutex` itself: on Linux its contended path is a futex call inside the uninstrumented runtime, which
/// ThreadSanitizer cannot see (`Benchmarks/tsan.sh` then reports accesses under it as races), and it has no
/// condition to wait on. An `NSCondition` (a pthread mutex and condition variable, both intercepted by
/// ThreadSanitizer) gives both. `@unchecked` because the compiler cannot see that `value` is touched only with
/// `condition` locked; every member below keeps that one rule.
final class ConditionLock<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    init(_ initial: sending Value) { value = initial }

    /// Runs `body` on the value with the lock held; with `notify`, wakes every waiter before unlocking.
    func withLock<R>(notify: Bool = false, _ body: (inout sending Value) throws -> sending R) rethrows -> sending R {
        condition.lock()
        defer {
            if notify { condition.broadcast() }
            condition.unlock()
        }
        return try body(&value)
    }

    /// Runs `body` with the lock held until it returns a result, waiting for a notification between tries.
    func waitFor<R>(_ body: (inout sending Value) -> sending R?) -> sending R {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = body(&value) { return r }
            condition.wait()
        }
    }

    /// Waits until `done` holds of the value or `deadline` passes (nil: no deadline); returns whether it holds.
    @discardableResult
    func wait(until deadline: Date? = nil, _ done: (borrowing Value) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !done(value) {
            if let deadline {
                if !condition.wait(until: deadline) { return done(value) }
            } else {
                condition.wait()
            }
        }
        return true
    }
}
