import RiskOfBias

/// The input of a forest plot: studies, optional subgroups, pooled estimates and their statistics.
///
/// Every effect is on the natural scale (an odds ratio of 0.8, not its log); `scale` says how the
/// axis is drawn. The CLI maps its statistics results into these plain values, so the renderer
/// does not depend on how they were computed.
///
/// Source: RevMan 5 forest plot conventions; Cochrane Handbook chapter 10 (doi:10.1002/9781119536604).
public struct ForestPlot: Sendable {
    public var title: String
    /// The measure as the column heading shows it, e.g. "Odds ratio".
    public var measure: String
    /// The method line under the measure, e.g. "M-H, Random, 95% CI".
    public var method: String?
    public var scale: EffectScale
    /// The line of no effect; nil draws none and no "Favours" captions (e.g. proportions).
    public var nullValue: Double?
    public var direction: EffectDirection
    public var treatmentName: String
    public var controlName: String
    public var groups: [ForestGroup]
    public var overall: ForestSummary?
    public var subgroupDifferences: ForestSubgroupTest?
    /// Traffic-light columns after the plot; each row's `riskOfBias` follows this order.
    public var riskOfBias: ForestRiskOfBiasColumns?
    /// Fixed axis ends on the natural scale, instead of the automatic choice.
    public var axisLimits: (Double, Double)?

    public init(
        title: String, measure: String, method: String? = nil, scale: EffectScale, nullValue: Double? = nil,
        direction: EffectDirection = .lowerFavoursTreatment, treatmentName: String = "Treatment",
        controlName: String = "Control", groups: [ForestGroup], overall: ForestSummary? = nil,
        subgroupDifferences: ForestSubgroupTest? = nil, riskOfBias: ForestRiskOfBiasColumns? = nil,
        axisLimits: (Double, Double)? = nil
    ) {
        self.title = title
        self.measure = measure
        self.method = method
        self.scale = scale
        self.nullValue = nullValue ?? scale.defaultNull
        self.direction = direction
        self.treatmentName = treatmentName
        self.controlName = controlName
        self.groups = groups
        self.overall = overall
        self.subgroupDifferences = subgroupDifferences
        self.riskOfBias = riskOfBias
        self.axisLimits = axisLimits
    }

    /// A forest without subgroups.
    public init(
        title: String, measure: String, method: String? = nil, scale: EffectScale,
        direction: EffectDirection = .lowerFavoursTreatment, treatmentName: String = "Treatment",
        controlName: String = "Control", rows: [ForestRow], overall: ForestSummary?,
        riskOfBias: ForestRiskOfBiasColumns? = nil
    ) {
        self.init(
            title: title, measure: measure, method: method, scale: scale, direction: direction,
            treatmentName: treatmentName, controlName: controlName,
            groups: [ForestGroup(heading: nil, rows: rows, subtotal: nil)], overall: overall, riskOfBias: riskOfBias)
    }

    /// Removes the line of no effect (e.g. for single proportions).
    public func withoutNullLine() -> ForestPlot {
        var copy = self
        copy.nullValue = nil
        return copy
    }
}

/// Events and participants in one arm.
public struct ForestArm: Sendable {
    public var events: Int
    public var total: Int
    public init(events: Int, total: Int) {
        self.events = events
        self.total = total
    }
}

/// One study (or one comparison of a study) in a forest plot.
public struct ForestRow: Sendable {
    public var study: String
    /// A distinguishing suffix, e.g. "a" for the first of two comparisons of one study.
    public var rowLabel: String?
    public var treatment: ForestArm?
    public var control: ForestArm?
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// Weight in percent of the analysis.
    public var weight: Double?
    /// Judgements per domain, then the overall judgement if the columns include one.
    public var riskOfBias: [RiskOfBiasJudgement]

    public init(
        study: String, rowLabel: String? = nil, treatment: ForestArm? = nil, control: ForestArm? = nil,
        estimate: Double, lower: Double, upper: Double, weight: Double? = nil,
        riskOfBias: [RiskOfBiasJudgement] = []
    ) {
        self.study = study
        self.rowLabel = rowLabel
        self.treatment = treatment
        self.control = control
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.weight = weight
        self.riskOfBias = riskOfBias
    }

    /// The label as printed: "Hare 2009 (a)" when a row label is given.
    public var displayLabel: String { rowLabel.map { "\(study) (\($0))" } ?? study }
}

/// A subgroup: an optional heading, its rows and its subtotal.
public struct ForestGroup: Sendable {
    public var heading: String?
    public var rows: [ForestRow]
    public var subtotal: ForestSummary?
    public init(heading: String?, rows: [ForestRow], subtotal: ForestSummary?) {
        self.heading = heading
        self.rows = rows
        self.subtotal = subtotal
    }
}

/// A pooled estimate (subtotal or total) with its interval, prediction interval and statistics.
public struct ForestSummary: Sendable {
    public var label: String
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var prediction: (lower: Double, upper: Double)?
    public var treatment: ForestArm?
    public var control: ForestArm?
    public var weight: Double?
    public var heterogeneity: ForestHeterogeneity?
    public var test: ForestEffectTest?

    public init(
        label: String = "Total (95% CI)", estimate: Double, lower: Double, upper: Double,
        prediction: (lower: Double, upper: Double)? = nil, treatment: ForestArm? = nil,
        control: ForestArm? = nil, weight: Double? = nil, heterogeneity: ForestHeterogeneity? = nil,
        test: ForestEffectTest? = nil
    ) {
        self.label = label
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.prediction = prediction
        self.treatment = treatment
        self.control = control
        self.weight = weight
        self.heterogeneity = heterogeneity
        self.test = test
    }
}

/// Between-study heterogeneity as printed under a pooled estimate.
public struct ForestHeterogeneity: Sendable {
    public var tau2: Double?
    public var q: Double
    public var df: Int
    public var p: Double
    /// I² in percent.
    public var i2: Double
    public init(tau2: Double?, q: Double, df: Int, p: Double, i2: Double) {
        self.tau2 = tau2
        self.q = q
        self.df = df
        self.p = p
        self.i2 = i2
    }

    /// "Heterogeneity: τ² = 0.38; Q = 46.51, df = 35 (p = 0.092); I² = 24.8%".
    public var text: String {
        let tau = tau2.map { "τ² = \(SVGFormat.fixed($0, decimals: 2)); " } ?? ""
        return "Heterogeneity: \(tau)Q = \(SVGFormat.fixed(q, decimals: 2)), df = \(df) "
            + "(p \(SVGFormat.pValue(p))); I² = \(SVGFormat.percent(i2))"
    }
}

/// The test of a pooled effect: z, or t on `df` degrees of freedom (Knapp–Hartung).
public struct ForestEffectTest: Sendable {
    public var statistic: Double
    public var p: Double
    public var df: Int?
    public init(statistic: Double, p: Double, df: Int? = nil) {
        self.statistic = statistic
        self.p = p
        self.df = df
    }

    /// "Test for overall effect: z = 1.28 (p = 0.201)", or "… t(9) = 1.28 …".
    public var text: String {
        let name = df.map { "t(\($0))" } ?? "z"
        return "Test for overall effect: \(name) = \(SVGFormat.fixed(statistic, decimals: 2)) (p \(SVGFormat.pValue(p)))"
    }
}

/// The test for differences between subgroups.
public struct ForestSubgroupTest: Sendable {
    public var q: Double
    public var df: Int
    public var p: Double
    public var i2: Double
    public init(q: Double, df: Int, p: Double, i2: Double) {
        self.q = q
        self.df = df
        self.p = p
        self.i2 = i2
    }

    /// "Test for subgroup differences: Q = 2.10, df = 1 (p = 0.147); I² = 52.4%".
    public var text: String {
        "Test for subgroup differences: Q = \(SVGFormat.fixed(q, decimals: 2)), df = \(df) "
            + "(p \(SVGFormat.pValue(p))); I² = \(SVGFormat.percent(i2))"
    }
}

/// The risk-of-bias columns of a forest plot: the tool, its domains, and whether an overall column follows.
public struct ForestRiskOfBiasColumns: Sendable {
    public var tool: RiskOfBiasTool
    public var domains: [String]
    public var includesOverall: Bool
    public init(tool: RiskOfBiasTool, domains: [String]? = nil, includesOverall: Bool = true) {
        self.tool = tool
        self.domains = domains ?? tool.domains.map(\.heading)
        self.includesOverall = includesOverall
    }
}
