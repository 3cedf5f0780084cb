import ArgumentParser

/// `--force`: replace an output file even when it is read-only.
///
/// Without it a read-only output (no write permission for the user) is refused before any work, exit 73.
/// Either way a replaced file keeps its permission bits (and, for root, its owner): see `ReplacedFile`.
struct ForceOption: ParsableArguments {
    @Flag(name: .customLong("force"), help: "Replace an output file even if it is read-only (it keeps its permissions).")
    var force = false
}
