/// The vector the AVX2 + FMA variant (Haswell) keeps C in: eight floats, one ymm register.
typealias Lanes = SIMD8<Float>

/// The variant's name, as `KernelTarget` and `bench` show it.
let variantName = "avx2"

/// Rows of C in the two-vector micro-kernel (`GemmKernel.wideRows`): 16 ymm registers hold a 6-row block (12 accumulators).
let variantWideRows = 6
