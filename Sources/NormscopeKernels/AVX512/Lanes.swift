/// The vector the AVX-512 variant (Skylake-AVX512) keeps C in: sixteen floats, one zmm register.
typealias Lanes = SIMD16<Float>

/// The variant's name, as `KernelTarget` and `bench` show it.
let variantName = "avx512"
