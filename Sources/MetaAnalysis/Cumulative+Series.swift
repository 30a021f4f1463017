import RealModule

extension Cumulative {
    /// Cumulative steps without refits (every estimator but PM): prefix running sums for Q,
    /// Σv, Σlog v and the unweighted RSS, and `SeriesSums` in prefix mode for the weighted sums, fed
    /// to the same sums-based estimator the deletion diagnostics use (metafor's iteration, step
    /// for step). R's `mad` of the prefix (PM's search bracket) is computed exactly only when the
    /// bound mad ≤ 1.4826·range (`madConstant`) cannot rule out 10·mad² > 100, which makes PM slow here; `analyze`
    /// refits PM instead. A step whose estimator fails is NaN.
    static func seriesSteps(
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
        var s1 = 0.0, sz = 0.0, szz = 0.0, s2 = 0.0, su = 0.0, suu = 0.0, sv = 0.0, sumLogV = 0.0
        var low = Double.infinity, high = -Double.infinity
        var steps: [CumulativeStep] = []
        steps.reserveCapacity(k)
        for n in 1...k {
            let j = n - 1
            let w = 1 / v[j], z = y[j] - center
            s1 += w; sz += w * z; szz += w * z * z; s2 += w * w
            su += z; suu += z * z; sv += v[j]; sumLogV += Double.log(v[j])
            low = min(low, y[j]); high = max(high, y[j])
            let q = szz - sz * sz / s1
            let statistics = SubsetStatistics(
                n: n, q: q, s1: s1, s2: s2, rss0: suu - su * su / Double(n),
                sumV: sv, sumLogV: sumLogV)
            let range = high - low
            let mad: () -> Double = {
                10 * (madConstant * range) * (madConstant * range) <= 100 ? 0 : medianAbsoluteDeviation(Array(y[0..<n]))
            }
            guard
                let tau2 = estimateTauSquared(
                    statistics, method: method, mad: mad,
                    sums: { series.sums(prefix: n, at: $0, powers: $1, log: $2) })
            else {
                steps.append(.undefined(k: n))
                continue
            }
            let sums = series.sums(prefix: n, at: tau2)
            let offset = sums.w1z / sums.w1
            let tCritical = test == .knappHartung && n > 1 ? StudentT.quantile(1 - alpha / 2, df: Double(n - 1)) : .nan
            let d = DeletionFit.assemble(
                k: n, center: center, sumW: sums.w1, meanOffset: offset,
                rss: max(0, sums.w1zz - sums.w1z * offset), q: q, traceP: s1 - s2 / s1,
                tau2: tau2, sumWAllRows: sums.w1, method: method, test: test,
                critical: (z: zCritical, t: tCritical)
            ).summary
            steps.append(CumulativeStep(k: n, d))
        }
        return steps
    }
}
