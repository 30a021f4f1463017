import RealModule

/// The Mantel–Haenszel fixed-effect meta-analysis of 2×2 tables, as `metafor::rma.mh()`.
///
/// Each table has aᵢ events among n₁ᵢ in group 1 (treatment) and cᵢ among n₂ᵢ in group 2, so
/// bᵢ = n₁ᵢ − aᵢ, dᵢ = n₂ᵢ − cᵢ and Nᵢ = n₁ᵢ + n₂ᵢ. The pooled estimates use the raw counts
/// (no continuity correction, `add = c(1/2, 0)`):
///
///     OR: ψ = Σ(aᵢdᵢ/Nᵢ) / Σ(bᵢcᵢ/Nᵢ), Var(log ψ) by Robins, Breslow and Greenland (1986);
///     RR: ψ = Σ(aᵢn₂ᵢ/Nᵢ) / Σ(cᵢn₁ᵢ/Nᵢ), Var(log ψ) by Greenland and Robins (1985);
///     RD: δ = Σ(aᵢn₂ᵢ − cᵢn₁ᵢ)/Nᵢ / Σ(n₁ᵢn₂ᵢ/Nᵢ), Var(δ) by Sato, Greenland and Robins (1989).
///
/// Cochran's Q uses the per-table estimates yᵢ, vᵢ of `escalc()` with 1/2 added to every cell
/// of a table with a zero cell and tables with no events (or only events) in both groups left
/// out (`to = "only0"`, `drop00 = TRUE`): Q = Σ(yᵢ − θ̂)²/vᵢ on k_yi − 1 df, I² = max(0, (Q − df)/Q),
/// H² = Q/df. For the odds ratio it also gives Cochran's and the Cochran–Mantel–Haenszel tests
/// (with continuity correction by default, `correct = TRUE`) and the Breslow–Day test with
/// Tarone's correction.
///
/// Source: Mantel N, Haenszel W (1959) doi:10.1093/jnci/22.4.719; Robins J, Breslow N,
/// Greenland S (1986) doi:10.2307/2531173; Greenland S, Robins JM (1985) doi:10.2307/2530872;
/// Sato T, Greenland S, Robins JM (1989) doi:10.2307/2531791; Tarone RE (1985)
/// doi:10.1093/biomet/72.1.91; `metafor::rma.mh()`.
public struct MantelHaenszel: Sendable, Equatable {
    /// A χ² test statistic with its degrees of freedom and upper-tail p-value.
    public struct ChiSquareTest: Sendable, Equatable {
        /// The χ² statistic.
        public let statistic: Double
        /// Its degrees of freedom.
        public let df: Int
        /// nil when df < 1 (R gives NA).
        public let pValue: Double?
    }

    /// The effect measure pooled.
    public let measure: Measure
    /// Number of tables (`k`).
    public let k: Int
    /// Number of tables with a defined per-table estimate, used for Q (`k.yi`).
    public let kYi: Int
    /// Pooled log OR, log RR or RD (`beta`); nil when undefined (no events in one margin).
    public let estimate: Double?
    /// Standard error of `estimate` (`se`).
    public let standardError: Double?
    /// Wald statistic estimate / SE (`zval`).
    public let z: Double?
    /// Two-sided p-value of `z`.
    public let pValue: Double?
    /// Lower confidence limit on the estimate's scale (`ci.lb`).
    public let ciLower: Double?
    /// Upper confidence limit on the estimate's scale (`ci.ub`).
    public let ciUpper: Double?
    /// Cochran's Q (`QE`); nil when the estimate is undefined.
    public let q: Double?
    /// Upper-tail χ² p-value of Q on k_yi − 1 df (`QEp`).
    public let qPValue: Double?
    /// I² in percent.
    public let i2: Double?
    /// H² = Q / (k_yi − 1).
    public let h2: Double?
    /// OR only: Cochran's test (`CO`, variance with Nᵢ).
    public let cochran: ChiSquareTest?
    /// OR only: the Cochran–Mantel–Haenszel test (`MH`, variance with Nᵢ − 1).
    public let cochranMantelHaenszel: ChiSquareTest?
    /// OR only: the Breslow–Day test of homogeneity (`BD`) on the `k.pos` informative tables.
    public let breslowDay: ChiSquareTest?
    /// OR only: the Breslow–Day test with Tarone's correction (`TA`).
    public let tarone: ChiSquareTest?

    /// Pools `ai` events of `n1i` (group 1) against `ci` of `n2i` (group 2) per table.
    ///
    /// `level` is the confidence level (0.95); `correct` applies the continuity correction to
    /// the Cochran and CMH tests, as `rma.mh(correct = TRUE)`.
    public init(
        ai: [Double], n1i: [Double], ci: [Double], n2i: [Double],
        measure: Measure = .OR, level: Double = 0.95, correct: Bool = true
    ) throws(MetaAnalysisError) {
        guard [.OR, .RR, .RD].contains(measure) else {
            throw .invalidInput(row: 0, reason: "Mantel–Haenszel pools 2×2 tables as OR, RR or RD, not \(measure.rawValue)")
        }
        let t = try Tables(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
        self.measure = measure
        k = t.k
        var pooled: Double?
        var se: Double?
        var co: ChiSquareTest?, cmh: ChiSquareTest?, bd: ChiSquareTest?, ta: ChiSquareTest?
        switch measure {
        case .OR:
            var r = 0.0, s = 0.0, pr = 0.0, psqr = 0.0, qs = 0.0
            for i in 0..<t.k {
                let pi = t.a[i] / t.n[i] + t.d[i] / t.n[i], qi = t.b[i] / t.n[i] + t.c[i] / t.n[i]
                let ri = (t.a[i] / t.n[i]) * t.d[i], si = (t.b[i] / t.n[i]) * t.c[i]
                r += ri; s += si
                pr += pi * ri; psqr += pi * si + qi * ri; qs += qi * si
            }
            if r != 0 && s != 0 {
                pooled = Double.log(r / s)
                se = (0.5 * (pr / (r * r) + psqr / (r * s) + qs / (s * s))).squareRoot()
            }
            (co, cmh) = Self.cochranTests(t, correct: correct)
            if pooled != nil { (bd, ta) = Self.breslowDay(t, oddsRatio: r / s) }
        case .RR:
            var r = 0.0, s = 0.0, num = 0.0, sumA = 0.0, sumC = 0.0
            for i in 0..<t.k {
                r += t.a[i] * (t.n2[i] / t.n[i])
                s += t.c[i] * (t.n1[i] / t.n[i])
                num += (t.n1[i] / t.n[i]) * (t.n2[i] / t.n[i]) * (t.a[i] + t.c[i]) - (t.a[i] / t.n[i]) * t.c[i]
                sumA += t.a[i]; sumC += t.c[i]
            }
            if sumA != 0 && sumC != 0 {
                pooled = Double.log(r / s)
                se = (num / (r * s)).squareRoot()
            }
        case .RD, .PLO, .PFT:  // PLO and PFT were refused above
            var num = 0.0, den = 0.0, bracket = 0.0, rest = 0.0
            for i in 0..<t.k {
                let p1 = t.n1[i] / t.n[i], p2 = t.n2[i] / t.n[i]
                num += t.a[i] * p2 - t.c[i] * p1
                den += t.n1[i] * p2
                bracket += t.c[i] * p1 * p1 - t.a[i] * p2 * p2 + p1 * p2 * (t.n2[i] - t.n1[i]) / 2
                rest += t.a[i] * (t.n2[i] - t.c[i]) / t.n[i] + t.c[i] * (t.n1[i] - t.a[i]) / t.n[i]
            }
            let delta = num / den
            pooled = delta
            se = ((delta * bracket + rest / 2) / (den * den)).squareRoot()
        }
        estimate = pooled
        standardError = se
        cochran = co
        cochranMantelHaenszel = cmh
        breslowDay = bd
        tarone = ta
        if let pooled, let se {
            let crit = -Normal.quantile((1 - level) / 2)
            z = pooled / se
            pValue = Normal.twoSidedP(pooled / se)
            ciLower = pooled - crit * se
            ciUpper = pooled + crit * se
        } else {
            z = nil; pValue = nil; ciLower = nil; ciUpper = nil
        }

        let (yi, vi) = t.escalc(measure)
        kYi = yi.count
        if kYi <= 1 {
            q = 0; qPValue = 1; i2 = 0; h2 = 1
        } else if let pooled {
            var sum = 0.0
            for i in yi.indices { sum += (yi[i] - pooled) * (yi[i] - pooled) / vi[i] }
            let qe = max(0, sum), df = Double(kYi - 1)
            q = qe
            qPValue = ChiSquared.upperTail(qe, df: df)
            i2 = max(0, 100 * (qe - df) / qe)
            h2 = qe / df
        } else {
            q = nil; qPValue = nil; i2 = nil; h2 = nil
        }
    }

    /// Cochran's (`CO`) and the Cochran–Mantel–Haenszel (`MH`) statistics on 1 df.
    private static func cochranTests(_ t: Tables, correct: Bool) -> (ChiSquareTest?, ChiSquareTest?) {
        var sumXt = 0.0, sumYt = 0.0, deviation = 0.0, varCO = 0.0, varMH = 0.0
        for i in 0..<t.k {
            let xt = t.a[i] + t.c[i], yt = t.b[i] + t.d[i]
            sumXt += xt; sumYt += yt
            deviation += t.a[i] - (t.n1[i] / t.n[i]) * xt
            let f = (t.n1[i] / t.n[i]) * (t.n2[i] / t.n[i])
            varCO += f * (xt * (yt / t.n[i]))
            varMH += f * (xt * (yt / (t.n[i] - 1)))
        }
        guard sumXt != 0 && sumYt != 0 else { return (nil, nil) }
        let numerator = Double.pow(abs(deviation) - (correct ? 0.5 : 0), 2)
        let co = numerator / varCO, mh = numerator / varMH
        return (
            ChiSquareTest(statistic: co, df: 1, pValue: ChiSquared.upperTail(co, df: 1)),
            ChiSquareTest(statistic: mh, df: 1, pValue: ChiSquared.upperTail(mh, df: 1))
        )
    }

    /// Breslow–Day (`BD`) and Tarone-corrected (`TA`) statistics on k.pos − 1 df.
    ///
    /// N₁₁ᵢ is the expected aᵢ under the common odds ratio ψ, the root of a quadratic:
    /// A = ψ(n₁ᵢ + xᵢ) + (n₂ᵢ − xᵢ), N₁₁ᵢ = (A − √(A² − 4n₁ᵢxᵢψ(ψ − 1))) / (2(ψ − 1)), xᵢ = aᵢ + cᵢ.
    private static func breslowDay(_ t: Tables, oddsRatio psi: Double) -> (ChiSquareTest, ChiSquareTest) {
        var bd = 0.0, deviation = 0.0, weights = 0.0
        var kPos = 0
        for i in 0..<t.k {
            let xt = t.a[i] + t.c[i], yt = t.b[i] + t.d[i]
            let n11: Double
            if psi == 1 {
                n11 = (t.n1[i] / t.n[i]) * xt
            } else {
                let a = psi * (t.n1[i] + xt) + (t.n2[i] - xt)
                let b = (a * a - 4 * t.n1[i] * xt * psi * (psi - 1)).squareRoot()
                n11 = (a - b) / (2 * (psi - 1))
            }
            guard n11 > 0 && xt > 0 && yt > 0 else { continue }
            kPos += 1
            let n12 = t.n1[i] - n11, n21 = xt - n11, n22 = n11 - t.n1[i] - xt + t.n[i]
            let inverse = 1 / n11 + 1 / n12 + 1 / n21 + 1 / n22
            bd += (t.a[i] - n11) * (t.a[i] - n11) / (1 / inverse)
            deviation += t.a[i] - n11
            weights += 1 / inverse
        }
        let breslow = max(0, bd)
        let tarone = max(0, breslow - deviation * deviation / weights)
        let df = kPos - 1
        return (
            ChiSquareTest(statistic: breslow, df: df, pValue: df >= 1 ? ChiSquared.upperTail(breslow, df: Double(df)) : nil),
            ChiSquareTest(statistic: tarone, df: df, pValue: df >= 1 ? ChiSquared.upperTail(tarone, df: Double(df)) : nil)
        )
    }

    /// Validated 2×2 tables with the per-table `escalc()` estimates that Q is built on.
    struct Tables {
        let k: Int
        let a: [Double], b: [Double], c: [Double], d: [Double]
        let n1: [Double], n2: [Double], n: [Double]

        init(ai: [Double], n1i: [Double], ci: [Double], n2i: [Double]) throws(MetaAnalysisError) {
            let k = ai.count
            guard n1i.count == k, ci.count == k, n2i.count == k else {
                throw .invalidInput(row: min(k, n1i.count, ci.count, n2i.count), reason: "ai, n1i, ci and n2i differ in length")
            }
            guard k >= 1 else { throw .tooFewStudies(k: 0, needed: 1) }
            for i in 0..<k {
                let ok = [ai[i], n1i[i], ci[i], n2i[i]].allSatisfy { $0.isFinite && $0 >= 0 }
                guard ok, ai[i] <= n1i[i], ci[i] <= n2i[i], n1i[i] + n2i[i] > 0 else {
                    throw .invalidInput(row: i, reason: "counts must satisfy 0 ≤ ai ≤ n1i and 0 ≤ ci ≤ n2i")
                }
            }
            self.k = k
            a = ai; c = ci; n1 = n1i; n2 = n2i
            b = zip(n1i, ai).map { $0 - $1 }
            d = zip(n2i, ci).map { $0 - $1 }
            n = zip(n1i, n2i).map { $0 + $1 }
        }

        /// `escalc(measure, add = 1/2, to = "only0", drop00 = TRUE)` yi and vi, undefined ones dropped.
        func escalc(_ measure: Measure) -> (yi: [Double], vi: [Double]) {
            var yi: [Double] = [], vi: [Double] = []
            for i in 0..<k {
                guard
                    let effect = EffectSize.twoByTwo(
                        eventsTreatment: a[i], nTreatment: n1[i], eventsControl: c[i], nControl: n2[i], measure: measure,
                        correction: .dropDoubleZero)
                else { continue }
                yi.append(effect.yi)
                vi.append(effect.vi)
            }
            return (yi, vi)
        }
    }
}
