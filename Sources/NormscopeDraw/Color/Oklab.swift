#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A colour in Oklab (Björn Ottosson, 2020): lightness `l` (0 black to 1 white) and opponent axes `a`, `b`,
/// where equal distances look about equally different.
struct Oklab: Equatable, Sendable {
    var l: Double
    var a: Double
    var b: Double

    /// The Oklab coordinates of an sRGB colour (components in 0...1).
    init(_ c: RGB) {
        func linear(_ x: Double) -> Double {
            let x = min(1, max(0, x))
            return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055).pow(2.4)
        }
        let (r, g, bl) = (linear(c.r), linear(c.g), linear(c.b))
        let lc = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl).cubeRoot
        let mc = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl).cubeRoot
        let sc = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl).cubeRoot
        l = 0.2104542553 * lc + 0.7936177850 * mc - 0.0040720468 * sc
        a = 1.9779984951 * lc - 2.4285922050 * mc + 0.4505937099 * sc
        b = 0.0259040371 * lc + 0.7827717662 * mc - 0.8086757660 * sc
    }

    /// The squared distance to `o`, with the hue axes `a` and `b` weighted `hueWeight` times (2 keeps a map's
    /// hue rather than trading it for grey of the right lightness).
    func distance2(_ o: Oklab, hueWeight: Double = 1) -> Double {
        let w2 = hueWeight * hueWeight
        return (l - o.l) * (l - o.l) + w2 * ((a - o.a) * (a - o.a) + (b - o.b) * (b - o.b))
    }
}

private extension Double {
    /// `self` to the power `e` for `self >= 0`.
    func pow(_ e: Double) -> Double { self <= 0 ? 0 : libmPow(self, e) }
    /// The real cube root.
    var cubeRoot: Double { cbrt(self) }
}

/// libm's `pow`, renamed so the extension method of the same name does not shadow it.
@inline(__always) private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
