import RealModule

/// Exact sums over all studies but one (deletions) or over the first n (cumulative) of zⱼᵐ/(vⱼ + t)ⁿ (m = 0…2, n = 1…3) and of log(vⱼ + t), at
/// any τ² value t, in O(terms) per evaluation instead of O(k).
///
/// Each sum is expanded around a cached center c (aⱼ = 1/(vⱼ + c), ρ = |t − c|·max aⱼ):
///
///     aⱼⁿ/(1 + δaⱼ)ⁿ = Σₗ C(n+l−1, l)(−δ·aₘₐₓ)ˡ · aⱼⁿ(aⱼ/aₘₐₓ)ˡ,   log(vⱼ + t) = log(vⱼ + c) + Σₗ (−1)ˡ⁺¹(δaₘₐₓ)ˡ(aⱼ/aₘₐₓ)ˡ/l,
///
/// with the moments tabulated once per center in O(k·terms) (in cumulative mode extended row by row
/// as the prefix grows). A new center is tabulated when no
/// cached one has ρ ≤ 0.35 (deletion paths of an iterative estimator are nearly identical, so a
/// handful serve all k deletions); the number of terms is chosen from the remainder bound
/// C(N+2, 2)·ρᴺ/(1 − ρ)³ < 1e-16 (relative to Σ|zᵐ|aⱼⁿ). When the center budget is exhausted, or
/// the deleted study carries most of the weight, the sum is done directly in O(k). Callers ask
/// only for the powers n (1 or 3) and the log sum they need, which keeps evaluations cheap.
struct SeriesSums {
    /// The largest ρ = |t − c|·max aⱼ a center serves. Derived, not tuned: at ρ = 0.35 the remainder
    /// bound below is met with 43 terms for the cube power; smaller ρ needs fewer.
    static let maxRho = 0.35
    /// Terms tabulated per center: enough for the bound up to ρ < 0.434, a margin above `maxRho`
    /// (a sum that would need more is taken directly).
    static let terms = 56
    /// Centers cached per series (each 10·`terms` doubles, ≈ 4.5 KB); past it sums are direct. The
    /// τ² values one estimator visits over all deletions or steps cluster within a few ρ-balls.
    static let maxCenters = 24
    /// Below this many rows a direct sum is cheaper than a series: by operation count, a center costs
    /// about 9·terms·k to tabulate and the ≈ 10k evaluations of k deletions cost ≈ 10k² directly,
    /// which break even near k ≈ 160; 256 keeps small analyses on the plain path.
    static let directBelow = 256
    /// The truncation bound, relative to Σ|zᵐ|aⱼⁿ: below double precision's 2.2e-16.
    static let tolerance = 1e-16

    struct Center {
        var c: Double
        var aMax: Double
        /// Rows 0..<count are tabulated (all k in deletion mode; the prefix so far in cumulative mode).
        var count = 0
        /// moments[(3(n − 1) + m)·terms + l] = Σⱼ zⱼᵐ aⱼⁿ (aⱼ/aₘₐₓ)ˡ.
        var moments: [Double]
        /// logMoments[l] = Σⱼ (aⱼ/aₘₐₓ)ˡ for l ≥ 1; logMoments[0] = Σⱼ log(vⱼ + c).
        var logMoments: [Double]
    }

    /// Σⱼ≠ᵢ zⱼᵐ/(vⱼ + t)ⁿ (fields wN, wNz, wNzz) and Σⱼ≠ᵢ log(vⱼ + t); higher powers and the log
    /// sum are only filled in when asked for.
    struct Sums {
        var w1 = 0.0, w1z = 0.0, w1zz = 0.0
        var w2 = 0.0, w2z = 0.0, w2zz = 0.0
        var w3 = 0.0
        var sumLog = 0.0
    }

    let z: [Double]
    let v: [Double]
    let vMin: Double
    var centers: [Center] = []

    init(z: [Double], v: [Double]) {
        self.z = z
        self.v = v
        vMin = v.min() ?? 0
    }

    mutating func sums(excluding i: Int, at t: Double, powers: Int = 1, log: Bool = false) -> Sums {
        sums(prefix: z.count, excluding: i, at: t, powers: powers, log: log)
    }

    /// The sums over the first `n` studies, less study `i` if given.
    mutating func sums(prefix n: Int, excluding i: Int? = nil, at t: Double, powers: Int = 1, log: Bool = false) -> Sums {
        if n >= Self.directBelow, let index = centerIndex(for: t) {
            extend(index, to: n)
            if let result = series(centers[index], excluding: i, at: t, powers: powers, log: log) {
                return result
            }
        }
        return direct(prefix: n, excluding: i, at: t, powers: powers, log: log)
    }

    private mutating func centerIndex(for t: Double) -> Int? {
        var best: Int?
        var bestRho = Double.infinity
        for (index, center) in centers.enumerated() {
            let rho = abs(t - center.c) * center.aMax
            if rho < bestRho { bestRho = rho; best = index }
        }
        if bestRho <= Self.maxRho { return best }
        guard centers.count < Self.maxCenters else { return nil }
        let terms = Self.terms
        centers.append(
            Center(
                c: t, aMax: 1 / (vMin + t), moments: Array(repeating: 0, count: 9 * terms),
                logMoments: Array(repeating: 0, count: terms)))
        return centers.count - 1
    }

    /// Adds rows center.count..<n to a center's moments (O(terms) per row).
    private mutating func extend(_ index: Int, to n: Int) {
        let terms = Self.terms
        let c = centers[index].c, aMax = centers[index].aMax
        let from = centers[index].count
        guard n > from else { return }
        var moments = centers[index].moments, logMoments = centers[index].logMoments
        centers[index].moments = []
        centers[index].logMoments = []
        moments.withUnsafeMutableBufferPointer { m in
            logMoments.withUnsafeMutableBufferPointer { lm in
                for j in from..<n {
                    let a = 1 / (v[j] + c), b = a / aMax, zj = z[j]
                    lm[0] += Double.log(v[j] + c)
                    var power = 1.0
                    for l in 0..<terms {
                        if l > 0 { lm[l] += power }
                        var an = a * power
                        for n in 0..<3 {
                            let base = (3 * n) * terms + l
                            m[base] += an
                            m[base + terms] += zj * an
                            m[base + 2 * terms] += zj * zj * an
                            an *= a
                        }
                        power *= b
                        if power == 0 { break }
                    }
                }
            }
        }
        centers[index].moments = moments
        centers[index].logMoments = logMoments
        centers[index].count = n
    }

    private func series(_ center: Center, excluding i: Int?, at t: Double, powers: Int, log: Bool) -> Sums? {
        let terms = Self.terms
        let delta = t - center.c
        let rho = abs(delta) * center.aMax
        var needed = 1
        if rho > 0 {
            // Remainder bound for the highest power n: C(N+n−1, n−1) ρᴺ / (1 − ρ)ⁿ (n ≤ 3).
            var powerRho = 1.0
            needed = 0
            let scale = Double.pow(1 - rho, Double(max(powers, 1)))
            while needed < terms {
                let n = Double(needed)
                if (n + 2) * (n + 1) / 2 * powerRho / scale < Self.tolerance { break }
                powerRho *= rho
                needed += 1
            }
            if needed >= terms { return nil }
            needed = max(needed, 1)
        }
        let r = -delta * center.aMax
        var out = Sums()
        center.moments.withUnsafeBufferPointer { m in
            var rl = 1.0, c2 = 1.0, c3 = 1.0  // rˡ, C(l+1, l), C(l+2, l)
            for l in 0..<needed {
                out.w1 += rl * m[l]
                out.w1z += rl * m[terms + l]
                out.w1zz += rl * m[2 * terms + l]
                if powers > 1 {
                    let r2 = c2 * rl, r3 = c3 * rl
                    out.w2 += r2 * m[3 * terms + l]
                    out.w2z += r2 * m[4 * terms + l]
                    out.w2zz += r2 * m[5 * terms + l]
                    out.w3 += r3 * m[6 * terms + l]
                }
                rl *= r
                c2 = c2 * Double(l + 2) / Double(l + 1)
                c3 = c3 * Double(l + 3) / Double(l + 1)
            }
        }
        if log {
            var sumLog = center.logMoments[0]
            var xl = 1.0
            for l in 1..<min(needed + 1, terms) where delta != 0 {
                xl *= -r  // (δ·aₘₐₓ)ˡ
                sumLog += (l % 2 == 1 ? 1 : -1) * xl * center.logMoments[l] / Double(l)
            }
            out.sumLog = sumLog - (i.map { Double.log(v[$0] + t) } ?? 0)
        }
        guard let i else { return out }
        // Remove study i's own terms, unless it dominates (then cancellation would cost digits).
        let own = 1 / (v[i] + t)
        guard own < 0.5 * out.w1 else { return nil }
        let zi = z[i]
        out.w1 -= own; out.w1z -= zi * own; out.w1zz -= zi * zi * own
        if powers > 1 {
            let own2 = own * own
            out.w2 -= own2; out.w2z -= zi * own2; out.w2zz -= zi * zi * own2
            out.w3 -= own2 * own
        }
        return out
    }

    private func direct(prefix n: Int, excluding i: Int?, at t: Double, powers: Int, log: Bool) -> Sums {
        var out = Sums()
        for j in 0..<n where j != i {
            let a = 1 / (v[j] + t), zj = z[j]
            out.w1 += a; out.w1z += zj * a; out.w1zz += zj * zj * a
            if powers > 1 {
                let a2 = a * a
                out.w2 += a2; out.w2z += zj * a2; out.w2zz += zj * zj * a2
                out.w3 += a2 * a
            }
            if log { out.sumLog += Double.log(v[j] + t) }
        }
        return out
    }
}
