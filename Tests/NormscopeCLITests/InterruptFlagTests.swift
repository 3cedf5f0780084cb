// The headless runs' Ctrl-C flag: raised by the signal's own handler, not by a queue that waits for a worker.
#if canImport(Glibc)
import Glibc
#endif
@testable import NormscopeCLI
import Testing

@Suite("Ctrl-C flag of the headless runs")
struct InterruptFlagTests {
    /// The flag is up when the signal returns: the handler runs in the thread the signal lands on. (It was a
    /// Dispatch signal source, whose handler waited for a free worker of Dispatch's pool: on a loaded machine a
    /// first Ctrl-C went unanswered for the length of an epoch.) One signal only: a second ends the process.
    @Test("the first signal raises the flag before raise() returns, and stop() lets it go")
    func raisedAtOnce() {
        let flag = InterruptFlag(signals: [SIGUSR2], firstMessage: "(InterruptFlagTests: a test signal, not an interruption)")
        #expect(!flag.isRaised)
        // Test threads (Dispatch's workers) block most signals: unblock this one here, so raise() delivers it to
        // this thread before it returns, as a Ctrl-C is delivered to a thread that does not block it.
        var one = sigset_t(), old = sigset_t()
        sigemptyset(&one)
        sigaddset(&one, SIGUSR2)
        pthread_sigmask(SIG_UNBLOCK, &one, &old)
        raise(SIGUSR2)
        pthread_sigmask(SIG_SETMASK, &old, nil)
        #expect(flag.isRaised)
        flag.stop()
        signal(SIGUSR2, SIG_IGN)  // the test process's own disposition afterwards: nothing happens on a stray one
    }
}
