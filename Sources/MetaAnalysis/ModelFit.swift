import RealModule

/// How the fixed-effect coefficients are tested and their intervals built (`test` in `metafor::rma`).
public enum WaldTest: String, CaseIterable, Sendable {
    /// Wald z tests and normal-based intervals.
    case z
    /// Knapp–Hartung: variances scaled by s² = Σwᵢeᵢ²/(k − p), t (or F) on k − p df.
    case knappHartung = "knha"
}

/// The full `rma.uni` fit of a (meta-regression) model, shared by the public result types.
struct ModelFit {
    var k: Int
    var p: Int
    var method: TauSquaredMethod
    var test: WaldTest
    var level: Double
    var beta: [Double]
    /// Var(β̂), already scaled by s² under Knapp–Hartung.
    var covariance: SymmetricMatrix
    var se: [Double]
    var statistic: [Double]
    var pValues: [Double]
    var ciLower: [Double]
    var ciUpper: [Double]
    /// Degrees of freedom of t tests (k − p), nil for z.
    var df: Int?
    var criticalValue: Double
    var tau2: Double
    var q: Double
    var qP: Double
    var i2: Double
    var h2: Double
    /// The Knapp–Hartung scale factor s² (1 for z tests).
    var s2w: Double
    /// Model weights 1/(vᵢ + τ²).
    var weights: [Double]
    var qm: Double
    var qmDF: Int
    var qmP: Double

    /// Fits the model; mirrors `metafor:::rma.uni` step by step.
    init(
        y: [Double], v: [Double], design x: DesignMatrix, method: TauSquaredMethod,
        test requestedTest: WaldTest, level: Double = 0.95, fixedTau2: Double? = nil
    ) throws {
        let k = x.rows, p = x.columns
        guard k >= 1 else { throw MetaAnalysisError.tooFewStudies(k: k, needed: 1) }
        guard k >= p else { throw MetaAnalysisError.tooFewStudies(k: k, needed: p) }
        for i in 0..<k {
            guard v[i].isFinite, v[i] >= 0 else { throw MetaAnalysisError.nonPositiveVariance(row: i + 1) }
            guard y[i].isFinite else { throw MetaAnalysisError.invalidInput(row: i + 1, reason: "effect size is not finite") }
        }
        // A sampling variance of 0 (a double-zero risk difference without correction) is kept, as
        // rma.uni keeps it: the estimators that divide by vᵢ refuse, the others fit while τ² > 0,
        // and Q, I² and H² are undefined.
        let allPositive = v.allSatisfy { $0 > 0 }
        if !allPositive, [.derSimonianLaird, .pauleMandel].contains(method), fixedTau2 == nil {
            throw MetaAnalysisError.nonPositiveVariances(estimator: method.rawValue)
        }
        let test: WaldTest = k == 1 ? .z : requestedTest
        let tau2 = try fixedTau2 ?? estimateTauSquared(y: y, v: v, design: x, method: method)
        if !allPositive, tau2 <= 0 { throw MetaAnalysisError.zeroVarianceWithoutHeterogeneity }
        guard let fit = WeightedFit(y: y, weights: v.map { 1 / ($0 + tau2) }, design: x) else {
            throw MetaAnalysisError.singularDesign(columns: p)
        }
        let s2w = Heterogeneity.knappHartungFactor(rss: fit.rss, df: k - p, test: test)
        var covariance = fit.covariance
        covariance.values = covariance.values.map { $0 * s2w }
        self.k = k
        self.p = p
        self.method = method
        self.test = test
        self.level = level
        self.beta = fit.beta
        self.covariance = covariance
        self.tau2 = tau2
        self.s2w = s2w
        self.weights = fit.weights
        let beta = fit.beta
        let se = (0..<p).map { covariance[$0, $0].squareRoot() }
        let statistic = zip(beta, se).map { $0 / $1 }
        self.se = se
        self.statistic = statistic
        let alpha = 1 - level
        let crit: Double
        if test == .knappHartung {
            let ddf = k - p
            df = ddf
            crit = ddf > 0 ? StudentT.quantile(1 - alpha / 2, df: Double(ddf)) : .nan
            pValues = statistic.map { ddf > 0 ? StudentT.twoSidedP($0, df: Double(ddf)) : .nan }
        } else {
            df = nil
            crit = Normal.quantile(1 - alpha / 2)
            pValues = statistic.map { Normal.twoSidedP($0) }
        }
        criticalValue = crit
        ciLower = zip(beta, se).map { $0 - crit * $1 }
        ciUpper = zip(beta, se).map { $0 + crit * $1 }

        // Omnibus test of the moderators (all but the intercept; the intercept alone if p = 1).
        let btt = p > 1 ? Array(1..<p) : [0]
        let sub = covariance.sub(btt)
        let b = btt.map { beta[$0] }
        var quadratic = Double.nan
        if let inverse = sub.inverse() { quadratic = inverse.inverse.bilinear(b, b) }
        qmDF = btt.count
        if test == .knappHartung {
            qm = quadratic / Double(btt.count)
            qmP = k - p > 0 ? FisherF.upperTail(qm, d1: Double(btt.count), d2: Double(k - p)) : .nan
        } else {
            qm = quadratic
            qmP = ChiSquared.upperTail(qm, df: Double(btt.count))
        }

        // Heterogeneity: Q from the fixed-effects fit (undefined with a sampling variance of 0).
        if !allPositive {
            q = .nan; qP = .nan; i2 = .nan; h2 = .nan
        } else if k > p {
            guard let fixedFit = WeightedFit(y: y, weights: v.map { 1 / $0 }, design: x) else {
                throw MetaAnalysisError.singularDesign(columns: p)
            }
            let heterogeneity = Heterogeneity(
                q: fixedFit.rss, df: k - p, traceP: fixedFit.traceP(x), tau2: tau2, method: method)
            (q, i2, h2) = (heterogeneity.q, heterogeneity.i2, heterogeneity.h2)
            qP = ChiSquared.upperTail(q, df: Double(k - p))
        } else {
            q = 0; qP = 1; i2 = 0; h2 = 1
        }
    }
}
