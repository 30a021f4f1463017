import LivrevReports
import LivrevStore
import RiskOfBias

/// The registry's final risk-of-bias judgements, as figures show them: traffic-light columns of a
/// forest, and the traffic-light table and summary bars of `rob summary`.
struct RiskOfBiasLights {
    let tool: RiskOfBiasTool
    let summaries: [RiskOfBiasSummary]
    /// The studies a table shows, in order: those with judgements, or every study after `including(_:)`.
    private(set) var studies: [String]
    private let byStudy: [String: RiskOfBiasSummary]

    init(tool: RiskOfBiasTool, summaries: [RiskOfBiasSummary]) {
        self.tool = tool
        self.summaries = summaries
        studies = summaries.map(\.study)
        byStudy = Dictionary(summaries.map { ($0.study, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tool with judgements in the registry (RoB 2 before RoB 1 when both have some); nil when none.
    static func load(_ registry: Registry, at revision: Int64, tool: RiskOfBiasTool? = nil) throws
        -> RiskOfBiasLights?
    {
        for candidate in tool.map({ [$0] }) ?? [.rob2, .rob1] {
            let summaries = try registry.riskOfBiasSummaries(tool: candidate, at: revision)
                .filter { !$0.domains.isEmpty || $0.overall != nil }
            if !summaries.isEmpty || tool != nil { return RiskOfBiasLights(tool: candidate, summaries: summaries) }
        }
        return nil
    }

    /// These lights when any of `studies` has a judgement, else nil (no all-blank columns).
    func covering(_ studies: [String]) -> RiskOfBiasLights? {
        studies.contains { byStudy[$0] != nil } ? self : nil
    }

    /// Every study of `order` (the registry's studies), those without judgements as "no information".
    func including(_ order: [String]) -> RiskOfBiasLights {
        let known = Set(order)
        var copy = self
        copy.studies = order + studies.filter { !known.contains($0) }
        return copy
    }

    /// The forest's columns: the tool's domains, then overall.
    var columns: ForestRiskOfBiasColumns { ForestRiskOfBiasColumns(tool: tool, includesOverall: true) }

    /// One study's lights per domain then overall; "no information" where nothing was judged.
    func judgements(of study: String) -> [RiskOfBiasJudgement] {
        let summary = byStudy[study]
        return tool.domainKeys.map { Self.judgement(summary?.domains[$0]) } + [Self.judgement(summary?.overall)]
    }

    /// The traffic-light table; `weights` (study → weight) make the summary bars weighted.
    func table(title: String, weights: [String: Double]? = nil) -> RiskOfBiasTable {
        RiskOfBiasTable(
            title: title, tool: tool,
            studies: studies.map { study in
                let summary = byStudy[study]
                return RiskOfBiasStudy(
                    key: study, judgements: tool.domainKeys.map { Self.judgement(summary?.domains[$0]) },
                    overall: Self.judgement(summary?.overall), weight: weights.map { $0[study] ?? 0 })
            })
    }

    static func judgement(_ level: RiskOfBiasLevel?) -> RiskOfBiasJudgement {
        level.map(RiskOfBiasJudgement.init) ?? .noInformation
    }
}
