import NormscopeCLI

// First, before any engine code (its kernels may use AVX): a CPU without AVX2 and FMA hears so in one line.
CPURequirement.exitUnlessMet()
Normscope.main()
