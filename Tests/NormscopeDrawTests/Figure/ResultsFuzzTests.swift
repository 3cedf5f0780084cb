import Foundation
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Damaged results files through the exact path of `normscope figure` (decode, then SVG and CSV): each
/// mutation gives a one-line error or a well-formed figure, never a trap or a hang.
struct ResultsFuzzTests {
    /// A small seeded generator (SplitMix64), so every failure can be replayed from its mutation number.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    /// Values that stress a reader: extremes, wrong types, non-finite numbers as normscope writes them.
    static var oddValues: [Any] { [0, -1, 1, 2, 1e300, -1e300, Double.leastNonzeroMagnitude, Int.max, Int.min, Int64(1) << 53, 1_000_000_001,
                                   "nan", "inf", "-inf", "", "x", "wd>cb+wd", NSNull(), true, [Any](), [String: Any](),
                                   [1.0, 2.0], [[Double]](), [[1e308, -1e308]]] }

    /// Replaces, deletes or duplicates one node of a JSON value, chosen by `rng`.
    static func mutate(_ value: Any, _ rng: inout Rng, depth: Int = 0) -> Any {
        let here = depth > 1 && (rng.below(6) == 0 || depth > 7)
        if var dict = value as? [String: Any], !dict.isEmpty, !here {
            // At the top, mostly the regimes: where a reader has the most to get wrong.
            let key = depth == 0 && rng.below(4) != 0 && dict["regimes"] != nil ? "regimes" : dict.keys.sorted()[rng.below(dict.count)]
            if rng.below(8) == 0 { dict.removeValue(forKey: key); return dict }
            dict[key] = mutate(dict[key]!, &rng, depth: depth + 1)
            return dict
        }
        if var array = value as? [Any], !array.isEmpty, !here {
            let i = rng.below(array.count)
            switch rng.below(6) {
            case 0: array.remove(at: i)
            case 1: array.append(array[i])
            default: array[i] = mutate(array[i], &rng, depth: depth + 1)
            }
            return array
        }
        if value is NSNumber && !(value is Bool) && rng.below(5) != 0 {
            return oddNumbers[rng.below(oddNumbers.count)]
        }
        return oddValues[rng.below(oddValues.count)]
    }

    /// Numbers only: the damage a hand edit or a bit flip most often does.
    static var oddNumbers: [Any] { [0, -1, 1, 2, 0.5, 1e300, -1e300, Double.leastNonzeroMagnitude, Int.max, Int.min, 1_000_000_001, 99] }

    @Test("1,200 mutations of a results file: an error or a figure, never a trap")
    func mutations() throws {
        let base = try FigureSVGTests.results(epochs: 6, classes: 5).encoded()
        let tree = try JSONSerialization.jsonObject(with: base)
        _ = try ResultsFile.decode(try JSONSerialization.data(withJSONObject: tree), path: "r.json")
        var rng = Rng(state: 2026)
        var errors = 0, figures = 0
        for i in 0..<1_200 {
            var bytes: Data
            if i % 5 == 4 {
                // Byte-level damage: truncation or a flipped byte.
                bytes = base
                let at = rng.below(bytes.count)
                if rng.below(2) == 0 { bytes = bytes.prefix(at) } else { bytes[at] ^= UInt8(1 + rng.below(255)) }
            } else {
                var t: Any = tree
                for _ in 0...rng.below(3) { t = Self.mutate(t, &rng) }
                bytes = (try? JSONSerialization.data(withJSONObject: t, options: [.fragmentsAllowed])) ?? Data()
            }
            do {
                let r = try ResultsFile.decode(bytes, path: "r.json")
                let svg = FigureSVG.render(results: r)
                _ = FigureCSV.render(results: r)
                #expect(XMLCheck.problem(in: svg) == nil, "mutation \(i): the SVG is well-formed")
                #expect(svg.utf8.count < 5_000_000, "mutation \(i): the SVG stays small")
                figures += 1
            } catch let e as NormscopeError {
                #expect(!e.description.contains("\n"), "mutation \(i): one line")
                errors += 1
                if ProcessInfo.processInfo.environment["FUZZ_DEBUG"] != nil { print("FUZZ", e.description) }
            }
        }
        #expect(errors > 100 && figures > 100, "both outcomes are exercised: \(errors) errors, \(figures) figures")
    }
}
