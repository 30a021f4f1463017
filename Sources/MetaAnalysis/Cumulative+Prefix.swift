import RealModule

extension Cumulative {
    /// Fixed-effect and DerSimonian–Laird steps from prefix sums: Q and τ² in O(1) per step, the
    /// random-effects sums from `SeriesSums` in prefix mode.
    static func prefixSteps(
        _ effects: [EffectSize], method: TauSquaredMethod, test: WaldTest,
        level: Double
    ) -> [CumulativeStep] {
        let y = effects.map(\.yi), v = effects.map(\.vi)
        let k = y.count
        var sw = 0.0, swy = 0.0
        for i in 0..<k { sw += 1 / v[i]; swy += y[i] / v[i] }
        let center = swy / sw
        var series = SeriesSums(z: y.map { $0 - center }, v: v)
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
            var (w1, w1z, w1zz) = (s1, sz, szz)
            if method != .fixed {
                let sums = series.sums(prefix: n, at: tau2)
                (w1, w1z, w1zz) = (sums.w1, sums.w1z, sums.w1zz)
            }
            let offset = w1z / w1
            let tCritical = test == .knappHartung && n > 1 ? StudentT.quantile(1 - alpha / 2, df: Double(n - 1)) : .nan
            let d = DeletionFit.assemble(
                k: n, center: center, sumW: w1, meanOffset: offset, rss: max(0, w1zz - w1z * offset),
                q: q, traceP: traceP, tau2: tau2, sumWAllRows: w1, method: method, test: test,
                critical: (z: zCritical, t: tCritical)
            ).summary
            steps.append(CumulativeStep(k: n, d))
        }
        return steps
    }
}
