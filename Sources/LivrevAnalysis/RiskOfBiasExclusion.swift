import RiskOfBias

/// One study's final risk of bias under one tool: overall, and in the domain an exclusion asks about.
public struct StudyRiskOfBias: Equatable, Sendable {
    public var study: String
    public var tool: RiskOfBiasTool
    public var overall: RiskOfBiasLevel?
    /// The domain named by the exclusion, as this tool names it, with its judgement; nil when the
    /// exclusion judges overall or the tool has no such domain.
    public var domain: (name: String, level: RiskOfBiasLevel?)?

    public init(study: String, tool: RiskOfBiasTool, overall: RiskOfBiasLevel?, domain: (name: String, level: RiskOfBiasLevel?)?)
    {
        self.study = study
        self.tool = tool
        self.overall = overall
        self.domain = domain
    }

    public static func == (a: StudyRiskOfBias, b: StudyRiskOfBias) -> Bool {
        a.study == b.study && a.tool == b.tool && a.overall == b.overall && a.domain?.name == b.domain?.name
            && a.domain?.level == b.domain?.level
    }
}

/// `--exclude-rob high [--rob-domain D]`: leave out studies judged at high risk of bias, overall
/// or in one domain (a sensitivity analysis, Cochrane Handbook 8.8).
public struct RiskOfBiasExclusion: Equatable, Sendable {
    /// The domain to judge by (a name or D1…Dn, resolved per tool); nil: the overall judgement.
    public var domain: String?

    public init(domain: String? = nil) {
        self.domain = domain
    }

    /// The studies to leave out, each with the reason a reader is shown.
    public func excludedStudies(_ assessments: [StudyRiskOfBias]) -> [String: String] {
        var excluded: [String: String] = [:]
        for assessment in assessments {
            if domain != nil {
                guard let judged = assessment.domain else { continue }
                if judged.level == .high { excluded[assessment.study] = "high risk of bias in \(judged.name)" }
            } else if assessment.overall == .high {
                excluded[assessment.study] = "high overall risk of bias (\(assessment.tool.rawValue))"
            }
        }
        return excluded
    }
}
