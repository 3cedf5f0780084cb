/// The vector the AVX-512 variant (Skylake-AVX512) keeps C in: sixteen floats, one zmm register.
typealias Lanes = SIMD16<Float>

/// The variant's name, as `KernelTarget` and `bench` show it.
let variantName = "avx512"

/// Rows of C in the two-vector micro-kernel (`GemmKernel.wideRows`): 32 zmm registers hold an 8-row block (16 accumulators).
let variantWideRows = 8
