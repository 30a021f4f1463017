import ArgumentParser
import LivrevReports
import LivrevStore
import RiskOfBias

/// How the risk-of-bias summary bars weigh studies.
enum RiskOfBiasWeighting: String, ExpressibleByArgument, CaseIterable {
    /// Each study by its participants: the largest n_t + n_c (or n) of its outcome rows.
    case n
    /// Each study counts once.
    case equal
}

/// The risk-of-bias figures of a registry: traffic-light table and summary bars.
enum RiskOfBiasFigure {
    static func table(
        _ lights: RiskOfBiasLights, registry: Registry, at revision: Int64,
        weighting: RiskOfBiasWeighting
    ) throws -> RiskOfBiasTable {
        let name = lights.tool.name
        let weights = weighting == .n ? try participants(registry, at: revision) : nil
        let studies = try registry.studies(at: revision).map(\.key)
        return lights.including(studies).table(title: "Risk of bias (\(name))", weights: weights)
    }

    /// Traffic lights above summary bars, as one SVG document: every study of the registry in its
    /// order, those not yet assessed as "no information".
    static func combined(
        _ lights: RiskOfBiasLights, registry: Registry, at revision: Int64,
        weighting: RiskOfBiasWeighting
    ) throws -> String {
        let table = try table(lights, registry: registry, at: revision, weighting: weighting)
        var summary = table
        summary.title = "Risk of bias across studies (\(table.tool.rawValue))"
        return SVGStack.rendered([table.trafficLightDocument(), summary.summaryDocument()], title: table.title)
    }

    /// Each study's participants: the largest randomized total among its outcome rows.
    static func participants(_ registry: Registry, at revision: Int64) throws -> [String: Double] {
        var totals: [String: Double] = [:]
        for row in try registry.outcomeRows(outcome: nil, at: revision) {
            let n: Int
            switch row.data {
            case .dichotomous(_, let nt, _, let nc): n = nt + nc
            case .singleArm(_, let total): n = total
            default: continue
            }
            totals[row.study] = max(totals[row.study] ?? 0, Double(n))
        }
        return totals
    }
}
