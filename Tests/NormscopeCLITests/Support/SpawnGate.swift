/// A counting gate for the tests' run-to-the-end children: at most `limit` of them run at once.
///
/// Swift Testing starts every parametrized case at once, and a case waiting on its child suspends, so a
/// sweep through the binary (a flag per case) would otherwise start a hundred processes on two cores, each
/// needing half a CPU-second in a debug build, and their timeouts would measure the queue rather than the
/// program. A child's timeout starts when it passes the gate.
actor SpawnGate {
    /// The gate `Child.normscope` passes.
    static let shared = SpawnGate(limit: 4)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    /// Waits for a free place and takes it.
    func enter() async {
        if running < limit { running += 1; return }
        await withCheckedContinuation { waiting.append($0) }  // `leave` hands its place over
    }

    /// Gives the place back, to the longest waiter if there is one.
    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
