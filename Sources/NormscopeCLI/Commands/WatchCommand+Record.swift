import NormscopeEngine

/// `--record FILE.cast`: where the live view's asciicast goes, checked like every output before anything starts.
extension WatchCommand {
    /// The checked recording (path with links resolved, the path as given, a title), or nil without `--record`.
    /// Throws (exit 73, one line) for a path that cannot be written, and for `-`: standard output is the
    /// terminal the live view draws on.
    func recording() throws -> (path: String, shownAs: String, title: String)? {
        guard let record else { return nil }
        let target = try CommandErrors.wrap {
            try OutputTarget.check(record, flag: "--record", inputs: OutputTarget.Input.dataset(experiment.data.dataset),
                                   standardOutputHint: false, force: overwrite.force, consequence: "the live view was not started")
        }
        guard case .file(let real) = target.destination else {
            return try CommandErrors.wrap {
                throw NormscopeError.invalidValue("--record needs a file: \(record) is standard output, the terminal the live view draws on")
            }
        }
        let title = demo ? "normscope --demo: Fig. 2 of Long-Tailed Recognition via Weight Balancing, live"
            : "normscope: Fig. 2 of Long-Tailed Recognition via Weight Balancing, live"
        return (real, record, title)
    }
}
