#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// A task executor that runs its jobs, one at a time, on one thread of its own.
///
/// Swift Testing runs every test on the cooperative pool, which has one thread per core (two here). The
/// synchronous, CPU-bound tests (training, flag parsing in a debug build) hold those threads for seconds at a
/// time, so an async test that sleeps between captures of a live program may not be resumed for minutes while
/// the program runs on: a flash is gone, a paced run has finished. A test that runs with this executor as its
/// preference (`ThreadExecutor.run`, or the `.ownThread` trait) is resumed on its own thread instead.
///
/// A task sleep is woken by the pool even so: such tests sleep with `Pause.sleep(for:)`.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false
    private var thread: pthread_t?

    /// The executor whose thread runs the current task's jobs, if it was started by `run`.
    @TaskLocal static var current: ThreadExecutor?

    /// Starts the thread.
    init() {
        let started = DispatchSemaphore(value: 0)
        Thread { [self] in
            condition.lock()
            thread = pthread_self()
            condition.unlock()
            started.signal()
            loop()
        }.start()
        started.wait()
    }

    /// Whether the calling code runs on this executor's thread.
    var isCurrentThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        return thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    /// Whether the calling code runs on the thread of the executor `run` gave the current task.
    static var onOwnThread: Bool { current?.isCurrentThread ?? false }

    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once the jobs already enqueued have run.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Runs `body` with a new executor of its own as the task's preference, and ends its thread afterwards.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        let executor = ThreadExecutor()
        defer { executor.stop() }
        return try await $current.withValue(executor) {
            try await withTaskExecutorPreference(executor) { try await body() }
        }
    }
}

/// Runs each test of a suite (or one test) on a thread of its own rather than the cooperative pool.
///
/// For tests that drive a live program and must see it at a moment that passes (tmux tests): see
/// `ThreadExecutor`.
struct OwnThreadTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws {
        // Called around the suite, around each test, and around each of its cases: the cases get the thread.
        guard testCase != nil else { return try await function() }
        try await ThreadExecutor.run { try await function() }
    }
}

extension Trait where Self == OwnThreadTrait {
    /// Each test runs on a thread of its own, so a busy cooperative pool cannot leave it waiting.
    static var ownThread: Self { Self() }
}

/// Sleeping in tests that may run on a thread of their own.
enum Pause {
    /// Sleeps for `duration`: on a test's own thread by blocking that thread (a task sleep is woken through the
    /// cooperative pool, which the CPU-bound tests may hold for minutes), elsewhere as a task sleep.
    static func sleep(for duration: Duration) async throws {
        guard ThreadExecutor.onOwnThread else { return try await Task.sleep(for: duration) }
        try Task.checkCancellation()
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
