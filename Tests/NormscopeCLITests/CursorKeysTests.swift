import Testing
@testable import NormscopeTerminal

/// The class cursor's keys on their own: where each key puts the cursor, from hidden and from a class.
@Suite("class cursor keys")
struct CursorKeysTests {
    func after(_ key: Key, _ from: Int?, classes: Int = 100) -> Int? { LiveApp.cursor(after: key, from: from, classes: classes) }

    @Test("a first press shows the cursor: → and Home on the most frequent class, ← and End on the rarest")
    func firstPress() {
        #expect(after(.right, nil) == 0 && after(.home, nil) == 0 && after(.pageUp, nil) == 0)
        #expect(after(.left, nil) == 99 && after(.end, nil) == 99 && after(.pageDown, nil) == 99)
    }

    @Test("moves stop at the ends; pages are a tenth of the classes; a cursor past the classes is clamped first")
    func moves() {
        #expect(after(.left, 0) == 0 && after(.right, 99) == 99 && after(.right, 41) == 42 && after(.left, 41) == 40)
        #expect(after(.pageDown, 41) == 51 && after(.pageUp, 5) == 0 && after(.pageDown, 95) == 99)
        #expect(after(.pageDown, 3, classes: 4) == 3 && after(.pageUp, 3, classes: 4) == 2, "at least one class a page")
        #expect(after(.left, 99, classes: 20) == 18, "a restart with 20 classes: from 19")
        #expect(after(.home, 50) == 0 && after(.end, 50) == 99)
        #expect(after(.right, 3, classes: 0) == 3, "no classes: nothing moves")
    }

    @Test("only the arrows, Home/End and the page keys move it; v, n, space, s and Esc do not")
    func keys() {
        for k in [Key.left, .right, .home, .end, .pageUp, .pageDown] { #expect(LiveApp.movesCursor(k)) }
        for k in [Key.char("v"), .char("n"), .char(" "), .char("s"), .escape, .up, .down] { #expect(!LiveApp.movesCursor(k)) }
    }
}
