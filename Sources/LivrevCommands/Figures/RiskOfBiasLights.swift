import LivrevReports
import LivrevStore

/// The registry's final risk-of-bias judgements, as figures show them: traffic-light columns of a
/// forest, and the traffic-light table and summary bars of `rob summary`.
struct RiskOfBiasLights {
    let tool: LivrevStore.RiskOfBiasTool
    let summaries: [RiskOfBiasSummary]
    private let byStudy: [String: RiskOfBiasSummary]

    init(tool: LivrevStore.RiskOfBiasTool, summaries: [RiskOfBiasSummary]) {
        self.tool = tool
        self.summaries = summaries
        byStudy = Dictionary(summaries.map { ($0.study, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tool with judgements in the registry (RoB 2 before RoB 1 when both have some); nil when none.
    static func load(_ registry: Registry, at revision: Int64, tool: LivrevStore.RiskOfBiasTool? = nil) throws -> RiskOfBiasLights? {
        for candidate in tool.map({ [$0] }) ?? [.rob2, .rob1] {
            let summaries = try registry.riskOfBiasSummaries(tool: candidate, at: revision)
                .filter { !$0.domains.isEmpty || $0.overall != nil }
            if !summaries.isEmpty || tool != nil { return RiskOfBiasLights(tool: candidate, summaries: summaries) }
        }
        return nil
    }

    /// The renderer's name for the tool.
    var reportTool: LivrevReports.RiskOfBiasTool { tool == .rob1 ? .rob1 : .rob2 }

    /// The forest's columns: the tool's domains, then overall.
    var columns: ForestRiskOfBiasColumns { ForestRiskOfBiasColumns(tool: reportTool, includesOverall: true) }

    /// One study's lights per domain then overall; "no information" where nothing was judged.
    func judgements(of study: String) -> [RiskOfBiasJudgement] {
        let summary = byStudy[study]
        return tool.domains.map { Self.judgement(summary?.domains[$0]) } + [Self.judgement(summary?.overall)]
    }

    /// The traffic-light table; `weights` (study → weight) make the summary bars weighted.
    func table(title: String, weights: [String: Double]? = nil) -> RiskOfBiasTable {
        RiskOfBiasTable(title: title, tool: reportTool, studies: summaries.map { summary in
            RiskOfBiasStudy(key: summary.study, judgements: tool.domains.map { Self.judgement(summary.domains[$0]) },
                            overall: summary.overall.map { Self.judgement($0) }, weight: weights.map { $0[summary.study] ?? 0 })
        })
    }

    static func judgement(_ level: String?) -> RiskOfBiasJudgement {
        level.flatMap { RiskOfBiasJudgement(label: $0) } ?? .noInformation
    }
}
