#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Testing
@testable import NormscopeTerminal

/// Clicks that arrive together: every one becomes a key, in order, and keys read with them are kept.
@Suite("mouse clicks in the key reader")
struct KeyInputMouseTests {
    @Test("one KEY_MOUSE gives a click per press, oldest first; a release alone is no click; keys stay keys")
    func keysOfOneRead() {
        let two = [KeyInput.Press(x: 4, y: 2), KeyInput.Press(x: 19, y: 6)]
        let mouse = UInt32(KEY_MOUSE)
        #expect(KeyInput.keys(status: KEY_CODE_YES, value: mouse) { two } == [.click(x: 4, y: 2), .click(x: 19, y: 6)])
        #expect(KeyInput.keys(status: KEY_CODE_YES, value: mouse) { [] } == [.other(KEY_MOUSE)])
        var asked = false
        #expect(KeyInput.keys(status: OK, value: 113) { asked = true; return two } == [.char("q")])
        #expect(KeyInput.keys(status: KEY_CODE_YES, value: UInt32(KEY_LEFT)) { asked = true; return two } == [.left])
        #expect(KeyInput.keys(status: ERR, value: 0) { asked = true; return two } == [])
        #expect(!asked, "the mouse queue is read for KEY_MOUSE only")
    }

    @Test("the keys of one read come out one a call, in order, before the next read")
    func pendingKeys() {
        var reads: [[Key]] = [[.click(x: 1, y: 1), .click(x: 2, y: 2), .click(x: 3, y: 3)], [.char("x")], [], [.up]]
        var pending = PendingKeys()
        var got: [Key?] = []
        for _ in 0..<6 { got.append(pending.next { reads.removeFirst() }) }
        #expect(got == [.click(x: 1, y: 1), .click(x: 2, y: 2), .click(x: 3, y: 3), .char("x"), nil, .up])
        #expect(reads.isEmpty && pending.isEmpty)
    }

    /// Real ncurses on a pipe: two clicks and a key written at once, as a terminal sends them when the
    /// program is busy (ncurses announces both clicks with one KEY_MOUSE).
    @Test("two clicks and a key in one write: both clicks, then the key (ncurses on a pipe)")
    func clicksTogetherThroughNcurses() throws {
        try InProcessNcurses.exclusive { try clicksThroughNcurses() }
    }

    func clicksThroughNcurses() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let input = try #require(fdopen(fds[0], "r")), output = try #require(fopen("/dev/null", "w"))
        defer { fclose(input); fclose(output); close(fds[1]) }
        let screen = try #require(newterm("xterm-256color", output, input))
        defer { endwin(); delscreen(screen) }
        let window = try #require(ns_stdscr())
        keypad(window, true)
        #expect(ns_mouse_on() == 1, "button-1 presses asked for, as the live view asks")
        wtimeout(window, 200)
        // SGR reports are 1-based: presses at cells (4, 2) and (19, 6), each with its release, then "x".
        let bytes = Array("\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}[<0;20;7M\u{1B}[<0;20;7mx".utf8)
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        var pending = PendingKeys()
        var got: [Key] = []
        while let key = pending.next(read: { KeyInput.read(window) }) { got.append(key) }
        #expect(got == [.click(x: 4, y: 2), .click(x: 19, y: 6), .char("x")])
    }
}
