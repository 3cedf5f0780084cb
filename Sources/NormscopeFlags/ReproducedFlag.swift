/// One row of a reproducing command's tables: the words a setting of a `Config` adds to the command line when its
/// value differs from a base configuration's, none when it is the same.
struct ReproducedFlag<Config> {
    /// The words for `value` against `base` (`["--epochs", "50"]`, or `[]`).
    let words: (_ value: Config, _ base: Config) -> [String]

    /// The flag table's row `spec` for the setting at `path`.
    init<V: Equatable>(_ spec: FlagSpec<V>, _ path: KeyPath<Config, V>) {
        self.init(spec.flag, path, spell: spec.spell)
    }

    /// A flag the table has no row for (`--stage2-base`), its value spelled by `spell`.
    init<V: Equatable>(_ flag: String, _ path: KeyPath<Config, V>, spell: @escaping (V) -> String) {
        words = { value, base in
            let v = value[keyPath: path]
            return v != base[keyPath: path] ? [flag, spell(v)] : []
        }
    }

    /// A setting whose words follow rules of their own (two MaxNorm rules, a switch).
    init(words: @escaping (_ value: Config, _ base: Config) -> [String]) { self.words = words }

    /// The words of every row of `table` for `value` against `base`, in the table's order.
    static func words(_ table: [ReproducedFlag], for value: Config, against base: Config) -> [String] {
        table.flatMap { $0.words(value, base) }
    }
}

extension FlagSpec where Value: Equatable {
    /// The flag and `value` as a command line spells them, or nothing when `value` is `base`.
    func words(_ value: Value, unless base: Value) -> [String] { value != base ? [flag, spell(value)] : [] }
}
