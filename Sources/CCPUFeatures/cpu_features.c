// CPUID and XGETBV without compiler builtins that need libgcc's __cpu_model (the static build links
// neither libgcc's nor compiler-rt's copy for certain).
#include "cpu_features.h"

#if defined(__x86_64__)
#include <cpuid.h>

/// XCR0, the register that says which vector state the kernel saves (XGETBV with ECX = 0).
static unsigned long long ns_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

unsigned int ns_cpu_features(void) {
    unsigned int eax, ebx, ecx, edx, bits = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (ecx & (1u << 12)) bits |= NS_CPU_FMA;
    if (ecx & (1u << 22)) bits |= NS_CPU_MOVBE;
    if (ecx & (1u << 28)) bits |= NS_CPU_AVX;
    if (ecx & (1u << 29)) bits |= NS_CPU_F16C;
    // OSXSAVE (bit 27) says XGETBV exists; XCR0 bits 1 (SSE) and 2 (AVX) say the kernel saves YMM state.
    unsigned long long xcr0 = (ecx & (1u << 27)) ? ns_xcr0() : 0;
    if ((xcr0 & 0x6) == 0x6) bits |= NS_CPU_OS_AVX_STATE;
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
        if (ebx & (1u << 3)) bits |= NS_CPU_BMI1;
        if (ebx & (1u << 5)) bits |= NS_CPU_AVX2;
        if (ebx & (1u << 8)) bits |= NS_CPU_BMI2;
        // AVX512F (16), DQ (17), CD (28), BW (30), VL (31); XCR0 bits 5-7 (opmask, ZMM0-15 high, ZMM16-31).
        unsigned int avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
        if ((ebx & avx512) == avx512 && (xcr0 & 0xe6) == 0xe6) bits |= NS_CPU_AVX512;
    }
    if (__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx) && (ecx & (1u << 5))) bits |= NS_CPU_LZCNT;
    return bits;
}
#else
unsigned int ns_cpu_features(void) { return 0; }
#endif
