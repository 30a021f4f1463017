import RealModule

/// All k deletions of a fixed-effect or DerSimonian–Laird model from running sums.
///
/// Fixed-effect sums (Σw, Σwz, Σwz², Σw² with w = 1/v) give Q₋ᵢ, tr(P)₋ᵢ and the closed-form
/// DL τ²₋ᵢ in O(1). The random-effects sums at τ²₋ᵢ, Σⱼ zⱼᵐ/(vⱼ + τ²₋ᵢ) for m = 0, 1, 2, are
/// expanded around the full-data τ²:
///
///     Σⱼ cⱼ aⱼ/(1 + δaⱼ) = Σₙ (−δ·aₘₐₓ)ⁿ Σⱼ cⱼ aⱼ (aⱼ/aₘₐₓ)ⁿ,   aⱼ = 1/(vⱼ + τ²), δ = τ²₋ᵢ − τ²,
///
/// with the moments Σⱼ cⱼ aⱼ (aⱼ/aₘₐₓ)ⁿ tabulated once (O(k·terms)). The remainder after N terms is
/// at most Σ|cⱼ|aⱼ·ρᴺ/(1 − ρ), ρ = |δ|·aₘₐₓ; N is chosen so that this is below 1e-17 relative, and a
/// deletion whose ρ is too large (or whose own term dominates the sum) is summed directly in O(k).
struct DeletionSums {
    static let terms = 48

    let y: [Double]
    let v: [Double]
    let k: Int
    let fullTau2: Double
    let centerFE: Double
    let centerRE: Double
    // Fixed-effect running sums around centerFE.
    var s1 = 0.0, sz = 0.0, szz = 0.0, s2 = 0.0
    // Random-effects moments around centerRE.
    var aMax = 0.0
    var moments: [[Double]] = [[], [], []]

    init(y: [Double], v: [Double], full: ModelFit) {
        self.y = y
        self.v = v
        k = y.count
        fullTau2 = full.tau2
        centerRE = full.beta[0]
        var sw = 0.0, swy = 0.0
        for i in 0..<k { sw += 1 / v[i]; swy += y[i] / v[i] }
        centerFE = swy / sw
        for i in 0..<k {
            let w = 1 / v[i], z = y[i] - centerFE
            s1 += w; sz += w * z; szz += w * z * z; s2 += w * w
        }
        var a = [Double](repeating: 0, count: k)
        for i in 0..<k { a[i] = 1 / (v[i] + fullTau2); aMax = max(aMax, a[i]) }
        moments = Array(repeating: Array(repeating: 0, count: Self.terms), count: 3)
        for j in 0..<k {
            let z = y[j] - centerRE, b = a[j] / aMax
            var term = a[j]
            for n in 0..<Self.terms {
                moments[0][n] += term
                moments[1][n] += z * term
                moments[2][n] += z * z * term
                term *= b
                if term == 0 { break }
            }
        }
    }

    func allDeletions(method: TauSquaredMethod, test: WaldTest, level: Double) -> [DeletionFit] {
        let alpha = 1 - level
        let critical = (
            z: Normal.quantile(1 - alpha / 2),
            t: k - 2 > 0 ? StudentT.quantile(1 - alpha / 2, df: Double(k - 2)) : .nan
        )
        return (0..<k).map { deletion($0, method: method, test: test, critical: critical) }
    }

    func deletion(_ i: Int, method: TauSquaredMethod, test: WaldTest, critical: (z: Double, t: Double)) -> DeletionFit {
        let kd = k - 1
        let w = 1 / v[i], z = y[i] - centerFE
        let s1d = s1 - w, szd = sz - w * z, szzd = szz - w * z * z, s2d = s2 - w * w
        let q = szzd - szd * szd / s1d
        let traceP = s1d - s2d / s1d
        var tau2 = 0.0
        if method == .derSimonianLaird && kd > 1 { tau2 = max(0, (q - Double(kd - 1)) / traceP) }
        let sums = randomEffectsSums(excluding: i, tau2: tau2)
        let offset = sums.1 / sums.0
        let rss = max(0, sums.2 - sums.1 * offset)
        return DeletionFit.assemble(
            k: kd, center: centerRE, sumW: sums.0, meanOffset: offset, rss: rss, q: q,
            traceP: traceP, tau2: tau2, sumWAllRows: sums.0 + 1 / (v[i] + tau2),
            method: method, test: test, critical: critical)
    }

    /// (Σⱼ≠ᵢ 1/(vⱼ+t), Σⱼ≠ᵢ zⱼ/(vⱼ+t), Σⱼ≠ᵢ zⱼ²/(vⱼ+t)) with z = y − centerRE.
    func randomEffectsSums(excluding i: Int, tau2 t: Double) -> (Double, Double, Double) {
        let z = y[i] - centerRE
        let own = 1 / (v[i] + t)
        let rho = abs(t - fullTau2) * aMax
        var termsNeeded = 0
        if t == fullTau2 {
            termsNeeded = 1
        } else if rho < 0.5 {
            var bound = 1 / (1 - rho)
            while bound > 1e-17 && termsNeeded < Self.terms { bound *= rho; termsNeeded += 1 }
            if bound > 1e-17 { termsNeeded = 0 }
        }
        if termsNeeded > 0 {
            let r = -(t - fullTau2) * aMax
            var all = [0.0, 0.0, 0.0]
            for m in 0..<3 {
                var total = 0.0
                for n in stride(from: termsNeeded - 1, through: 0, by: -1) { total = total * r + moments[m][n] }
                all[m] = total
            }
            // Subtracting the study's own term is safe unless it carries most of the weight.
            if own < 0.5 * all[0] {
                return (all[0] - own, all[1] - z * own, all[2] - z * z * own)
            }
        }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for j in 0..<k where j != i {
            let a = 1 / (v[j] + t), zj = y[j] - centerRE
            s0 += a; s1 += zj * a; s2 += zj * zj * a
        }
        return (s0, s1, s2)
    }
}
