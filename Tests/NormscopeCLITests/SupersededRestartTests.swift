import Foundation
import NormscopeEngine
@testable import NormscopeTerminal
import Testing

/// A restart asked for while another is being built takes its place: the earlier one's run, built or not yet,
/// is stopped and never shown, so its workers do not wait for epochs for ever.
@Suite("a restart that another takes the place of")
struct SupersededRestartTests {
    static let experiment = Experiment(recipe: ExportAnyMomentTests.recipe,
                                       config: TrainingConfig(hidden: [6], batchSize: 16, epochs: 5))

    /// A restart built on its helper thread once `gate` is signalled; returns it and a way to wait for it.
    static func restart(gate: DispatchSemaphore) -> (PendingRestart, () -> LiveRun?) {
        let pending = PendingRestart(seed: 1, overrides: [:], asked: Date(), message: "", before: [:])
        pending.build({ gate.wait(); return Self.experiment }) { LiveRun(experiment: $0, threads: 1, stage2Epochs: 0) }
        return (pending, { poll { pending.result }.flatMap { try? $0.get() } })
    }

    /// `value` once it is not nil, looked at every 5 ms for at most a minute; nil if it never is.
    static func poll<T>(_ value: () -> T?) -> T? {
        for _ in 0..<12_000 {
            if let v = value() { return v }
            usleep(5_000)
        }
        return nil
    }

    @Test("superseded while building: its run is stopped as soon as it is built")
    func whileBuilding() throws {
        let gate = DispatchSemaphore(value: 0)
        let (pending, built) = Self.restart(gate: gate)
        pending.supersede()
        gate.signal()
        let run = try #require(built())
        #expect(Self.poll { run.session.isCancelled ? true : nil } == true)
    }

    @Test("superseded once built: its run is stopped; a restart not superseded keeps its run")
    func onceBuilt() throws {
        let gate = DispatchSemaphore(value: 0)  // (a semaphore must not end below its initial value)
        let (kept, keptRun) = Self.restart(gate: gate)
        let (pending, built) = Self.restart(gate: gate)
        gate.signal()
        gate.signal()
        let run = try #require(built())
        pending.supersede()
        #expect(Self.poll { run.session.isCancelled ? true : nil } == true)
        let other = try #require(keptRun())
        defer { other.stop() }
        #expect(!other.session.isCancelled, "\(kept.seed)")
    }
}
