#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file is, from the type bits of its `stat` mode, as messages name it.
enum FileKind: Equatable {
    case regular, directory, characterDevice, blockDevice, fifo, socket, symbolicLink, other

    /// The kind of a `st_mode`.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    /// The kind with its article, e.g. "a character device (like /dev/null)".
    var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .characterDevice: return "a character device (like /dev/null or a terminal)"
        case .blockDevice: return "a block device (a disk)"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .other: return "a special file"
        }
    }
}
