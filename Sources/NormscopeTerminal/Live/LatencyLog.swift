import Foundation

/// Opt-in timings of the live view's answers, for `Benchmarks/live-latency.sh`: with `NORMSCOPE_LATENCY_LOG`
/// set to a file, each key's time to the frame that answers it, and each restart's time from Enter to the first
/// frame of the new run (and how much of it building the experiment took), one line each, in milliseconds.
///
/// Off (nil path) it costs a comparison per key and frame. Lines: `key 3.2`, `restart 41.0 experiment 12.5 run 3.1`
/// (the restart's wait, then the CPU its helper thread spent generating the data and starting the run).
struct LatencyLog {
    private let path: String?
    private var keyAt: Date?
    private var restartAt: Date?
    private var work: (experiment: Double, run: Double) = (0, 0)

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = environment["NORMSCOPE_LATENCY_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A key arrived at `now` (the first unanswered one counts).
    mutating func key(at now: Date) {
        if path != nil && keyAt == nil { keyAt = now }
    }

    /// A restart asked for at `start` is on screen next frame; building it took `work` seconds of CPU
    /// (generating the experiment, starting its run).
    mutating func restart(asked start: Date, work: (experiment: Double, run: Double)) {
        guard path != nil else { return }
        restartAt = start
        self.work = work
    }

    /// A frame reached the terminal at `now`: logs the key and the restart it answers.
    mutating func frame(at now: Date) {
        guard let path, keyAt != nil || restartAt != nil else { return }
        var lines = ""
        if let k = keyAt { lines += String(format: "key %.2f\n", now.timeIntervalSince(k) * 1000) }
        if let r = restartAt {
            lines += String(format: "restart %.2f experiment %.2f run %.2f\n", now.timeIntervalSince(r) * 1000,
                            work.experiment * 1000, work.run * 1000)
        }
        keyAt = nil
        restartAt = nil
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        try? handle.close()
    }
}
