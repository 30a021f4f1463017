import RealModule

/// Weighted sums over the first n studies, Σⱼ<ₙ zⱼᵐ/(vⱼ + t) (m = 0…2), at any t, for cumulative
/// meta-analysis: the same power series as `SeriesSums`, with each center's moments extended row
/// by row as the prefix grows (amortized O(terms) per row and center). Short prefixes, and any
/// t no center can reach within the truncation bound once the budget is spent, are summed directly.
struct PrefixSeriesSums {
    static let terms = 56
    static let maxCenters = 24
    static let maxRho = 0.35
    static let directBelow = 256

    struct Center {
        var c: Double
        var aMax: Double
        var count = 0
        /// moments[m·terms + l] = Σⱼ<count zⱼᵐ aⱼ (aⱼ/aₘₐₓ)ˡ.
        var moments: [Double]
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

    /// (Σ 1/(v+t), Σ z/(v+t), Σ z²/(v+t)) over the first n studies.
    mutating func sums(prefix n: Int, at t: Double) -> (Double, Double, Double) {
        if n >= Self.directBelow, let index = centerIndex(for: t) {
            extend(index, to: n)
            if let result = evaluate(centers[index], at: t) { return result }
        }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for j in 0..<n {
            let a = 1 / (v[j] + t)
            s0 += a; s1 += z[j] * a; s2 += z[j] * z[j] * a
        }
        return (s0, s1, s2)
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
        centers.append(Center(c: t, aMax: 1 / (vMin + t), moments: Array(repeating: 0, count: 3 * Self.terms)))
        return centers.count - 1
    }

    private mutating func extend(_ index: Int, to n: Int) {
        let terms = Self.terms
        let c = centers[index].c, aMax = centers[index].aMax
        let from = centers[index].count
        guard n > from else { return }
        centers[index].moments.withUnsafeMutableBufferPointer { m in
            for j in from..<n {
                let a = 1 / (v[j] + c), b = a / aMax, zj = z[j]
                var term = a
                for l in 0..<terms {
                    m[l] += term
                    m[terms + l] += zj * term
                    m[2 * terms + l] += zj * zj * term
                    term *= b
                    if term == 0 { break }
                }
            }
        }
        centers[index].count = n
    }

    private func evaluate(_ center: Center, at t: Double) -> (Double, Double, Double)? {
        let terms = Self.terms
        let delta = t - center.c
        let rho = abs(delta) * center.aMax
        var needed = 1
        if rho > 0 {
            var bound = 1 / (1 - rho)
            needed = 0
            while bound > 1e-17 && needed < terms { bound *= rho; needed += 1 }
            if bound > 1e-17 { return nil }
        }
        let r = -delta * center.aMax
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for l in stride(from: needed - 1, through: 0, by: -1) {
            s0 = s0 * r + center.moments[l]
            s1 = s1 * r + center.moments[terms + l]
            s2 = s2 * r + center.moments[2 * terms + l]
        }
        return (s0, s1, s2)
    }
}

extension Cumulative {
    /// Fixed-effect and DerSimonian–Laird steps from prefix sums: Q and τ² in O(1) per step, the
    /// random-effects sums from `PrefixSeriesSums`.
    static func prefixSteps(
        _ effects: [EffectSize], method: TauSquaredMethod, test: WaldTest,
        level: Double
    ) -> [CumulativeStep] {
        let y = effects.map(\.yi), v = effects.map(\.vi)
        let k = y.count
        var sw = 0.0, swy = 0.0
        for i in 0..<k { sw += 1 / v[i]; swy += y[i] / v[i] }
        let center = swy / sw
        var series = PrefixSeriesSums(z: y.map { $0 - center }, v: v)
        let alpha = 1 - level
        let zCritical = Normal.quantile(1 - alpha / 2)
        var s1 = 0.0, sz = 0.0, szz = 0.0, s2 = 0.0
        var steps: [CumulativeStep] = []
        steps.reserveCapacity(k)
        for n in 1...k {
            let w = 1 / v[n - 1], z = y[n - 1] - center
            s1 += w; sz += w * z; szz += w * z * z; s2 += w * w
            let q = szz - sz * sz / s1
            let traceP = s1 - s2 / s1
            var tau2 = 0.0
            if method == .derSimonianLaird && n > 1 { tau2 = max(0, (q - Double(n - 1)) / traceP) }
            let (w1, w1z, w1zz) = method == .fixed ? (s1, sz, szz) : series.sums(prefix: n, at: tau2)
            let offset = w1z / w1
            let tCritical = test == .knappHartung && n > 1 ? StudentT.quantile(1 - alpha / 2, df: Double(n - 1)) : .nan
            let d = DeletionFit.assemble(
                k: n, center: center, sumW: w1, meanOffset: offset, rss: max(0, w1zz - w1z * offset),
                q: q, traceP: traceP, tau2: tau2, sumWAllRows: w1, method: method, test: test,
                critical: (z: zCritical, t: tCritical)
            ).summary
            steps.append(
                CumulativeStep(
                    k: n, estimate: d.estimate, se: d.se, statistic: d.statistic, p: d.p,
                    ciLower: d.ciLower, ciUpper: d.ciUpper, q: d.q, qDF: d.qDF, tau2: d.tau2,
                    i2: d.i2, h2: d.h2))
        }
        return steps
    }
}
