import Foundation
import Testing

/// Checks an asciicast with `Tests/Python/check_cast.py`: parsed as asciicast v2 and replayed in pyte, a terminal
/// model we did not write, optionally against a screen captured from the live view (`capture-pane -p -e`).
///
/// Needs `python3` with pyte (`pip install pyte`; `.ci/run` installs it): without it the test fails saying so.
struct CastCheck {
    /// The header's fields.
    var width: Int
    var height: Int
    var timestamp: Int
    var title: String
    var term: String
    /// Events by kind ("o", "r") and the time of the last one.
    var outputEvents: Int
    var resizeEvents: Int
    var duration: Double
    /// The screen's size and text after the replay.
    var finalSize: [Int]
    var text: [String]
    /// Cells that differ from the capture (nil without one), and the first few of them.
    var differences: Int?
    var firstDifferences: String

    static let script = Paths.repository + "/Tests/Python/check_cast.py"

    /// Runs the check on `cast` (and `capture`, a screen dump, when given).
    static func run(_ cast: String, capture: String? = nil) async throws -> CastCheck {
        let r = try await Child(["python3", script, cast] + (capture.map { [$0] } ?? [])).wait(timeout: .seconds(120))
        guard r.status == 0 else {
            throw TmuxError("check_cast.py failed (python3 with pyte is needed: pip install pyte): \(r)")
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let header = json["header"] as? [String: Any], let events = json["events"] as? [String: Int],
              let env = header["env"] as? [String: String] else {
            throw TmuxError("unexpected output of check_cast.py: \(r.stdout)")
        }
        var firstDifferences = ""
        if let d = json["first_differences"], let data = try? JSONSerialization.data(withJSONObject: d) {
            firstDifferences = String(decoding: data, as: UTF8.self)
        }
        return CastCheck(width: header["width"] as? Int ?? -1, height: header["height"] as? Int ?? -1,
                         timestamp: header["timestamp"] as? Int ?? -1, title: header["title"] as? String ?? "",
                         term: env["TERM"] ?? "", outputEvents: events["o"] ?? 0, resizeEvents: events["r"] ?? 0,
                         duration: json["duration"] as? Double ?? -1, finalSize: json["size"] as? [Int] ?? [],
                         text: json["text"] as? [String] ?? [], differences: json["differences"] as? Int,
                         firstDifferences: firstDifferences)
    }
}
