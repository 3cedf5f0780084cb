/// The vector the AVX2 + FMA variant (Haswell) keeps C in: eight floats, one ymm register.
typealias Lanes = SIMD8<Float>

/// The variant's name, as `KernelTarget` and `bench` show it.
let variantName = "avx2"
