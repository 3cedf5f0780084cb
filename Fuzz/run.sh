#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer + AddressSanitizer) of every reader of outside input.
#
#   Fuzz/run.sh [SECONDS] [HARNESS...]     build, then run each harness SECONDS (default 60) one after another
#   Fuzz/run.sh 0 [HARNESS...]             build only
#
# Harnesses (Fuzz/Harnesses/<Name>.swift): CSV (data-set CSV files), Recipe (recipe JSON files), Results
# (results files, and the SVG/CSV figures drawn from an accepted one), ListFlag (comma-separated list flags).
# Without HARNESS names every harness runs.
#
# Each harness starts from its seed corpus Fuzz/Corpus/<Name>/ (read only: new inputs go to a temporary
# directory, so the repository's corpus does not grow; set NORMSCOPE_FUZZ_KEEP=1 to keep that directory and
# print its path) and the dictionary Fuzz/Dictionaries/<name>.dict when there is one. A thrown error is the
# reader doing its job; a crash, trap, sanitizer report, hang (-timeout=10 s per input) or memory above
# -rss_limit_mb=2048 is a finding: the script exits 1 and prints where libFuzzer saved the input
# (.build-fuzz/findings/<Name>/). Reproduce one with `.build-fuzz/bin/<Name> FILE`.
#
# Build: the engine (and the drawing module for Results) is compiled with `swiftc -O -sanitize=fuzzer,address`
# into static libraries under .build-fuzz/ (the -O of every normscope build, see Package.swift); each harness
# links them plus the sources its `// fuzz-sources:` line names. The libraries are rebuilt when a source is
# newer. Environment: NORMSCOPE_FUZZ_SCRATCH (build directory, default .build-fuzz), NORMSCOPE_FUZZ_ARGS
# (extra libFuzzer flags, e.g. -jobs=2), NORMSCOPE_FUZZ_KEEP.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
scratch=${NORMSCOPE_FUZZ_SCRATCH:-.build-fuzz}
harnesses=("$@")
if [ "${#harnesses[@]}" -eq 0 ]; then
    for f in Fuzz/Harnesses/*.swift; do harnesses+=("$(basename "$f" .swift)"); done
fi
for name in "${harnesses[@]}"; do
    [ -f "Fuzz/Harnesses/$name.swift" ] || { echo "fuzz: no harness Fuzz/Harnesses/$name.swift" >&2; exit 2; }
done

flags=(-O -g -sanitize=fuzzer,address -parse-as-library -package-name normscope -enable-bare-slash-regex)
mkdir -p "$scratch/modules" "$scratch/lib" "$scratch/bin" "$scratch/findings"

# The C module the engine reads the CPU's features through (CCPUFeatures): its module map and static library.
cpu_map="$scratch/modules/CCPUFeatures/module.modulemap"
flags+=(-Xcc "-fmodule-map-file=$PWD/$cpu_map")
build_cpu_features() {
    local lib="$scratch/lib/libCCPUFeatures.a" src=Sources/CCPUFeatures/cpu_features.c
    if [ -f "$lib" ] && [ -f "$cpu_map" ] && [ "$lib" -nt "$src" ]; then return; fi
    echo "fuzz: building CCPUFeatures"
    mkdir -p "$(dirname "$cpu_map")"
    printf 'module CCPUFeatures {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CCPUFeatures/include/cpu_features.h" >"$cpu_map"
    clang -O2 -g -fsanitize=address -I Sources/CCPUFeatures/include -c "$src" -o "$scratch/lib/cpu_features.o"
    rm -f "$lib" && ar rcs "$lib" "$scratch/lib/cpu_features.o"
}

# build_module NAME [DIR [FLAG...]]: the static library and module of DIR (default Sources/NAME; symbolic links
# followed, as the kernels' Shared folder is one), compiled with FLAGs too, unless one newer than every source
# exists. The engine brings its own dependencies: CCPUFeatures and the two kernel modules.
build_module() {
    local name=$1 dir=${2:-Sources/$1} lib="$scratch/lib/lib$1.a"
    shift; [ $# -gt 0 ] && shift
    if [ "$name" = NormscopeEngine ]; then
        build_cpu_features
        build_module NormscopeKernelsAVX2 Sources/NormscopeKernels/AVX2 -target-cpu haswell
        build_module NormscopeKernelsAVX512 Sources/NormscopeKernels/AVX512 -target-cpu skylake-avx512
    fi
    if [ -f "$lib" ] && [ -z "$(find -L "$dir" -name '*.swift' -newer "$lib" | head -1)" ]; then return; fi
    echo "fuzz: building $name (sanitized)"
    local sources
    mapfile -t sources < <(find -L "$dir" -name '*.swift' | sort)
    swiftc "${flags[@]}" "$@" -module-name "$name" -I "$scratch/modules" \
        -emit-module -emit-module-path "$scratch/modules/$name.swiftmodule" \
        -emit-library -static -o "$lib" "${sources[@]}" 2>&1 | quiet_linker
}

# quiet_linker: the compiler's output without gold's "Cannot export local symbol '__asan_...'" warnings.
quiet_linker() { grep -v "Cannot export local symbol" || true; }

# header_list FILE KEY: the words after `// KEY:` in FILE's header.
header_list() { sed -n "s|^// $2: *||p" "$1" | head -1; }

build_harness() {
    local name=$1 file="Fuzz/Harnesses/$1.swift" module modules sources libs=()
    read -ra modules <<<"$(header_list "$file" fuzz-modules)"
    read -ra sources <<<"$(header_list "$file" fuzz-sources)"
    for module in "${modules[@]}"; do build_module "$module"; done
    # Link order: a module before the modules it uses.
    for ((i = ${#modules[@]} - 1; i >= 0; i--)); do libs+=("-l${modules[i]}"); done
    libs+=(-lNormscopeKernelsAVX2 -lNormscopeKernelsAVX512 -lCCPUFeatures)
    echo "fuzz: building harness $name"
    swiftc "${flags[@]}" -module-name "Fuzz$name" -I "$scratch/modules" -L "$scratch/lib" "${libs[@]}" \
        -o "$scratch/bin/$name" "$file" "${sources[@]}" 2>&1 | quiet_linker
}

start=$SECONDS
for name in "${harnesses[@]}"; do build_harness "$name"; done
echo "fuzz: build took $((SECONDS - start)) s"
[ "$seconds" -gt 0 ] || exit 0

status=0
for name in "${harnesses[@]}"; do
    lower=$(echo "$name" | tr '[:upper:]' '[:lower:]')
    work=$(mktemp -d "${TMPDIR:-/tmp}/normscope-fuzz-$name.XXXXXX")
    findings="$scratch/findings/$name"
    mkdir -p "$findings"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$findings/")
    [ -f "Fuzz/Dictionaries/$lower.dict" ] && args+=(-dict="Fuzz/Dictionaries/$lower.dict")
    read -ra extra <<<"${NORMSCOPE_FUZZ_ARGS:-}"
    echo "fuzz: $name for $seconds s (new inputs in $work)"
    log="$work.log"
    # ASAN_OPTIONS: a leak at exit is not a finding here (the readers allocate nothing that outlives a call
    # that matters), and Swift's runtime keeps caches alive that LeakSanitizer would report.
    if ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" SWIFT_BACKTRACE=enable=no \
        "$scratch/bin/$name" "${args[@]}" "${extra[@]}" "$work" "Fuzz/Corpus/$name" >"$log" 2>&1; then
        grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $name: /" || true
        rm -f "$log"
    else
        status=1
        echo "fuzz: $name FOUND A PROBLEM; libFuzzer's report:"
        grep -E 'ERROR: |SUMMARY: |Fatal error|Test unit written to|Base64:' "$log" || tail -40 "$log"
        echo "fuzz: full log in $log; reproduce with $scratch/bin/$name <the unit written above>"
    fi
    if [ "${NORMSCOPE_FUZZ_KEEP:-0}" = 1 ]; then echo "fuzz: $name corpus kept in $work"; else rm -rf "$work"; fi
done
exit "$status"
