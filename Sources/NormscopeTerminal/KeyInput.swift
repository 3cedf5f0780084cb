import CNcursesw

/// A key press or terminal event read from the keyboard.
package enum Key: Equatable, Hashable, Sendable {
    /// A printable character.
    case char(Character)
    /// The terminal was resized (ncurses has already resized its screen).
    case resize
    /// Ctrl-C arriving as a byte (in cbreak mode it arrives as SIGINT instead: see `SignalTrap`).
    case ctrlC
    /// Ctrl-L, the usual "redraw the screen" key.
    case ctrlL
    case escape
    case enter
    case tab
    case backTab
    case backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// Function key F1...F63.
    case function(Int)
    /// A mouse button-1 press at a cell (column `x`, row `y` from the top left), when mouse reporting is on.
    case click(x: Int, y: Int)
    /// Anything else: a control byte or an unmapped ncurses key code.
    case other(Int32)
}

/// Decoding of `wget_wch` results into `Key`s.
enum KeyInput {
    /// The key for a `wget_wch` status (`OK`, `KEY_CODE_YES` or `ERR`) and value; nil for `ERR`.
    ///
    /// KEY_MOUSE gives `.other(KEY_MOUSE)` here: its clicks come from `keys(status:value:presses:)`.
    static func decode(status: Int32, value: UInt32) -> Key? {
        switch status {
        case KEY_CODE_YES: return decodeKeyCode(Int32(bitPattern: value))
        case OK: return decodeCharacter(value)
        default: return nil
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case ns_key_f(1)...ns_key_f(63): return .function(Int(code - KEY_F0))
        default: return .other(code)
        }
    }

    static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 3: return .ctrlC
        case 12: return .ctrlL
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0..<32: return .other(Int32(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other(Int32(bitPattern: value)) }
            return .char(Character(scalar))
        }
    }
}
