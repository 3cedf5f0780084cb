/// Keys read from the terminal but not handed out yet, so that one read's several keys come out one at a time.
///
/// One `wget_wch` can stand for several keys (the clicks of one KEY_MOUSE, see `KeyInput.keys`); the caller
/// takes one key a turn, and the rest wait here in order instead of being dropped.
struct PendingKeys {
    private var keys: [Key] = []
    private var head = 0

    /// Whether a key waits (the next `next` needs no read).
    var isEmpty: Bool { head == keys.count }

    /// The oldest waiting key, else the first of `read()`'s keys (the others wait); nil when `read` gave none.
    mutating func next(read: () -> [Key]) -> Key? {
        if isEmpty {
            keys = read()
            head = 0
            if keys.isEmpty { return nil }
        }
        defer { head += 1 }
        return keys[head]
    }
}
