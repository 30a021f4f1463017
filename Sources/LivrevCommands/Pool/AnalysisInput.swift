import LivrevAnalysis
import LivrevStore
import MetaAnalysis
import RiskOfBias

// The one place where registry rows become the analysis library's values.

extension AnalysisRow {
    init(_ row: OutcomeRow) {
        let data: RowData =
            switch row.data {
            case .dichotomous(let et, let nt, let ec, let nc):
                .twoByTwo(treatment: ArmCounts(events: et, total: nt), control: ArmCounts(events: ec, total: nc))
            case .singleArm(let events, let n): .singleArm(ArmCounts(events: events, total: n))
            case .ratio(let measure, let estimate, let lower, let upper):
                .ratio(scale: measure, estimate: estimate, lower: lower, upper: upper)
            case .effect(let yi, let sei): .effect(yi: yi, sei: sei)
            }
        self.init(study: row.study, label: row.label, eventName: row.eventName, year: row.year, data: data)
    }
}

extension AnalysisOutcome {
    /// The outcome with its default measure ("GEN" in the registry: generic effects, no measure).
    init(_ outcome: Outcome) {
        self.init(name: outcome.name, measure: Measure(rawValue: outcome.measure))
    }
}

extension Pool {
    /// Each outcome (or the one named) with its current rows as of `revision`, as the analysis takes them.
    static func analysisInput(_ registry: Registry, outcome name: String?, at revision: Int64) throws
        -> [(AnalysisOutcome, [AnalysisRow])]
    {
        try rowsByOutcome(registry, outcome: name, at: revision).map { (AnalysisOutcome($0), $1.map(AnalysisRow.init)) }
    }

    /// The studies' final risk of bias under each tool, for `exclusion`'s domain.
    static func riskOfBias(_ registry: Registry, for exclusion: RiskOfBiasExclusion, at revision: Int64) throws
        -> [StudyRiskOfBias]
    {
        var assessments: [StudyRiskOfBias] = []
        for tool in RiskOfBiasTool.allCases {
            let domain = exclusion.domain.flatMap(tool.domain)
            for summary in try registry.riskOfBiasSummaries(tool: tool, at: revision) {
                assessments.append(
                    StudyRiskOfBias(
                        study: summary.study, tool: tool, overall: summary.overall,
                        domain: domain.map { ($0, summary.domains[$0]) }))
            }
        }
        return assessments
    }
}

extension SequentialPlan {
    /// The plan `outcome plan` recorded.
    init(_ stored: StoredAnalysisPlan, futility: Bool = false) {
        self.init(
            controlRisk: stored.controlRisk.map { .fixed($0) } ?? .pooled,
            relativeRiskReduction: stored.relativeRiskReduction, alpha: stored.alpha, power: stored.power,
            adjustment: Adjustment(rawValue: stored.adjustment) ?? .d2, futility: futility)
    }
}
