import ArgumentParser
import LivrevAnalysis
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

    /// The exclusion these options ask for; nil: every row.
    var exclusion: RiskOfBiasExclusion? { excludeRob == nil ? nil : RiskOfBiasExclusion(domain: robDomain) }

    /// The studies to leave out, with the reason, as of `revision`.
    func excludedStudies(_ registry: Registry, at revision: Int64) throws -> [String: String] {
        guard let exclusion else { return [:] }
        return exclusion.excludedStudies(try Pool.riskOfBias(registry, for: exclusion, at: revision))
    }
}
