import ArgumentParser
import NormscopeEngine

/// The `normscope` command and its subcommands.
package struct Normscope: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "normscope",
        abstract: "Watch per-class classifier weight norms under five long-tailed training regimes.",
        discussion: """
        Reproduces Fig. 2 of "Long-Tailed Recognition via Weight Balancing" (CVPR 2022) live in the terminal. \
        With no subcommand, opens the live view on the built-in experiment (see 'normscope watch --help').
        """,
        version: ProgramInfo.currentVersion,
        subcommands: [WatchCommand.self, RunCommand.self, DatasetCommand.self, BenchCommand.self, ReproduceCommand.self, FigureCommand.self],
        defaultSubcommand: WatchCommand.self
    )
    package init() {}
}
