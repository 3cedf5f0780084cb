import CNcursesw

/// Clicks: every button-1 press behind a KEY_MOUSE, in the order they were made.
///
/// ncurses reads mouse reports that arrive in one write (two quick clicks, or a click the terminal sent while
/// the program was busy) as one run and announces the whole run with a single KEY_MOUSE; `getmouse` then hands
/// the run out newest first. Reading one event per KEY_MOUSE lost every click but the last.
extension KeyInput {
    /// A button-1 press at a cell (column `x`, row `y` from the top left).
    struct Press: Equatable {
        var x: Int
        var y: Int
    }

    /// The keys for one `wget_wch` result, oldest first; `presses` reads the run of presses a KEY_MOUSE announced
    /// (oldest first) and is called for KEY_MOUSE only. A KEY_MOUSE without a press (a release) is
    /// `.other(KEY_MOUSE)`; `ERR` gives no key.
    static func keys(status: Int32, value: UInt32, presses: () -> [Press]) -> [Key] {
        guard status == KEY_CODE_YES, Int32(bitPattern: value) == KEY_MOUSE else {
            return decode(status: status, value: value).map { [$0] } ?? []
        }
        let run = presses()
        return run.isEmpty ? [.other(KEY_MOUSE)] : run.map { .click(x: $0.x, y: $0.y) }
    }

    /// The keys of one `wget_wch` on `window` (waiting as its timeout says), oldest first; none on timeout.
    static func read(_ window: UnsafeMutablePointer<WINDOW>) -> [Key] {
        var wch: wint_t = 0
        let status = wget_wch(window, &wch)
        return keys(status: status, value: UInt32(wch), presses: mousePresses)
    }

    /// The button-1 presses ncurses holds after a KEY_MOUSE, oldest first (all of them: the queue is emptied).
    static func mousePresses() -> [Press] {
        let capacity = 32
        var xs = [Int32](repeating: 0, count: capacity), ys = [Int32](repeating: 0, count: capacity)
        let n = Int(ns_mouse_presses(&xs, &ys, Int32(capacity)))
        return (0..<n).map { Press(x: Int(xs[$0]), y: Int(ys[$0])) }
    }
}
