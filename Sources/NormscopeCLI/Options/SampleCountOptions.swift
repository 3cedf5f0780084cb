import ArgumentParser
import NormscopeFlags

/// The sizes of generated data that both the data flags (`DataOptions`) and `reproduce` take: classes and
/// samples per class. Unset flags keep the recipe's.
struct SampleCountOptions: ParsableArguments, Sendable {
    @Option(parsing: .unconditional, help: FlagTable.classes.argumentHelp(), transform: FlagTable.classes.transform)
    var classes: Int?

    @Option(name: .customLong("max-per-class"), parsing: .unconditional, help: FlagTable.maxPerClass.argumentHelp(),
            transform: FlagTable.maxPerClass.transform)
    var maxPerClass: Int?

    @Option(name: .customLong("test-per-class"), parsing: .unconditional, help: FlagTable.testPerClass.argumentHelp(),
            transform: FlagTable.testPerClass.transform)
    var testPerClass: Int?

    init() {}

    /// Whether any of them was given.
    var anyGiven: Bool { classes != nil || maxPerClass != nil || testPerClass != nil }
}
