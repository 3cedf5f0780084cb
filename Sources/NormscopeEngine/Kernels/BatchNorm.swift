/// Batch normalization of a hidden layer's pre-activations, fused with the ReLU that follows, as PyTorch's
/// `BatchNorm1d` (eps 1e-5, momentum 0.1) computes it.
///
/// Pre-activations are `z[rows×n]`, row-major (one row per sample, one column per unit). In training the batch's
/// own mean and (biased) variance normalize, `x̂ = (z - mean) / sqrt(var + eps)`, and the running averages move
/// towards them (`r = 0.9 r + 0.1 batch`, the unbiased variance `var·n/(n-1)` for the running one); in evaluation
/// the running averages normalize. Either way the output is `max(γ x̂ + β, 0)`.
///
/// Every column is reduced over the rows in row order, eight columns at a time, so results never depend on
/// anything but the batch. Nothing here allocates. The helpers are file-private (see `Vector`).
enum BatchNorm {
    /// PyTorch's default epsilon.
    static let epsilon: Float = 1e-5
    /// PyTorch's default momentum of the running averages.
    static let momentum: Float = 0.1

    /// Training forward pass, in place on `z`: normalizes by the batch statistics, keeps `x̂` in `hat` and
    /// `1/sqrt(var + eps)` in `invStd` for the backward pass, updates the running averages (not for a batch of
    /// one, whose variance is undefined), and writes `max(γ x̂ + β, 0)` over `z`. `mean` is `n` floats of scratch.
    static func forwardTraining(_ z: UnsafeMutablePointer<Float>, rows: Int, n: Int,
                                gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
                                hat: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>,
                                mean: UnsafeMutablePointer<Float>,
                                runningMean: UnsafeMutablePointer<Float>, runningVar: UnsafeMutablePointer<Float>) {
        let inv = 1 / Float(rows)
        let unbias = rows > 1 ? Float(rows) / Float(rows - 1) : 1
        let m = momentum, keep = 1 - momentum
        var j = 0
        while j + 8 <= n {
            var s = SIMD8<Float>()
            for r in 0..<rows { s += l8(z + r * n + j) }
            let mu = s * inv
            var q = SIMD8<Float>()
            for r in 0..<rows { let d = l8(z + r * n + j) - mu; q += d * d }
            let variance = q * inv
            let istd = 1 / (variance + epsilon).squareRoot()
            s8(mu, mean + j)
            s8(istd, invStd + j)
            if rows > 1 {
                s8(keep * l8(runningMean + j) + m * mu, runningMean + j)
                s8(keep * l8(runningVar + j) + m * (variance * unbias), runningVar + j)
            }
            j += 8
        }
        while j < n {
            var s: Float = 0
            for r in 0..<rows { s += z[r * n + j] }
            let mu = s * inv
            var q: Float = 0
            for r in 0..<rows { let d = z[r * n + j] - mu; q += d * d }
            let variance = q * inv
            mean[j] = mu
            invStd[j] = 1 / (variance + epsilon).squareRoot()
            if rows > 1 {
                runningMean[j] = keep * runningMean[j] + m * mu
                runningVar[j] = keep * runningVar[j] + m * (variance * unbias)
            }
            j += 1
        }
        for r in 0..<rows {
            let zr = z + r * n, hr = hat + r * n
            var c = 0
            while c + 8 <= n {
                let h = (l8(zr + c) - l8(mean + c)) * l8(invStd + c)
                s8(h, hr + c)
                let y = l8(gamma + c) * h + l8(beta + c)
                s8(y.replacing(with: 0, where: y .< 0), zr + c)
                c += 8
            }
            while c < n {
                let h = (zr[c] - mean[c]) * invStd[c]
                hr[c] = h
                let y = gamma[c] * h + beta[c]
                zr[c] = y < 0 ? 0 : y
                c += 1
            }
        }
    }

    /// Evaluation forward pass, in place on `z`: `max(γ (z - running mean) / sqrt(running var + eps) + β, 0)`,
    /// computed as `z·scale + shift` with `scale` and `shift` (`n` floats of scratch each) per column.
    static func forwardEvaluation(_ z: UnsafeMutablePointer<Float>, rows: Int, n: Int,
                                  gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
                                  runningMean: UnsafePointer<Float>, runningVar: UnsafePointer<Float>,
                                  scale: UnsafeMutablePointer<Float>, shift: UnsafeMutablePointer<Float>) {
        for c in 0..<n {
            let a = gamma[c] / (runningVar[c] + epsilon).squareRoot()
            scale[c] = a
            shift[c] = beta[c] - runningMean[c] * a
        }
        for r in 0..<rows {
            let zr = z + r * n
            var c = 0
            while c + 8 <= n {
                let y = l8(zr + c) * l8(scale + c) + l8(shift + c)
                s8(y.replacing(with: 0, where: y .< 0), zr + c)
                c += 8
            }
            while c < n {
                let y = zr[c] * scale[c] + shift[c]
                zr[c] = y < 0 ? 0 : y
                c += 1
            }
        }
    }

    /// Backward pass, in place on `delta`: from the gradient with respect to the normalized output `γ x̂ + β`
    /// (already masked by ReLU) to the gradient with respect to the pre-activations `z`, with the gradients of
    /// γ and β into `gradGamma` and `gradBeta`:
    /// `dβ = Σ dy`, `dγ = Σ dy·x̂`, `dz = γ/(n·sqrt(var + eps)) · (n·dy - dβ - x̂·dγ)`.
    static func backward(_ delta: UnsafeMutablePointer<Float>, rows: Int, n: Int,
                         hat: UnsafePointer<Float>, invStd: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
                         gradGamma: UnsafeMutablePointer<Float>, gradBeta: UnsafeMutablePointer<Float>) {
        let count = Float(rows), inv = 1 / Float(rows)
        var j = 0
        while j + 8 <= n {
            var sb = SIMD8<Float>(), sg = SIMD8<Float>()
            for r in 0..<rows {
                let d = l8(delta + r * n + j)
                sb += d
                sg += d * l8(hat + r * n + j)
            }
            s8(sb, gradBeta + j)
            s8(sg, gradGamma + j)
            j += 8
        }
        while j < n {
            var sb: Float = 0, sg: Float = 0
            for r in 0..<rows {
                let d = delta[r * n + j]
                sb += d
                sg += d * hat[r * n + j]
            }
            gradBeta[j] = sb
            gradGamma[j] = sg
            j += 1
        }
        for r in 0..<rows {
            let dr = delta + r * n, hr = hat + r * n
            var c = 0
            while c + 8 <= n {
                let k = l8(gamma + c) * l8(invStd + c) * inv
                s8(k * (count * l8(dr + c) - l8(gradBeta + c) - l8(hr + c) * l8(gradGamma + c)), dr + c)
                c += 8
            }
            while c < n {
                let k = gamma[c] * invStd[c] * inv
                dr[c] = k * (count * dr[c] - gradBeta[c] - hr[c] * gradGamma[c])
                c += 1
            }
        }
    }
}

@inline(__always)
private func l8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func s8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}
