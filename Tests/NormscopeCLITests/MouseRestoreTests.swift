#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The live view asks for mouse clicks; every way out turns the reporting off again. tmux forgets the mode when
/// the program leaves the alternate screen, so the test reads the bytes the program wrote (`pipe-pane`): after
/// the signal, the last mouse mode sent must be "off".
@Suite("mouse reporting off on every exit", .serialized, .ownThread)
struct MouseRestoreTests {
    /// 0 is `q`; otherwise the signal sent.
    @Test("after q, SIGTERM, and the fatal SIGUSR1 and SIGSEGV, the program's last mouse mode is off",
          arguments: [Int32(0), SIGTERM, SIGUSR1, SIGSEGV])
    func mouseOff(_ signal: Int32) async throws {
        let dir = try Paths.scratch("mouse")
        defer { Paths.removeScratch(dir) }
        let tmux = try TmuxSession(["sh", "-c", "ulimit -c 0; exec \"$@\"", "sh", try Paths.binary()] + LiveViewTests.tiny
                                   + ["--epochs", "500", "--pace", "0.15"], width: 100, height: 30,
                                   environment: ["SWIFT_BACKTRACE": "interactive=no,color=no"], directory: dir)
        defer { tmux.kill() }
        try await tmux.waitFor(timeout: .seconds(30), "the live view training") { $0.contains("epoch") && $0.contains("(e) WD+MaxNorm") }
        #expect(try tmux.format("#{mouse_standard_flag}") == "1", "clicks reported while it runs")
        let bytes = dir + "/pane.out"
        try tmux.checked(["pipe-pane", "-o", "-t", tmux.sessionName, "cat > " + TmuxSession.shellQuote(bytes)])
        if signal == 0 { try tmux.sendKeys("q") } else { try tmux.signal(signal) }
        _ = try await tmux.waitForExitDetail(timeout: .seconds(30))
        try await Pause.sleep(for: .milliseconds(300))  // cat writes what the pane got
        let out = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: bytes))) ?? Data(), as: UTF8.self)
        let offs = out.ranges(of: #/\x1B\[\?(1006;)?1000l/#).map(\.lowerBound)
        let ons = out.ranges(of: #/\x1B\[\?(1006;)?1000h/#).map(\.lowerBound)
        #expect(!offs.isEmpty && (ons.last.map { $0 < offs.last! } ?? true), "\(out.debugDescription.suffix(300))")
    }
}
