import RiskOfBias

/// Risk-of-bias judgements of a set of studies, for the traffic-light and summary figures.
///
/// One row per study key, one judgement per domain in `domains` order (`.noInformation` for a
/// judgement not made), an optional overall judgement and an optional weight (the study's
/// weight in an analysis, which the summary bars then use instead of study counts).
///
/// Source: McGuinness LA, Higgins JPT (2021). robvis. Res Syn Meth 12:55–61. doi:10.1002/jrsm.1411
public struct RiskOfBiasTable: Sendable {
    public var title: String
    public var tool: RiskOfBiasTool
    public var domains: [String]
    public var studies: [RiskOfBiasStudy]

    /// `domains` defaults to the tool's standard domains.
    public init(title: String, tool: RiskOfBiasTool, domains: [String]? = nil, studies: [RiskOfBiasStudy]) {
        self.title = title
        self.tool = tool
        self.domains = domains ?? tool.domains.map(\.heading)
        self.studies = studies
    }

    /// Whether any study has an overall judgement (then an "Overall" column and bar are drawn).
    public var hasOverall: Bool { studies.contains { $0.overall != nil } }

    /// Whether every study has a weight, so that the summary is weighted.
    public var isWeighted: Bool { !studies.isEmpty && studies.allSatisfy { $0.weight != nil } }

    /// The judgement of `study` in domain `index`, `.noInformation` when missing.
    func judgement(_ study: RiskOfBiasStudy, _ index: Int) -> RiskOfBiasJudgement {
        index < study.judgements.count ? study.judgements[index] : .noInformation
    }

    /// Share (0–1) of studies, or of weight, at each level for one domain (`nil` = overall).
    public func proportions(domain index: Int?) -> [(RiskOfBiasJudgement, Double)] {
        var totals: [RiskOfBiasJudgement: Double] = [:]
        var sum = 0.0
        for study in studies {
            let level = index.map { judgement(study, $0) } ?? (study.overall ?? .noInformation)
            let weight = isWeighted ? max(study.weight ?? 0, 0) : 1
            totals[level, default: 0] += weight
            sum += weight
        }
        let order = tool.judgements + [.noInformation]
        return order.compactMap { level in
            guard let value = totals[level], value > 0, sum > 0 else { return nil }
            return (level, value / sum)
        }
    }

    /// Levels that appear in the table but are not among the tool's usual three (e.g. no information).
    var extraLevels: [RiskOfBiasJudgement] {
        let used = Set(studies.flatMap { $0.judgements + ($0.overall.map { [$0] } ?? []) })
        return RiskOfBiasJudgement.allCases.filter { used.contains($0) && !tool.judgements.contains($0) }
    }
}

/// One study's risk-of-bias judgements.
public struct RiskOfBiasStudy: Sendable {
    public var key: String
    public var judgements: [RiskOfBiasJudgement]
    public var overall: RiskOfBiasJudgement?
    public var weight: Double?
    public init(key: String, judgements: [RiskOfBiasJudgement], overall: RiskOfBiasJudgement? = nil, weight: Double? = nil) {
        self.key = key
        self.judgements = judgements
        self.overall = overall
        self.weight = weight
    }
}
