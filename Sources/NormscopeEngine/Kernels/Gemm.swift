import NormscopeKernelsAVX2
import NormscopeKernelsAVX512

/// Single-precision matrix products for the dense layers: the engine's entry to the kernel variants.
///
/// All matrices are row-major. `gemm` computes `C[M×N] = start + op(A)[M×K] · B[K×N]`, then applies a finish
/// (store, ReLU, or ReLU's backward mask), where `op(A)` is A (`A[i*lda + p]`) or its transpose (`A[p*lda + i]`).
/// The work is done by `GemmKernel` in the variant `target` names (by default `KernelTarget.current`): 16-lane
/// vectors with AVX-512, 8-lane with AVX2 (see `Sources/NormscopeKernels/Shared/GemmKernel.swift`).
///
/// Every element of C is the same chain `c = fma(c, a_p, b_p)` for p ascending, whatever the block or variant it
/// falls in, so results never depend on the blocking, on splitting C between threads, on the thread count or on
/// the CPU.
enum Gemm {
    /// How each element of C starts.
    enum Start {
        /// From zero.
        case zero
        /// From the current value of C (accumulate).
        case load
        /// From `bias[j]` (a row vector broadcast to every row).
        case bias(UnsafePointer<Float>)
    }

    /// What is written to C.
    enum Finish {
        /// The sum itself.
        case store
        /// `max(sum, 0)` (a hidden layer's forward pass).
        case relu
        /// `act[i*ld + j] > 0 ? sum : 0` (ReLU's backward pass, with the layer's post-ReLU activation).
        case mask(UnsafePointer<Float>, ld: Int)
    }

    // MARK: - Entry points

    /// `C[M×N] = (accumulate ? C : 0) + op(A)[M×K] · B[K×N]`.
    static func gemm(m: Int, n: Int, k: Int,
                            a: UnsafePointer<Float>, lda: Int, transA: Bool,
                            b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        gemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, c: c, ldc: ldc,
             start: accumulate ? .load : .zero, finish: .store)
    }

    /// `C[M×N] = finish(start + op(A)[M×K] · B[K×N])`: the product with its bias and activation fused.
    static func gemm(m: Int, n: Int, k: Int,
                     a: UnsafePointer<Float>, lda: Int, transA: Bool,
                     b: UnsafePointer<Float>, ldb: Int,
                     c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, finish: Finish,
                     target: KernelTarget = .current) {
        switch target {
        case .avx512:
            NormscopeKernelsAVX512.GemmKernel.gemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb,
                                                   c: c, ldc: ldc, start: start.avx512, finish: finish.avx512)
        case .avx2:
            NormscopeKernelsAVX2.GemmKernel.gemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb,
                                                 c: c, ldc: ldc, start: start.avx2, finish: finish.avx2)
        }
    }
}

// The variants' copies of `Start` and `Finish` (each variant module has its own types).
extension Gemm.Start {
    var avx512: NormscopeKernelsAVX512.GemmKernel.Start {
        switch self {
        case .zero: .zero
        case .load: .load
        case .bias(let bias): .bias(bias)
        }
    }

    var avx2: NormscopeKernelsAVX2.GemmKernel.Start {
        switch self {
        case .zero: .zero
        case .load: .load
        case .bias(let bias): .bias(bias)
        }
    }
}

extension Gemm.Finish {
    var avx512: NormscopeKernelsAVX512.GemmKernel.Finish {
        switch self {
        case .store: .store
        case .relu: .relu
        case .mask(let act, let ld): .mask(act, ld: ld)
        }
    }

    var avx2: NormscopeKernelsAVX2.GemmKernel.Finish {
        switch self {
        case .store: .store
        case .relu: .relu
        case .mask(let act, let ld): .mask(act, ld: ld)
        }
    }
}

