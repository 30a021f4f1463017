/// Mixed-effects meta-regression: effect sizes regressed on study-level moderators (`rma(yi, vi, mods)`).
///
/// Weighted least squares with weights 1/(vᵢ + τ²), τ² estimated on the residuals by the
/// chosen method, coefficient tests (z, or t on k − p df with the Knapp–Hartung factor), the
/// omnibus QM test of all non-intercept coefficients (χ² on m df, or F on (m, k − p) with
/// Knapp–Hartung) and the residual heterogeneity test QE.
///
/// Source: `metafor::rma.uni`; Thompson SG, Higgins JPT (2002) doi:10.1002/sim.1187;
/// Knapp G, Hartung J (2003) doi:10.1002/sim.1482.
public enum MetaRegression {
    /// Fits `yi ~ moderators` (one array of moderator values per study; an intercept column is
    /// prepended when `intercept` is true).
    ///
    /// - Throws: `.dimensionMismatch` when rows and effects differ in number or rows differ in
    ///   length, `.singularDesign` for collinear moderators, `.tooFewStudies` when k < p,
    ///   plus everything `Pooling.fit` throws.
    public static func fit(
        _ effects: [EffectSize], moderators: [[Double]], intercept: Bool = true,
        method: TauSquaredMethod = .restrictedMaximumLikelihood, test: WaldTest = .z,
        level: Double = 0.95
    ) throws -> MetaRegressionResult {
        guard moderators.count == effects.count else {
            throw MetaAnalysisError.dimensionMismatch(expected: effects.count, got: moderators.count)
        }
        let width = moderators.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(effects.count * (width + 1))
        for row in moderators {
            guard row.count == width else { throw MetaAnalysisError.dimensionMismatch(expected: width, got: row.count) }
            if intercept { values.append(1) }
            values.append(contentsOf: row)
        }
        let design = DesignMatrix(rows: effects.count, columns: width + (intercept ? 1 : 0), values: values)
        guard design.columns > 0 else { throw MetaAnalysisError.singularDesign(columns: 0) }
        let model = try ModelFit(
            y: effects.map(\.yi), v: effects.map(\.vi), design: design,
            method: method, test: test, level: level)
        return MetaRegressionResult(model)
    }

    /// A subgroup analysis as meta-regression on a categorical moderator (`mods = ~ factor(group)`).
    ///
    /// Levels are sorted as R sorts factor levels (here: by `String` order); the first is the
    /// reference. `qm`/`qmP` is the test for subgroup differences.
    public static func fit(
        _ effects: [EffectSize], groups: [String],
        method: TauSquaredMethod = .restrictedMaximumLikelihood, test: WaldTest = .z,
        level: Double = 0.95
    ) throws -> MetaRegressionResult {
        let levels = Array(Set(groups)).sorted()
        let rows = groups.map { g in levels.dropFirst().map { $0 == g ? 1.0 : 0.0 } }
        return try fit(effects, moderators: rows, intercept: true, method: method, test: test, level: level)
    }
}

/// One coefficient of a meta-regression with its test and confidence interval.
public struct Coefficient: Equatable, Sendable {
    public var estimate: Double
    public var se: Double
    /// z, or t under Knapp–Hartung.
    public var statistic: Double
    public var p: Double
    public var ciLower: Double
    public var ciUpper: Double
}

/// The result of `MetaRegression.fit`.
public struct MetaRegressionResult: Equatable, Sendable {
    public var k: Int
    /// Number of coefficients (columns of the design, intercept included).
    public var p: Int
    public var method: TauSquaredMethod
    public var test: WaldTest
    public var coefficients: [Coefficient]
    /// Residual between-study variance.
    public var tau2: Double
    /// Residual heterogeneity QE on k − p df and its p-value.
    public var q: Double
    public var qDF: Int
    public var qP: Double
    /// Omnibus test of the non-intercept coefficients: χ² (z) or F (Knapp–Hartung) statistic.
    public var qm: Double
    /// Numerator degrees of freedom m of QM.
    public var qmDF: Int
    /// Denominator degrees of freedom k − p of the F test, nil for χ².
    public var qmDenominatorDF: Int?
    public var qmP: Double
    /// Residual I² (percent) and H².
    public var i2: Double
    public var h2: Double

    init(_ m: ModelFit) {
        k = m.k
        p = m.p
        method = m.method
        test = m.test
        coefficients = (0..<m.p).map {
            Coefficient(
                estimate: m.beta[$0], se: m.se[$0], statistic: m.statistic[$0], p: m.pValues[$0],
                ciLower: m.ciLower[$0], ciUpper: m.ciUpper[$0])
        }
        tau2 = m.tau2
        q = m.q
        qDF = m.k - m.p
        qP = m.qP
        qm = m.qm
        qmDF = m.qmDF
        qmDenominatorDF = m.test == .knappHartung ? m.k - m.p : nil
        qmP = m.qmP
        i2 = m.i2
        h2 = m.h2
    }
}
