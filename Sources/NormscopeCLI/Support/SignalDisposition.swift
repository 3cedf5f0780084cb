#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signal's disposition through `sigaction(2)`, with the platforms' spellings of the handler field in one place.
enum SignalDisposition {
    /// Sets `handler` (a C function, or `SIG_DFL` / `SIG_IGN`) for `signal`, with no extra signals blocked while
    /// it runs. Async-signal-safe (sigaction only), so a handler may call it.
    static func set(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigaction(signal, &action, nil)
    }

    /// Whether `signal` is ignored now (`SIG_IGN`: a script's background job, `nohup`); false if it cannot be read.
    static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
        #else
        let handler = current.__sigaction_u.__sa_handler
        #endif
        return handler.map { unsafeBitCast($0, to: Int.self) } == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
