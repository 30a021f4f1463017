import ArgumentParser
import LivrevStore

/// Which rows an analysis uses: all, or without studies at high risk of bias.
struct RowSelection: ParsableArguments {
    @Option(
        name: .customLong("exclude-rob"),
        help: "Leave out studies at this risk of bias (overall, or in --rob-domain). Only 'high' is meaningful.")
    var excludeRob: String?

    @Option(help: "With --exclude-rob: judge by this domain (name or D1…Dn) instead of the overall judgement.")
    var robDomain: String?

    func validate() throws {
        if let excludeRob, excludeRob.lowercased() != "high" {
            throw ValidationError("'--exclude-rob' takes 'high' (studies judged at high risk of bias are left out)")
        }
        if robDomain != nil, excludeRob == nil {
            throw ValidationError("'--rob-domain' goes with '--exclude-rob high'")
        }
    }

    /// The studies to leave out, with the reason, as of `revision`.
    func excludedStudies(_ registry: Registry, at revision: Int64) throws -> [String: String] {
        guard excludeRob != nil else { return [:] }
        var excluded: [String: String] = [:]
        for tool in LivrevStore.RiskOfBiasTool.allCases {
            for summary in try registry.riskOfBiasSummaries(tool: tool, at: revision) {
                if let robDomain {
                    guard let domain = tool.domain(robDomain) else { continue }
                    if summary.domains[domain] == "high" { excluded[summary.study] = "high risk of bias in \(domain)" }
                } else if summary.overall == "high" {
                    excluded[summary.study] = "high overall risk of bias (\(tool.rawValue))"
                }
            }
        }
        return excluded
    }
}
