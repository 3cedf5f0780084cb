#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// What the running terminal can show; widgets pick glyphs and colours from this.
struct Capabilities: Equatable, Sendable {
    /// Colours the backend actually uses: 0 (monochrome: attributes only), 8, 16, or 256.
    var colors: Int
    /// Colours the terminal reports (`COLORS`), whether or not they are used.
    var terminalColors: Int
    /// Whether the terminal's default colours can be kept (`use_default_colors`).
    var defaultColors: Bool
    /// Whether the locale is UTF-8, so block, braille and box glyphs can be shown.
    var utf8: Bool
    /// Whether `NO_COLOR` is set to a non-empty value.
    var noColorRequested: Bool

    init(colors: Int, terminalColors: Int, defaultColors: Bool, utf8: Bool, noColorRequested: Bool) {
        self.colors = colors
        self.terminalColors = terminalColors
        self.defaultColors = defaultColors
        self.utf8 = utf8
        self.noColorRequested = noColorRequested
    }

    /// Whether any colour is drawn.
    var hasColor: Bool { colors > 0 }

    /// Whether the user asked for no colour (https://no-color.org: set and not empty).
    static var noColorEnvironment: Bool {
        guard let v = TerminalCheck.environment("NO_COLOR") else { return false }
        return !v.isEmpty
    }

    /// Adopts the user's locale (`setlocale(LC_ALL, "")`, needed before ncurses for wide
    /// characters; numbers stay in the C locale) and tells whether its character set is UTF-8.
    @discardableResult
    static func adoptLocale() -> Bool {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        guard let cs = ns_codeset() else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
