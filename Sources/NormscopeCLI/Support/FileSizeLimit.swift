#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's file-size limit (`ulimit -f`, RLIMIT_FSIZE), lifted for the rescue copy of an output.
///
/// A write past the soft limit fails with EFBIG (SIGXFSZ is ignored by headless commands), like a full disk.
/// The copy saved in the temporary directory would hit the same limit, so it is written with the soft limit
/// raised to the hard one, which any process may do; the soft limit is put back afterwards. With both limits
/// equal (`ulimit -f N` sets both in most shells) the copy fails too and the message says so.
enum FileSizeLimit {
    /// Calls `body` with the soft file-size limit raised to the hard limit, then restores it.
    static func lifted<T>(_ body: () -> T) -> T {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return body() }
        let saved = limit
        limit.rlim_cur = limit.rlim_max
        guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0 else { return body() }
        defer { var back = saved; _ = setrlimit(Int32(RLIMIT_FSIZE.rawValue), &back) }
        return body()
    }
}
