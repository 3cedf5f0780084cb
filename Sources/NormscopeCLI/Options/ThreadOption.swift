import ArgumentParser
import Foundation
import NormscopeFlags

/// `--threads`: the worker threads of the commands that train, `reproduce` among them.
struct ThreadOption: ParsableArguments, Sendable {
    @Option(parsing: .unconditional, help: FlagTable.threads.argumentHelp(), transform: FlagTable.threads.transform)
    var threads: Int?

    init() {}

    /// Number of worker threads to use: `--threads`, else one per core.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
