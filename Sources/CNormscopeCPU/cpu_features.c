#include "cpu_features.h"

// __builtin_cpu_supports reads cpuid once (and checks with xgetbv that the OS saves the vector state);
// __builtin_cpu_init makes it safe to call before constructors ran, as in a static binary.
#if defined(__x86_64__)
int normscope_cpu_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi")
        && __builtin_cpu_supports("bmi2");
}

int normscope_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return normscope_cpu_has_avx2_fma() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
}
#else
int normscope_cpu_has_avx2_fma(void) { return 0; }
int normscope_cpu_has_avx512(void) { return 0; }
#endif
