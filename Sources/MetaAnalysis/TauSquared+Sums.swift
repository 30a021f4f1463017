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

/// τ² of an intercept-only model exactly as `estimateTauSquared` (and so `rma.uni`) computes it
/// — same start, steps, stopping rule, `uniroot` path and ML/REML check — but with every weighted
/// sum Σzᵐ/(v + t)ⁿ taken from `sums(t, powers, log)` (z = y − any fixed center). `mad` gives
/// R's `mad(y)` of the subset, needed only by PM. Returns nil where metafor's fit would fail.
func estimateTauSquared(
    _ st: SubsetStatistics, method: TauSquaredMethod, mad: () -> Double,
    sums: (Double, Int, Bool) -> SeriesSums.Sums
) -> Double? {
    let n = Double(st.n)
    if st.n == 1 { return 0 }
    let hedges = (st.rss0 - st.sumV * (1 - 1 / n)) / (n - 1)
    func rss(_ t: Double, log: Bool = false) -> (Double, SeriesSums.Sums) {
        let s = sums(t, 1, log)
        let mu = s.w1z / s.w1
        return (s.w1zz - s.w1z * mu, s)
    }
    switch method {
    case .fixed:
        return 0
    case .derSimonianLaird:
        return max(0, (st.q - (n - 1)) / (st.s1 - st.s2 / st.s1))
    case .hedges:
        return max(0, hedges)
    case .sidikJonkman:
        let tau0 = st.rss0 / n
        return max(0, tau0 * rss(tau0).0 / (n - 1))
    case .pauleMandel:
        let m = mad()
        let upper = max(100, 10 * m * m)
        func f(_ t: Double) -> Double { rss(t).0 - (n - 1) }
        let fLower = f(0)
        if fLower < 0 { return 0 }
        let fUpper = f(upper)
        guard fUpper <= 0 else { return nil }
        guard
            let root = zeroin(
                lower: 0, upper: upper, fLower: fLower, fUpper: fUpper,
                tolerance: TauSquaredControl.rootTolerance,
                maxIterations: TauSquaredControl.maxIterations, f)
        else { return nil }
        return max(0, root)
    case .maximumLikelihood, .restrictedMaximumLikelihood, .empiricalBayes:
        var tau2 = max(0, hedges)
        var change = TauSquaredControl.threshold + 1
        var iterations = 0
        while change > TauSquaredControl.threshold {
            iterations += 1
            let old = tau2
            let s = sums(tau2, method == .empiricalBayes ? 1 : 3, false)
            let w1 = s.w1, w2 = s.w2, w3 = s.w3
            let mu = s.w1z / w1
            let rss = s.w1zz - s.w1z * mu
            let yPPy = s.w2zz - 2 * mu * s.w2z + mu * mu * w2
            var adjustment: Double
            switch method {
            case .maximumLikelihood:
                adjustment = (yPPy - w1) / w2
            case .restrictedMaximumLikelihood:
                let trP = w1 - w2 / w1
                let trPP = w2 - 2 * w3 / w1 + (w2 / w1) * (w2 / w1)
                adjustment = (yPPy - trP) / trPP
            default:
                adjustment = (rss * n / (n - 1) - n) / w1
            }
            if adjustment.isNaN { adjustment = 0 }
            while tau2 + adjustment < 0 { adjustment /= 2 }
            tau2 += adjustment
            change = abs(old - tau2)
            if iterations > TauSquaredControl.maxIterations { return nil }
        }
        if method != .empiricalBayes && tau2 > TauSquaredControl.threshold {
            let restricted = method == .restrictedMaximumLikelihood
            let (rssT, s) = rss(tau2, log: true)
            let logTwoPi = Double.log(2 * Double.pi)
            let dimension = restricted ? n - 1 : n
            let ll0 =
                -0.5 * dimension * logTwoPi - 0.5 * st.sumLogV - 0.5 * st.q
                - (restricted ? 0.5 * Double.log(st.s1) : 0)
            let ll =
                -0.5 * dimension * logTwoPi - 0.5 * s.sumLog - 0.5 * rssT
                - (restricted ? 0.5 * Double.log(s.w1) : 0)
            if ll0 - ll > TauSquaredControl.rootTolerance { tau2 = 0 }
        }
        return max(0, tau2)
    }
}
