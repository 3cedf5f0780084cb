import CNcursesw

/// Home and End as terminals and multiplexers send them even when the terminfo entry names other strings.
///
/// tmux sends `ESC [1~` / `ESC [4~` for Home / End whatever `TERM` says, and xterm's entry has `ESC OH` /
/// `ESC OF`: without these definitions ncurses hands such a sequence over as Esc and three characters (and
/// Esc hides the class cursor).
extension KeyInput {
    /// The extra sequences and the key codes they stand for.
    static let extraSequences: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
    ]

    /// Teaches ncurses the extra sequences (after `keypad`); a sequence it knows already is left as it is.
    static func defineExtraSequences() {
        for (sequence, code) in extraSequences where key_defined(sequence) == 0 { define_key(sequence, code) }
    }
}
