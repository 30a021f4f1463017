import MetaAnalysis

/// Events among a total: one arm of a trial, or a single-arm study.
public struct ArmCounts: Equatable, Sendable {
    public var events: Int
    public var total: Int

    public init(events: Int, total: Int) {
        self.events = events
        self.total = total
    }
}

/// The numbers of one extracted effect, in the form they were reported.
public enum RowData: Equatable, Sendable {
    /// A 2×2 table, treatment arm first.
    case twoByTwo(treatment: ArmCounts, control: ArmCounts)
    /// A single arm, pooled as a proportion.
    case singleArm(ArmCounts)
    /// A ratio (HR, OR, RR, …) with its 95% CI on the natural scale.
    case ratio(scale: String, estimate: Double, lower: Double, upper: Double)
    /// An effect on the analysis scale with its standard error.
    case effect(yi: Double, sei: Double)

    /// The arms a forest shows: treatment and control, the single arm, or none for generic rows.
    public var arms: [ArmCounts] {
        switch self {
        case .twoByTwo(let treatment, let control): [treatment, control]
        case .singleArm(let arm): [arm]
        case .ratio, .effect: []
        }
    }
}

/// One row of an outcome's data as an analysis takes it.
public struct AnalysisRow: Equatable, Sendable {
    public var study: String
    /// Tells apart several rows of one study (e.g. two doses).
    public var label: String?
    public var eventName: String?
    /// Publication year, for cumulative analysis by year.
    public var year: Int?
    public var data: RowData

    public init(study: String, label: String? = nil, eventName: String? = nil, year: Int? = nil, data: RowData) {
        self.study = study
        self.label = label
        self.eventName = eventName
        self.year = year
        self.data = data
    }

    /// "Hare 2009 (low dose)": the study and its label, as reasons and residual lists name a row.
    public var name: String { study + (label.map { " (\($0))" } ?? "") }
}

/// The outcome an analysis pools: its name and its default measure (nil: generic effects).
public struct AnalysisOutcome: Equatable, Sendable {
    public var name: String
    public var measure: Measure?

    public init(name: String, measure: Measure?) {
        self.name = name
        self.measure = measure
    }
}
