// What the CPU offers, for the choice of kernel variant at start-up. Compiled for generic x86-64 (no CPU
// flags), so it can run on any x86-64 CPU and say no instead of the program dying with SIGILL.
#ifndef NORMSCOPE_CPU_FEATURES_H
#define NORMSCOPE_CPU_FEATURES_H

/// 1 when the CPU and the OS support AVX2, FMA, BMI1 and BMI2 (what Haswell code, the engine's release build and
/// every kernel variant, may use), else 0.
int normscope_cpu_has_avx2_fma(void);

/// 1 when the CPU and the OS support AVX-512 F, BW, CD, DQ and VL (what Skylake-AVX512 code, the wide kernels, may use), else 0.
int normscope_cpu_has_avx512(void);

#endif
