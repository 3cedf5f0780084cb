import ArgumentParser
import NormscopeEngine

/// The `normscope` command and its subcommands.
public struct Normscope: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "normscope",
        abstract: "Watch per-class classifier weight norms under five long-tailed training regimes.",
        subcommands: [RunCommand.self, DatasetCommand.self, BenchCommand.self]
    )
    public init() {}
}
