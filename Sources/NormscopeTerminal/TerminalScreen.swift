#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import NormscopeDraw

/// Rows and columns of the terminal.
struct TerminalSize: Equatable, Hashable, Sendable {
    var rows: Int
    var cols: Int
    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }
}

/// The full-screen terminal: the only place that writes to ncurses.
///
/// `draw(_:)` copies a `Canvas` to the screen, sending only the cells that changed since the
/// previous canvas (everything after a resize or `forceRedraw()`), and clips whatever does not fit.
/// Colours are mapped to what the terminal has (256, 16, 8 or none) and colour pairs are
/// allocated lazily with ncurses 6 `alloc_pair`.
final class TerminalScreen {
    /// How the screen is set up.
    struct Options: Sendable {
        /// Whether to use colour.
        enum ColorPolicy: Sendable {
            /// Colour when the terminal has it and `NO_COLOR` is not set.
            case auto
            /// Never colour (attributes only), e.g. for `--no-color`.
            case never
        }

        var color: ColorPolicy
        /// How long ncurses waits after ESC for the rest of an escape sequence.
        var escapeDelayMs: Int32
        /// Whether to hold back stderr while the screen is live and print it after `stop()` (or a
        /// crash), instead of letting it scribble over the screen and vanish with it.
        var captureStderr: Bool
        /// Whether to ask the terminal for mouse clicks (`Key.click`); off by default.
        var mouse = false

        init(color: ColorPolicy = .auto, escapeDelayMs: Int32 = 25, captureStderr: Bool = true) {
            self.color = color
            self.escapeDelayMs = escapeDelayMs
            self.captureStderr = captureStderr
        }
    }

    let options: Options
    /// What the terminal can show; meaningful once `start()` has run.
    private(set) var capabilities = Capabilities(colors: 0, terminalColors: 0, defaultColors: false,
                                                       utf8: false, noColorRequested: false)

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var installedTrap = false
    /// Keys read and not handed out yet (clicks that arrived together come out one a call).
    private var pendingKeys = PendingKeys()
    /// Whether the terminal has an alternate screen (smcup) that `stop()` leaves; vt100 has none.
    private var alternateScreen = true

    // Diffing state.
    private var previous: Canvas?
    private var previousSize = TerminalSize(rows: -1, cols: -1)
    private var needsErase = true
    private var needsClearOK = false

    // Colour state: palette index -> terminal colour (-1: terminal default), (fg, bg) -> pair.
    private var colorTable = [Int16](repeating: -1, count: 256)
    private var defaultFg: Int32 = -1
    private var defaultBg: Int32 = -1
    private var pairCache = [Int32](repeating: -1, count: 257 * 257)
    private var pairOwner: [Int32: Int] = [:]
    private var attrTable = [attr_t](repeating: 0, count: 16)
    private var currentTimeout: Int32 = .min

    init(options: Options = Options()) {
        self.options = options
    }

    deinit { stop() }

    /// Whether the screen is started and not yet stopped.
    var isActive: Bool { screen != nil }

    /// The terminal's current size; zero when not active.
    var size: TerminalSize {
        guard let window else { return TerminalSize(rows: 0, cols: 0) }
        return TerminalSize(rows: Int(max(0, getmaxy(window))), cols: Int(max(0, getmaxx(window))))
    }

    // MARK: - Start and stop

    /// Takes over the terminal: locale, `newterm`, cbreak/noecho/nonl, keypad, hidden cursor,
    /// colours if wanted. Run `TerminalCheck.check()` first; this throws if ncurses still refuses.
    /// Installs `SignalTrap` (before `newterm`, so ncurses leaves SIGINT/SIGTERM to it).
    func start() throws(TerminalUnavailable) {
        guard screen == nil else { return }
        let utf8 = Capabilities.adoptLocale()
        if SignalTrap.isInstalled == false {
            SignalTrap.install()
            installedTrap = true
        }
        let term = TerminalCheck.environment("TERM") ?? ""
        guard !term.isEmpty, let scr = ns_newterm(term), let win = ns_stdscr() else {
            if installedTrap { SignalTrap.uninstall(); installedTrap = false }
            throw .initFailed(term)
        }
        screen = scr
        window = win
        // newterm has switched to the alternate screen: from here on a fatal signal restores it. The
        // sgr0/cnorm/rmcup strings are captured now, while the terminal's entry is loaded.
        ns_screen_began()
        alternateScreen = Self.hasCapability("smcup")
        cbreak()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        KeyInput.defineExtraSequences()
        if options.mouse { _ = ns_mouse_on() }
        leaveok(win, true)
        scrollok(win, false)
        curs_set(0)
        set_escdelay(options.escapeDelayMs)
        currentTimeout = .min

        let noColor = Capabilities.noColorEnvironment
        var colors = 0, terminalColors = 0, defaultColors = false
        if has_colors() {
            if options.color == .auto && !noColor && start_color() == OK {
                terminalColors = Int(ns_colors())
                defaultColors = use_default_colors() == OK
                colors = terminalColors >= 256 ? 256 : terminalColors >= 16 ? 16 : terminalColors >= 8 ? 8 : 0
            } else {
                terminalColors = Int(tigetnum("colors"))
            }
        }
        capabilities = Capabilities(colors: colors, terminalColors: terminalColors, defaultColors: defaultColors,
                                    utf8: utf8, noColorRequested: noColor)
        buildTables()
        if options.captureStderr { _ = ns_stderr_capture_begin() }
        previous = nil
        needsErase = true
    }

    /// Gives the terminal back (idempotent): `endwin` restores tty modes and the cursor, the
    /// alternate screen is left, held-back stderr is printed, and the signal dispositions found by
    /// `start()` are restored.
    func stop() {
        guard let scr = screen else { return }
        ns_screen_ended()
        endwin()
        ns_reset_scroll_region()
        // Without an alternate screen (vt100) the last frame stays and endwin leaves the cursor on its
        // bottom line, the key hints: a newline gives the shell (and any message) a line of its own.
        if !alternateScreen { _ = write(1, "\n", 1) }
        delscreen(scr)
        ns_stderr_capture_end()
        screen = nil
        window = nil
        previous = nil
        if installedTrap {
            SignalTrap.uninstall()
            installedTrap = false
        }
    }

    /// Whether the loaded terminal entry has the string capability `name` (tigetstr's NULL and -1 mean no).
    static func hasCapability(_ name: String) -> Bool {
        guard let s = tigetstr(name) else { return false }
        return Int(bitPattern: s) != -1 && s.pointee != 0
    }

    // MARK: - Drawing

    /// Repaints everything on the next `draw` (the Ctrl-L action), clearing the physical screen.
    func forceRedraw() {
        needsErase = true
        needsClearOK = true
    }

    /// Copies `canvas` to the screen from the top-left corner, clipped to the screen, and refreshes.
    /// Only cells that differ from the previous canvas are sent, unless the screen or canvas size
    /// changed or a redraw was forced.
    func draw(_ canvas: Canvas) {
        // Not live: a fatal signal's handler has given the terminal back (and the process is about to
        // die of it, after the crash report); drawing now would scribble over the shell's screen.
        guard let win = window, ns_screen_is_live() != 0 else { return }
        let now = size
        let full = needsErase || now != previousSize || previous == nil
            || previous!.width != canvas.width || previous!.height != canvas.height
        if full { werase(win) }
        // After a resize the terminal has clipped or reflowed what it showed, so ncurses' idea of the
        // physical screen is stale and its diff would leave the old layout in rows it thinks unchanged
        // (CI saw a paused view keep a taller layout until Ctrl-L): clear and repaint, as Ctrl-L does.
        if needsClearOK || now != previousSize {
            clearok(win, true)
            needsClearOK = false
        }
        let h = min(now.rows, canvas.height), w = min(now.cols, canvas.width)
        let stride = canvas.width
        canvas.cells.withUnsafeBufferPointer { cur in
            if full {
                for y in 0..<h { for x in 0..<w { put(cur[y * stride + x], y: y, x: x, win: win) } }
            } else {
                previous!.cells.withUnsafeBufferPointer { old in
                    for y in 0..<h {
                        for x in 0..<w where cur[y * stride + x] != old[y * stride + x] {
                            put(cur[y * stride + x], y: y, x: x, win: win)
                        }
                    }
                }
            }
        }
        previous = canvas
        previousSize = now
        needsErase = false
        wrefresh(win)
    }

    @inline(__always)
    private func put(_ cell: Cell, y: Int, x: Int, win: UnsafeMutablePointer<WINDOW>) {
        let attrs = attrTable[Int(cell.attrs.rawValue & 15)]
        let pair = colorPair(fg: cell.fg, bg: cell.bg)
        var buf: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buf) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: wchar_t.self)
            Self.encode(cell.glyph, utf8: capabilities.utf8, into: p)
            _ = ns_put_cell(win, Int32(y), Int32(x), p, attrs, pair)
        }
    }

    // MARK: - Input

    /// Waits up to `timeoutMs` (0: just poll, negative: forever) for a key; nil on timeout, or when a
    /// signal interrupted the wait (check `SignalTrap.pending`). A key left from an earlier read (the second
    /// of two clicks that arrived together) comes first, without waiting.
    func readKey(timeoutMs: Int32) -> Key? {
        guard let win = window else { return nil }
        return pendingKeys.next {
            if timeoutMs != currentTimeout {
                wtimeout(win, timeoutMs)
                currentTimeout = timeoutMs
            }
            return KeyInput.read(win)
        }
    }
}

// MARK: - Colours and attributes

extension TerminalScreen {
    private func buildTables() {
        let a = CellAttributes.self
        for raw in 0..<16 {
            let set = CellAttributes(rawValue: UInt8(raw))
            var v = ns_attr_normal()
            if set.contains(a.bold) { v |= ns_attr_bold() }
            if set.contains(a.dim) { v |= ns_attr_dim() }
            if set.contains(a.reverse) { v |= ns_attr_reverse() }
            if set.contains(a.underline) { v |= ns_attr_underline() }
            attrTable[raw] = v
        }
        colorTable = Self.colorMap(forColors: capabilities.colors)
        defaultFg = capabilities.defaultColors ? -1 : 7
        defaultBg = capabilities.defaultColors ? -1 : 0
        pairCache = [Int32](repeating: -1, count: 257 * 257)
        pairOwner = [:]
    }

    /// Palette index -> colour number for a terminal with `colors` colours (-1 everywhere for 0).
    /// Indices the terminal lacks go to the basic colour that keeps their hue (see `nearestBasic`).
    static func colorMap(forColors colors: Int) -> [Int16] {
        guard colors >= 8 else { return [Int16](repeating: -1, count: 256) }
        if colors >= 256 { return (0..<256).map { Int16($0) } }
        let n = min(colors, 16)
        return (0..<256).map { i in i < n ? Int16(i) : Int16(nearestBasic(XtermPalette.rgb(of: UInt8(i)), count: n)) }
    }

    /// The basic colour (0..<count, count 8 or 16) for an RGB colour in 0...1. Hue matters most
    /// (a heat map must stay blue-cyan-green-yellow-red), so: greys and very dark colours go by
    /// lightness to black/grey/white; others to the basic colour of the nearest of six hues, its
    /// bright variant on 16-colour terminals when the colour is bright.
    static func nearestBasic(_ c: (r: Double, g: Double, b: Double), count: Int) -> Int {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        let light = (hi + lo) / 2
        if hi < 0.2 || (hi - lo) / hi < 0.3 {
            if count >= 16 { return light < 0.25 ? 0 : light < 0.6 ? 8 : light < 0.9 ? 7 : 15 }
            return light < 0.4 ? 0 : 7
        }
        var hue: Double
        if hi == c.r { hue = 60 * ((c.g - c.b) / (hi - lo)) }
        else if hi == c.g { hue = 60 * ((c.b - c.r) / (hi - lo) + 2) }
        else { hue = 60 * ((c.r - c.g) / (hi - lo) + 4) }
        if hue < 0 { hue += 360 }
        // Sectors centred on red, yellow, green, cyan, blue, magenta -> ANSI 1, 3, 2, 6, 4, 5.
        let ansi = [1, 3, 2, 6, 4, 5][Int(((hue + 30) / 60).rounded(.down)) % 6]
        return count >= 16 && hi > 0.9 ? ansi + 8 : ansi
    }

    /// The colour pair for (fg, bg), allocated on first use; 0 when colour is off.
    @inline(__always)
    private func colorPair(fg: TermColor, bg: TermColor) -> Int32 {
        guard capabilities.colors > 0 else { return 0 }
        let f: Int32, b: Int32
        switch fg {
        case .default: f = defaultFg
        case .index(let i): f = Int32(colorTable[Int(i)])
        }
        switch bg {
        case .default: b = defaultBg
        case .index(let i): b = Int32(colorTable[Int(i)])
        }
        if f == defaultFg && b == defaultBg { return 0 }
        let key = Int(f + 1) * 257 + Int(b + 1)
        let cached = pairCache[key]
        if cached >= 0 { return cached }
        let pair = alloc_pair(f, b)
        guard pair > 0 else { return 0 }
        // alloc_pair recycles the least recently allocated pair once all are used: forget its old key.
        if let old = pairOwner[pair], old != key { pairCache[old] = -1 }
        pairOwner[pair] = key
        pairCache[key] = pair
        return pair
    }
}

// MARK: - Glyphs

extension TerminalScreen {
    /// Writes `ch` as a NUL-terminated wide string (a spacing character plus up to 4 combining
    /// marks) into `out` (room for 6). Control characters become spaces; characters that are not
    /// one column wide become "?"; without a UTF-8 locale everything non-ASCII becomes a similar
    /// ASCII character.
    static func encode(_ ch: Character, utf8: Bool, into out: UnsafeMutablePointer<wchar_t>) {
        if let a = ch.asciiValue {
            out[0] = a >= 0x20 && a < 0x7F ? wchar_t(a) : 0x20
            out[1] = 0
            return
        }
        let scalars = ch.unicodeScalars
        let first = scalars.first!
        guard utf8 else {
            out[0] = wchar_t(asciiFallback(first))
            out[1] = 0
            return
        }
        guard first.value >= 0x20, ns_wcwidth(wchar_t(first.value)) == 1 else {
            out[0] = first.value < 0x20 || (0x7F..<0xA0).contains(first.value) ? 0x20 : 0x3F
            out[1] = 0
            return
        }
        var n = 0
        for s in scalars where n < 5 {
            if n > 0 && ns_wcwidth(wchar_t(s.value)) != 0 { break }
            out[n] = wchar_t(s.value)
            n += 1
        }
        out[n] = 0
    }

    /// An ASCII stand-in for a non-ASCII scalar (for non-UTF-8 locales).
    static func asciiFallback(_ s: Unicode.Scalar) -> UInt8 {
        switch s.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return UInt8(ascii: "-")
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return UInt8(ascii: "|")
        case 0x2500...0x257F: return UInt8(ascii: "+")
        case 0x2591: return UInt8(ascii: ".")
        case 0x2592: return UInt8(ascii: ":")
        case 0x2581...0x2583: return UInt8(ascii: "_")
        case 0x2580...0x259F: return UInt8(ascii: "#")
        case 0x2800: return UInt8(ascii: " ")
        case 0x2801...0x28FF: return UInt8(ascii: ":")
        case 0x00B7, 0x2022, 0x2026, 0x22C5: return UInt8(ascii: ".")
        case 0x00A0: return UInt8(ascii: " ")
        case 0x2190: return UInt8(ascii: "<")
        case 0x2192: return UInt8(ascii: ">")
        case 0x2191: return UInt8(ascii: "^")
        case 0x2193: return UInt8(ascii: "v")
        case 0x00D7: return UInt8(ascii: "x")
        case 0x2013, 0x2014, 0x2212: return UInt8(ascii: "-")
        default: return UInt8(ascii: "?")
        }
    }
}
