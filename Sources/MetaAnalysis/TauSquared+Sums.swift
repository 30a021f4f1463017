import RealModule

/// What τ² estimation needs to know about a subset of studies besides its weighted sums.
struct SubsetStatistics {
    var n: Int
    /// Cochran's Q and Σ1/v, Σ1/v² of the fixed-effect fit.
    var q: Double
    var s1: Double
    var s2: Double
    /// Σ(y − ȳ)² around the unweighted mean, and Σv, Σlog v.
    var rss0: Double
    var sumV: Double
    var sumLogV: Double
}

/// τ² of an intercept-only model on a subset of studies (a deletion, a cumulative step), the
/// estimator of `estimateTauSquared(k:p:method:moments:mad:fit:)` fed from running sums: the
/// moments from `st` in O(1), and every weighted sum Σzᵐ/(v + t)ⁿ from `sums(t, powers, log)`
/// (z = y − any fixed center). `mad` gives R's `mad(y)` of the subset, needed only by PM.
/// Returns nil where metafor's fit would fail.
func estimateTauSquared(
    _ st: SubsetStatistics, method: TauSquaredMethod, mad: () -> Double,
    sums: (Double, Int, Bool) -> SeriesSums.Sums
) -> Double? {
    let n = Double(st.n)
    return try? estimateTauSquared(
        k: st.n, p: 1, method: method,
        moments: {
            TauSquaredMoments(
                q: st.q, traceP: st.s1 - st.s2 / st.s1, unweightedRSS: st.rss0, unweightedTracePV: st.sumV * (1 - 1 / n),
                squaresAroundMean: st.rss0)
        },
        mad: mad,
        fit: { t, needs in
            if case .likelihood = needs, t == 0 {
                return TauSquaredTerms(rss: st.q, sumLogV: st.sumLogV, logDetCrossProduct: Double.log(st.s1))
            }
            let powers = if case .scoring(let method) = needs, method != .empiricalBayes { 3 } else { 1 }
            let likelihood = if case .likelihood = needs { true } else { false }
            let s = sums(t, powers, likelihood)
            let mu = s.w1z / s.w1
            var terms = TauSquaredTerms(rss: s.w1zz - s.w1z * mu, sumW: s.w1)
            if powers == 3 {
                terms.yPPy = s.w2zz - 2 * mu * s.w2z + mu * mu * s.w2
                terms.sumW2 = s.w2
                terms.traceP = s.w1 - s.w2 / s.w1
                terms.tracePP = s.w2 - 2 * s.w3 / s.w1 + (s.w2 / s.w1) * (s.w2 / s.w1)
            }
            if likelihood { (terms.sumLogV, terms.logDetCrossProduct) = (s.sumLog, Double.log(s.w1)) }
            return terms
        })
}
