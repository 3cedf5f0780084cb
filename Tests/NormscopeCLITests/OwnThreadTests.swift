import Foundation
import Synchronization
import Testing

/// The `.ownThread` trait: a test that sleeps is resumed on its own thread, even while every thread of the
/// cooperative pool is held by synchronous work (as the CPU-bound tests of the full suite hold them).
@Suite("tests on their own thread", .ownThread)
struct OwnThreadTests {
    @Test("a test runs on its own thread, and is back on it after a sleep, an actor and a child task")
    func resumesOnOwnThread() async throws {
        #expect(ThreadExecutor.onOwnThread)
        try await Pause.sleep(for: .milliseconds(5))
        #expect(ThreadExecutor.onOwnThread)
        await SpawnGate.shared.enter()
        await SpawnGate.shared.leave()
        #expect(ThreadExecutor.onOwnThread)
        async let child = ThreadExecutor.onOwnThread
        #expect(await child)
        #expect(ThreadExecutor.onOwnThread)
    }

    @Test("a test goes on while synchronous work holds every thread of the pool")
    func outrunsBusyPool() async throws {
        // One spinning task per core fills the pool; each spins until the test says it is done, or gives up
        // after 30 s. On the pool, the test could not resume from its sleeps until they gave up.
        final class Flags: Sendable {
            let done = Atomic<Bool>(false), gaveUp = Atomic<Int>(0)
        }
        let flags = Flags()
        let width = ProcessInfo.processInfo.activeProcessorCount
        let spinners = (0..<width).map { _ in
            Task.detached {
                let deadline = ContinuousClock.now + .seconds(30)
                while !flags.done.load(ordering: .relaxed) {
                    if ContinuousClock.now > deadline { flags.gaveUp.add(1, ordering: .relaxed); return }
                }
            }
        }
        // (Only what needs no other task: anything that waits for the pool, such as `SpawnGate` in the full
        // suite, would wait for the spinners.)
        for _ in 0..<5 { try await Pause.sleep(for: .milliseconds(10)) }
        flags.done.store(true, ordering: .relaxed)
        for spinner in spinners { await spinner.value }
        #expect(flags.gaveUp.load(ordering: .relaxed) == 0, "the test waited for the pool")
    }
}
