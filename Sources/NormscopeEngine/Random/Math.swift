#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's natural logarithm, named so that engine code need not import the C library everywhere.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
/// libm's cosine.
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
/// libm's exponential (Float).
@inline(__always) func _expf(_ x: Float) -> Float { expf(x) }
/// libm's natural logarithm (Float).
@inline(__always) func _logf(_ x: Float) -> Float { logf(x) }
/// libm's power function.
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
/// libm's exponential.
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
