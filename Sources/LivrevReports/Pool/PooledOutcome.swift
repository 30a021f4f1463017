import MetaAnalysis

/// One outcome's meta-analysis as livrev reports it: the pooled result, its diagnostics and
/// every row, on the analysis scale (log OR, log RR, RD, logit or double-arcsine proportion).
public struct PooledOutcome: Sendable {
    /// One analysed row: the study, the numbers it was reported with, and its diagnostics.
    public struct Row: Sendable {
        public var study: String
        public var label: String?
        public var eventName: String?
        /// e.g. "9/34" and "7/19" (treatment, control), or "20/2504" for a single arm.
        public var counts: [String]
        public var yi: Double
        public var vi: Double
        public var weight: Double?
        public var rstudent: Double?
        public var cooksDistance: Double?

        public init(
            study: String, label: String?, eventName: String?, counts: [String], yi: Double, vi: Double,
            weight: Double?, rstudent: Double?, cooksDistance: Double?
        ) {
            self.study = study
            self.label = label
            self.eventName = eventName
            self.counts = counts
            self.yi = yi
            self.vi = vi
            self.weight = weight
            self.rstudent = rstudent
            self.cooksDistance = cooksDistance
        }
    }

    public var outcome: String
    public var snapshot: String?
    /// "OR", "RR", "RD", "PLO", "PFT", or the generic rows' scale ("HR", "GEN").
    public var measure: String
    /// "FE", "DL", "REML", "PM", "ML", "HE", "SJ", "EB", "MH", "PETO".
    public var method: String
    /// "wald" or "hksj".
    public var ciMethod: String
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
    /// Egger's test statistic (`z` also when it is a t, as metafor's `zval`), its p, and the t's
    /// degrees of freedom under Knapp–Hartung.
    public var egger: (z: Double, p: Double, df: Int?)?
    public var begg: (tau: Double, p: Double)?
    public var failSafeN: Double?
    public var outlierThreshold: Double?
    public var rows: [Row]
    /// Rows that gave no effect (e.g. a double-zero table dropped), described for the reader.
    public var dropped: [String]
    /// For single-arm proportions: the back-transformed estimate and CI (proportions).
    public var backTransformed: (estimate: Double, lower: Double, upper: Double)?

    public init(outcome: String, snapshot: String?, measure: String, method: String, ciMethod: String, rows: [Row]) {
        self.outcome = outcome
        self.snapshot = snapshot
        self.measure = measure
        self.method = method
        self.ciMethod = ciMethod
        self.rows = rows
        self.k = rows.count
        self.studies = Set(rows.map(\.study)).count
        self.dropped = []
    }

    public var tau: Double? { tau2.map { $0.squareRoot() } }

    /// The scale's name for the reader: "log OR", "log RR", "RD", "logit proportion", ….
    public var scaleName: String {
        switch measure {
        case "OR": "log OR"
        case "RR": "log RR"
        case "RD": "RD"
        case "PLO": "logit proportion"
        case "PFT": "double-arcsine proportion"
        case "GEN": "effect"
        default: "log \(measure)"
        }
    }

    /// Whether the estimate is shown back on a ratio scale (exp).
    public var isRatio: Bool { !["RD", "PLO", "PFT", "GEN"].contains(measure) }
}
