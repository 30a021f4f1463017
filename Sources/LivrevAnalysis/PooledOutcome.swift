import MetaAnalysis

/// One outcome's meta-analysis: the pooled result, its diagnostics and every analysed row, on the
/// analysis scale (log OR, log RR, RD, logit or double-arcsine proportion, or the rows' own).
public struct PooledOutcome: Sendable {
    /// One analysed row: the study, the numbers it was reported with, and its diagnostics.
    public struct Row: Sendable {
        public var study: String
        public var label: String?
        public var eventName: String?
        /// The numbers as reported (arm counts, a ratio with its CI, or an effect with its SE).
        public var data: RowData
        /// The effect and its sampling variance on the analysis scale; NaN where metafor has NA
        /// (a double-zero table's own effect under Mantel–Haenszel or Peto).
        public var yi: Double
        public var vi: Double
        public var weight: Double?
        public var rstudent: Double?
        public var cooksDistance: Double?

        public init(
            study: String, label: String?, eventName: String?, data: RowData, yi: Double, vi: Double,
            weight: Double? = nil, rstudent: Double? = nil, cooksDistance: Double? = nil
        ) {
            self.study = study
            self.label = label
            self.eventName = eventName
            self.data = data
            self.yi = yi
            self.vi = vi
            self.weight = weight
            self.rstudent = rstudent
            self.cooksDistance = cooksDistance
        }

        /// "Hare 2009 (low dose)".
        public var name: String { study + (label.map { " (\($0))" } ?? "") }
    }

    /// A row that is not in the analysis, and why.
    public struct LeftOut: Equatable, Sendable {
        /// The row's name ("Hare 2009 (low dose)"), or the study's for a study-level exclusion.
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// Begg and Mazumdar's rank correlation: Kendall's τ between standardised effects and variances.
    public struct RankCorrelation: Equatable, Sendable {
        public var tau: Double
        public var p: Double
    }

    public var outcome: String
    public var snapshot: String?
    public var measure: EffectMeasure
    public var method: PoolingMethod
    public var ciMethod: CIMethod
    public var k: Int
    public var studies: Int
    public var estimate: Double?
    public var se: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var statistic: Double?
    /// Degrees of freedom of a t statistic (Knapp–Hartung), nil for z.
    public var df: Int?
    public var p: Double?
    public var tau2: Double?
    public var i2: Double?
    public var h2: Double?
    public var q: Double?
    public var qDF: Int?
    public var qP: Double?
    public var piLower: Double?
    public var piUpper: Double?
    /// Egger's regression test (`regtest`, mixed-effects model, the analysis's estimator and test).
    public var egger: Diagnostic<EggerResult>
    public var begg: Diagnostic<RankCorrelation>
    /// Rosenthal's fail-safe N (`fsn`).
    public var failSafeN: Diagnostic<Double>
    /// Studentized residuals and Cook's distances (`influence`), also set on each row.
    public var influence: Diagnostic<InfluenceDiagnostics>
    /// τ²'s 95% Q-profile confidence interval (`confint()`), for random-effects models.
    public var tau2Interval: Diagnostic<Interval>
    /// Under Mantel–Haenszel with odds ratios: the Cochran–Mantel–Haenszel test (`MH`, with
    /// continuity correction) and the Breslow–Day test with Tarone's correction (`TA`), as `rma.mh`.
    public var cochranMantelHaenszel: Diagnostic<MantelHaenszel.ChiSquareTest>
    public var tarone: Diagnostic<MantelHaenszel.ChiSquareTest>
    /// Trim-and-fill (`trimfill()`), when the specification asks for it.
    public var trimAndFill: Diagnostic<TrimAndFillResult>?
    /// The Bonferroni threshold for studentized residuals, for k ≥ 2 inverse-variance models.
    public var outlierThreshold: Double?
    public var rows: [Row]
    /// Rows that gave no effect (e.g. a double-zero table dropped) and studies left out, with why.
    public var leftOut: [LeftOut]
    /// For single-arm proportions: the back-transformed estimate and CI (proportions).
    public var backTransformed: (estimate: Double, lower: Double, upper: Double)?
    /// Rows of the outcome that dual extraction has not consolidated yet (in conflict, or entered by one
    /// extractor only): not in `rows`, not pooled, counted so that the result says what it left out.
    public var pendingRows = 0

    public init(
        outcome: String, snapshot: String?, measure: EffectMeasure, method: PoolingMethod, ciMethod: CIMethod,
        rows: [Row]
    ) {
        self.outcome = outcome
        self.snapshot = snapshot
        self.measure = measure
        self.method = method
        self.ciMethod = ciMethod
        self.rows = rows
        self.k = rows.count
        self.studies = Set(rows.map(\.study)).count
        self.leftOut = []
        let none = DiagnosticReason.noPooledEstimate
        egger = .notComputed(reason: none)
        begg = .notComputed(reason: none)
        failSafeN = .notComputed(reason: none)
        influence = .notComputed(reason: none)
        tau2Interval = .notComputed(reason: none)
        let mantelHaenszelOnly = "computed under Mantel–Haenszel pooling only"
        cochranMantelHaenszel = .notComputed(reason: mantelHaenszelOnly)
        tarone = .notComputed(reason: mantelHaenszelOnly)
    }

    public var tau: Double? { tau2.map { $0.squareRoot() } }

    /// The effects analysed, in row order.
    public var effects: [EffectSize] { rows.map { EffectSize(yi: $0.yi, vi: $0.vi) } }
}
