import RealModule

/// The fit of the model without one study, reduced to what the diagnostics need.
struct DeletionFit {
    var estimate: Double
    /// Var(μ̂₋ᵢ) including the Knapp–Hartung factor.
    var variance: Double
    var s2w: Double
    var tau2: Double
    /// 1/Σ over all k studies of 1/(vⱼ + τ²₋ᵢ) (metafor's `vb.del`, for DFBETAS).
    var varianceAllRows: Double
    var summary: LeaveOneOut

    /// Exact refit without study `i` (any estimator; O(k) per deletion).
    static func refit(
        y: [Double], v: [Double], deleting i: Int, method: TauSquaredMethod, test: WaldTest,
        level: Double
    ) throws -> DeletionFit {
        var yd = y, vd = v
        yd.remove(at: i)
        vd.remove(at: i)
        let m = try ModelFit(y: yd, v: vd, design: .intercept(yd.count), method: method, test: test, level: level)
        let all = v.reduce(0) { $0 + 1 / ($1 + m.tau2) }
        return DeletionFit(
            estimate: m.beta[0], variance: m.covariance[0, 0], s2w: m.s2w, tau2: m.tau2, varianceAllRows: 1 / all,
            summary: LeaveOneOut(
                estimate: m.beta[0], se: m.se[0], statistic: m.statistic[0], p: m.pValues[0],
                ciLower: m.ciLower[0], ciUpper: m.ciUpper[0], q: m.q, qDF: m.k - 1, tau2: m.tau2,
                i2: m.i2, h2: m.h2))
    }

    /// Assembles a deletion from its sufficient statistics, following `rma.uni` for k − 1 studies.
    ///
    /// `sumW`, `meanOffset`, `rss`: Σw, Σw(y − c)/Σw and Σw(y − μ̂)² over the remaining studies with
    /// weights 1/(vⱼ + τ²); `q`, `traceP`: Q and tr(P) of the fixed-effect fit.
    static func assemble(
        k: Int, center: Double, sumW: Double, meanOffset: Double, rss: Double, q: Double,
        traceP: Double, tau2: Double, sumWAllRows: Double, method: TauSquaredMethod,
        test requested: WaldTest, critical: (z: Double, t: Double)
    ) -> DeletionFit {
        let test: WaldTest = k == 1 ? .z : requested
        let s2w = Heterogeneity.knappHartungFactor(rss: rss, df: k - 1, test: test)
        let estimate = center + meanOffset
        let variance = s2w / sumW
        let se = variance.squareRoot()
        let statistic = estimate / se
        let p: Double, crit: Double
        if test == .knappHartung {
            p = StudentT.twoSidedP(statistic, df: Double(k - 1))
            crit = critical.t
        } else {
            p = Normal.twoSidedP(statistic)
            crit = critical.z
        }
        let heterogeneity = Heterogeneity(q: q, df: k - 1, traceP: traceP, tau2: tau2, method: method)
        return DeletionFit(
            estimate: estimate, variance: variance, s2w: s2w, tau2: tau2, varianceAllRows: 1 / sumWAllRows,
            summary: LeaveOneOut(
                estimate: estimate, se: se, statistic: statistic, p: p,
                ciLower: estimate - crit * se, ciUpper: estimate + crit * se,
                q: heterogeneity.q, qDF: k - 1, tau2: tau2, i2: heterogeneity.i2, h2: heterogeneity.h2))
    }
}
