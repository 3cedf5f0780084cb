#ifndef NORMSCOPE_CPU_FEATURES_H
#define NORMSCOPE_CPU_FEATURES_H
// What the start-up check asks of the CPU, read with CPUID and XGETBV. This file is compiled without any
// -mavx or -target-cpu flag: it must run on every x86-64 CPU, so that a CPU lacking AVX2 and FMA hears so
// in one line instead of dying of SIGILL.

// One bit per x86-64-v3 feature the release build may use (the bit order of `HostCPUFeatures` in Swift), and
// one for the AVX-512 set of the wide kernels (read by `KernelTarget` in the engine).
enum {
    NS_CPU_AVX = 1 << 0,
    NS_CPU_AVX2 = 1 << 1,
    NS_CPU_FMA = 1 << 2,
    NS_CPU_BMI1 = 1 << 3,
    NS_CPU_BMI2 = 1 << 4,
    NS_CPU_F16C = 1 << 5,
    NS_CPU_LZCNT = 1 << 6,
    NS_CPU_MOVBE = 1 << 7,
    NS_CPU_OS_AVX_STATE = 1 << 8,
    // AVX-512 F, CD, BW, DQ and VL together, with the kernel saving the ZMM and mask registers (XCR0 bits 5-7):
    // what the wide kernels (compiled for Skylake-AVX512) may use.
    NS_CPU_AVX512 = 1 << 9,
    // Everything x86-64-v3 above: what Haswell code (the engine of a release build) may use. The start-up check
    // (`CPURequirement`) and the choice of kernels (`KernelTarget`) both read it, so they cannot disagree.
    NS_CPU_X86_64_V3 = NS_CPU_AVX | NS_CPU_AVX2 | NS_CPU_FMA | NS_CPU_BMI1 | NS_CPU_BMI2 | NS_CPU_F16C
        | NS_CPU_LZCNT | NS_CPU_MOVBE | NS_CPU_OS_AVX_STATE,
};

/// The features of the CPU this runs on, as NS_CPU_* bits (0 on a non-x86 machine). NS_CPU_OS_AVX_STATE
/// is set when the kernel saves the YMM registers (XCR0 bits 1 and 2), without which AVX faults.
unsigned int ns_cpu_features(void);

#endif
