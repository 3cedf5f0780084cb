#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NormscopeDraw

/// Runs the backend's interactive self-test screen (text, attributes, colours, a 256-colour
/// gradient, half blocks, braille) until `q` or Ctrl-C; returns the process exit status.
/// Keys: Ctrl-L redraws, `e` writes a line to stderr (shown after the screen closes).
/// Prints the one-line reason and returns 2 when there is no usable terminal.
/// A test fixture (driven by `TmuxHarnessTests`), not part of the program: package-visible only.
func backendSelfTest() -> Int32 {
    runBackendDemo()
}

func runBackendDemo() -> Int32 {
    do {
        return try TerminalSession.run { session in
            var demo = BackendDemo()
            return demo.loop(session)
        }
    } catch let reason as TerminalUnavailable {
        printError(reason.message)
        return 2
    } catch {
        printError("normscope: \(error)")
        return 1
    }
}

/// Writes a line to stderr.
func printError(_ line: String) {
    let text = line + "\n"
    text.utf8CString.withUnsafeBufferPointer { buf in
        _ = write(STDERR_FILENO, buf.baseAddress, buf.count - 1)
    }
}

/// The self-test screen's state and layout.
struct BackendDemo {
    var ticks = 0
    var resizes = 0
    var redraws = 0
    var keys = 0
    var lastKey = "none"

    mutating func loop(_ session: TerminalSession) -> Int32 {
        let screen = session.screen
        let clock = ContinuousClock()
        var nextTick = clock.now + .seconds(1)
        var dirty = true
        while session.interruptSignal == nil {
            if dirty {
                let size = screen.size
                screen.draw(render(rows: size.rows, cols: size.cols, caps: session.capabilities))
                dirty = false
            }
            let key = screen.readKey(timeoutMs: 200)
            if clock.now >= nextTick {
                ticks += 1
                nextTick = clock.now + .seconds(1)
                dirty = true
            }
            guard let key else { continue }
            keys += 1
            lastKey = "\(key)"
            dirty = true
            switch key {
            case .char("q"), .char("Q"), .ctrlC: return 0
            case .resize: resizes += 1
            case .ctrlL:
                redraws += 1
                screen.forceRedraw()
            case .char("e"):
                // Held back while the screen is live, printed after it (Options.captureStderr).
                printError("normscope self-test: a line written to stderr during the live view")
            default: break
            }
        }
        return 0
    }

    func render(rows: Int, cols: Int, caps: Capabilities) -> Canvas {
        var c = Canvas(width: cols, height: rows)
        let u = caps.utf8
        guard cols >= 40 && rows >= 14 else {
            let lines = ["terminal too small: \(cols)x\(rows)", "needs 40x14", "q quits"]
            for (i, line) in lines.enumerated() {
                let y = rows / 2 - 1 + i
                c.put(line, x: max(0, (cols - line.count) / 2), y: y, attrs: i == 0 ? .bold : [])
            }
            return c
        }
        // Frame, touching every edge (the bottom-right corner included).
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            u ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        let frame = Cell(h, fg: .index(244))
        c.fill(x: 1, y: 0, width: cols - 2, height: 1, with: frame)
        c.fill(x: 1, y: rows - 1, width: cols - 2, height: 1, with: frame)
        c.fill(x: 0, y: 1, width: 1, height: rows - 2, with: Cell(v, fg: .index(244)))
        c.fill(x: cols - 1, y: 1, width: 1, height: rows - 2, with: Cell(v, fg: .index(244)))
        c[0, 0] = Cell(tl, fg: .index(244)); c[cols - 1, 0] = Cell(tr, fg: .index(244))
        c[0, rows - 1] = Cell(bl, fg: .index(244)); c[cols - 1, rows - 1] = Cell(br, fg: .index(244))

        let inner = cols - 4
        var y = 1
        c.put(" normscope backend self-test ", x: 2, y: 0, attrs: [.bold, .reverse])
        let sizeText = " \(cols)x\(rows) "
        c.put(sizeText, x: cols - 2 - sizeText.count, y: 0, fg: .index(11))
        c.put("colors \(caps.colors) (terminal \(caps.terminalColors)), default colours \(caps.defaultColors ? "yes" : "no"), "
              + "UTF-8 \(u ? "yes" : "no"), NO_COLOR \(caps.noColorRequested ? "set" : "unset")",
              x: 2, y: y, maxWidth: inner)
        y += 1
        var x = 2
        for (name, a) in [("normal", CellAttributes()), ("bold", .bold), ("dim", .dim), ("reverse", .reverse),
                          ("underline", .underline), ("bold+reverse", [.bold, .reverse])] {
            x += c.put(name, x: x, y: y, attrs: a, maxWidth: cols - 2 - x) + 1
        }
        y += 1
        // The 16 basic colours, as text and as swatches.
        x = 2
        for i in 0..<16 where x + 3 <= cols - 2 {
            x += c.put(format2(i), x: x, y: y, fg: .index(UInt8(i == 0 ? 7 : 0)), bg: .index(UInt8(i)))
            x += c.put(" ", x: x, y: y)
        }
        y += 1
        // All 256 palette entries as background cells, wrapped to the inner width.
        for i in 0..<256 {
            let row = y + i / inner, col = 2 + i % inner
            if row < rows - 6 { c[col, row] = Cell(" ", bg: .index(UInt8(i))) }
        }
        y += (255 / inner) + 1
        y = min(y, rows - 6)
        // Half blocks: each cell shows two vertical "pixels", jet colour map above a grey ramp.
        for i in 0..<inner {
            let t = Double(i) / Double(max(1, inner - 1))
            let (r, g, b) = jet(t)
            c[2 + i, y] = Cell(u ? "▀" : "#", fg: .rgb(r, g, b), bg: .rgb(t, t, t))
        }
        y += 1
        let glyphs = u ? "bars ▁▂▃▄▅▆▇█  braille ⡀⣀⣄⣤⣦⣶⣷⣿  shades ░▒▓█  accents é ñ ü  wide→? 漢"
                       : "bars _.-=#  braille (none)  shades .:#  (ASCII fallback)"
        c.put(glyphs, x: 2, y: y, fg: .index(51), maxWidth: inner)
        y += 1
        c.put("tick \(ticks)  resizes \(resizes)  Ctrl-L redraws \(redraws)  keys \(keys)  last \(lastKey)",
              x: 2, y: y, maxWidth: inner)
        c.put("q / Ctrl-C quit · Ctrl-L redraw · e writes to stderr · resize the window", x: 2, y: rows - 2, attrs: .dim, maxWidth: inner)
        return c
    }

    private func format2(_ i: Int) -> String { i < 10 ? " \(i)" : "\(i)" }

    /// The "jet" colour map, t in 0...1.
    private func jet(_ t: Double) -> (Double, Double, Double) {
        func clamp(_ v: Double) -> Double { min(1, max(0, v)) }
        return (clamp(1.5 - abs(4 * t - 3)), clamp(1.5 - abs(4 * t - 2)), clamp(1.5 - abs(4 * t - 1)))
    }
}
