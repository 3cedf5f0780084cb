#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeDraw
import NormscopeEngine

/// Records what the live view draws as an asciicast v2 file (`--record FILE.cast`), from the canvases it draws.
///
/// The header is written with the first frame (its size is the terminal's), each frame that changes the
/// screen is one `"o"` event at the frame clock's time (seconds since the first frame), a change of size is an
/// `"r"` event followed by the whole screen, and the recording ends on the last frame drawn: nothing of the
/// terminal being restored (the cleared main screen) is in it. Each frame's event is written at once, one
/// `write(2)` per frame. See `CastFrameEncoder` for how exact the output is, `AsciicastFile` for how the file
/// survives a signal.
final class CastRecorder {
    private let file: AsciicastFile
    private let title: String
    private let shownAs: String
    private var encoder: CastFrameEncoder?
    private var start: Date?
    /// The frame clock's last time, and the last event's.
    private var last = 0.0
    private var lastEvent = 0.0
    private var size: (width: Int, height: Int)?
    private var scratch: [UInt8] = []
    /// Frames written (events of kind "o").
    private(set) var frames = 0
    private var finished = false

    /// Opens the recording at `path` (`<path>.partial` until `finish()`), named `shownAs` in messages (the
    /// path as the user gave it); throws `writeFailed` when it cannot be created, before any terminal is touched.
    init(path: String, shownAs: String? = nil, title: String) throws(NormscopeError) {
        file = try AsciicastFile(path: path)
        self.title = title
        self.shownAs = shownAs ?? path
    }

    /// Sets the terminal's colours and glyphs (from the started screen) that frames are encoded with.
    func begin(_ capabilities: Capabilities) {
        encoder = CastFrameEncoder(CastFrameEncoder.Appearance(capabilities))
    }

    /// Records `canvas`, drawn at `now`: the header first time, an "r" event when the size changed, then the
    /// cells that changed as one "o" event (nothing when none did).
    func frame(_ canvas: Canvas, at now: Date) {
        guard !finished, encoder != nil else { return }
        let t: Double
        if let start {
            t = max(last, now.timeIntervalSince(start))
        } else {
            start = now
            t = 0
            file.header(width: canvas.width, height: canvas.height, timestamp: Int(now.timeIntervalSince1970),
                        title: title, term: TerminalCheck.environment("TERM"))
            size = (canvas.width, canvas.height)
        }
        if let s = size, s != (canvas.width, canvas.height) {
            file.event(at: t, "r", Array("\(canvas.width)x\(canvas.height)".utf8))
            size = (canvas.width, canvas.height)
            encoder!.reset()
            lastEvent = t
        }
        scratch.removeAll(keepingCapacity: true)
        if encoder!.encode(canvas, into: &scratch) {
            file.event(at: t, "o", scratch)
            frames += 1
            lastEvent = t
        }
        last = t
        file.flush()
    }

    /// Removes the recording without finishing it: for when the live view could not start (nothing was drawn).
    func abandon() {
        guard !finished else { return }
        finished = true
        file.abandon()
    }

    /// Ends the recording at `now` and puts it at its path; returns a one-line report for stderr ("recorded
    /// 412 frames (62.3 s) to demo.cast", or what went wrong). If the screen stayed as it was for a while
    /// after the last frame (a held final screen), an event that changes nothing marks when it ended.
    @discardableResult
    func finish(at now: Date) -> String {
        guard !finished else { return "" }
        finished = true
        if let start, now.timeIntervalSince(start) > lastEvent + 0.5 {
            lastEvent = max(last, now.timeIntervalSince(start))
            file.event(at: lastEvent, "o", Array("\u{1B}[?25l".utf8))
        }
        if start == nil { file.header(width: 80, height: 24, timestamp: Int(now.timeIntervalSince1970), title: title, term: nil) }
        if let problem = file.finish() { return "normscope: recording: \(problem)" }
        let seconds = (lastEvent * 10).rounded() / 10
        return "normscope: recorded \(frames) frame\(frames == 1 ? "" : "s") (\(seconds) s) to \(shownAs)"
    }
}
