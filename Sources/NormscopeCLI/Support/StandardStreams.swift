#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The C library's standard output stream, which Swift 6 otherwise refuses to name (a mutable C global).
enum StandardStreams {
    /// Whether a write to stdout has failed since the program started (the stream's error flag).
    static var outputHasError: Bool { ferror(stdout) != 0 }
}
