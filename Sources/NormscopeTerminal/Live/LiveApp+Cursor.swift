/// The class cursor's keys: ←/→ move it one class, Home/End to the ends, PageUp/PageDown a tenth of the classes.
///
/// The first press shows the cursor (on the rarest class for ← and End, the most frequent for → and Home);
/// Esc hides it. The position is kept across views, resizes and restarts, and clamped to the classes there are.
extension LiveApp {
    /// Whether `key` moves the class cursor.
    static func movesCursor(_ key: Key) -> Bool {
        switch key {
        case .left, .right, .home, .end, .pageUp, .pageDown: return true
        default: return false
        }
    }

    /// The cursor after `key` from `cursor` over `classes` classes (nil: hidden; a first press shows it).
    static func cursor(after key: Key, from cursor: Int?, classes: Int) -> Int? {
        guard classes > 0 else { return cursor }
        let last = classes - 1
        let page = max(1, classes / 10)
        guard let k = cursor.map({ min(last, max(0, $0)) }) else {
            switch key {
            case .left, .end, .pageDown: return last
            default: return 0
            }
        }
        switch key {
        case .left: return max(0, k - 1)
        case .right: return min(last, k + 1)
        case .home: return 0
        case .end: return last
        case .pageUp: return max(0, k - page)
        case .pageDown: return min(last, k + page)
        default: return k
        }
    }
}
