import RealModule

/// Peto's one-step pooled log odds ratio for 2×2 tables, as `metafor::rma.peto()`.
///
/// With xᵢ = aᵢ + cᵢ events and yᵢ = bᵢ + dᵢ non-events among Nᵢ = n₁ᵢ + n₂ᵢ, the observed minus
/// expected events in group 1 and their hypergeometric variance are
///
///     Oᵢ − Eᵢ = aᵢ − xᵢn₁ᵢ/Nᵢ,   Vᵢ = xᵢyᵢ(n₁ᵢ/Nᵢ)(n₂ᵢ/Nᵢ)/(Nᵢ − 1),
///
/// and the pooled log odds ratio is θ̂ = Σ(Oᵢ − Eᵢ)/ΣVᵢ with SE 1/√ΣVᵢ, on the raw counts.
/// The heterogeneity statistic is Q = Σ(Oᵢ − Eᵢ)²/Vᵢ − [Σ(Oᵢ − Eᵢ)]²/ΣVᵢ over tables with Vᵢ > 0,
/// on k_yi − 1 df, where k_yi counts the tables that have a per-table Peto estimate (tables
/// without events, or with only events, in both groups are dropped, `drop00 = TRUE`).
///
/// Source: Yusuf S, Peto R, Lewis J, Collins R, Sleight P (1985). Beta blockade during and after
/// myocardial infarction. Prog Cardiovasc Dis 27(5):335–371. doi:10.1016/S0033-0620(85)80003-7;
/// `metafor::rma.peto()`.
public struct PetoOddsRatio: Sendable, Equatable {
    /// Number of tables (`k`).
    public let k: Int
    /// Tables with a per-table estimate, the basis of Q's df (`k.yi`).
    public let kYi: Int
    /// Pooled log odds ratio (`beta`).
    public let estimate: Double
    /// Standard error 1/√ΣVᵢ (`se`).
    public let standardError: Double
    /// Wald statistic estimate / SE (`zval`).
    public let z: Double
    /// Two-sided p-value of `z`.
    public let pValue: Double
    /// Lower confidence limit of the log odds ratio (`ci.lb`).
    public let ciLower: Double
    /// Upper confidence limit of the log odds ratio (`ci.ub`).
    public let ciUpper: Double
    /// Cochran-type heterogeneity statistic (`QE`).
    public let q: Double
    /// Upper-tail χ² p-value of Q on k_yi − 1 df, 1 with fewer than two informative tables.
    public let qPValue: Double
    /// I² in percent.
    public let i2: Double
    /// H² = Q / (k_yi − 1).
    public let h2: Double

    /// Pools `ai` events of `n1i` (group 1) against `ci` of `n2i` (group 2) per table.
    ///
    /// Throws when no table has both events and non-events (ΣVᵢ = 0), as `rma.peto()` stops.
    public init(ai: [Double], n1i: [Double], ci: [Double], n2i: [Double], level: Double = 0.95) throws(MetaAnalysisError) {
        let t = try MantelHaenszel.Tables(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
        var observedMinusExpected: [Double] = [], variance: [Double] = []
        var sumOE = 0.0, sumV = 0.0
        for i in 0..<t.k {
            let xt = t.a[i] + t.c[i], yt = t.b[i] + t.d[i]
            let ei = xt * t.n1[i] / t.n[i]
            let vi = xt * yt * (t.n1[i] / t.n[i]) * (t.n2[i] / t.n[i]) / (t.n[i] - 1)
            observedMinusExpected.append(t.a[i] - ei)
            variance.append(vi)
            sumOE += t.a[i] - ei
            sumV += vi
        }
        guard sumV != 0 else {
            throw .invalidInput(
                row: 0, reason: "one of the two outcomes never occurred in any table; Peto's method cannot be used")
        }
        k = t.k
        estimate = sumOE / sumV
        standardError = (1 / sumV).squareRoot()
        z = estimate / standardError
        pValue = Normal.twoSidedP(z)
        let crit = -Normal.quantile((1 - level) / 2)
        ciLower = estimate - crit * standardError
        ciUpper = estimate + crit * standardError

        var kPos = 0, weighted = 0.0, sumPositiveV = 0.0
        for i in 0..<t.k where variance[i] > 0 {
            kPos += 1
            weighted += observedMinusExpected[i] * observedMinusExpected[i] / variance[i]
            sumPositiveV += variance[i]
        }
        let qe = max(0, weighted - sumOE * sumOE / sumPositiveV)
        q = qe
        kYi = Self.tablesWithEstimate(t)
        if kPos > 1 {
            let df = Double(kYi - 1)
            qPValue = ChiSquared.upperTail(qe, df: df)
            i2 = max(0, 100 * (qe - df) / qe)
            h2 = qe / df
        } else {
            qPValue = 1
            i2 = 0
            h2 = 1
        }
    }

    /// Tables whose `escalc("PETO", add = 1/2, to = "only0", drop00 = TRUE)` estimate is defined.
    private static func tablesWithEstimate(_ t: MantelHaenszel.Tables) -> Int {
        var count = 0
        for i in 0..<t.k {
            guard
                let (ai, bi, ci, di) = EffectSize.cells(
                    eventsTreatment: t.a[i], nTreatment: t.n1[i], eventsControl: t.c[i], nControl: t.n2[i],
                    correction: .dropDoubleZero)
            else { continue }
            let n1 = ai + bi, n2 = ci + di, n = n1 + n2
            let vi = (ai + ci) * (bi + di) * (n1 / n) * (n2 / n) / (n - 1)
            let yi = (ai - (ai + ci) * n1 / n) / vi
            if yi.isFinite && (1 / vi).isFinite { count += 1 }
        }
        return count
    }
}
