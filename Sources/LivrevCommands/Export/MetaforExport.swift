import LivrevAnalysis
import LivrevReports
import LivrevStore

/// The files of `export --metafor`: one CSV per outcome, livrev's results, and the R script.
struct MetaforExport {
    /// One outcome's data as metafor reads it.
    struct OutcomeData {
        enum Kind: String {
            /// ai, n1i, ci, n2i: escalc computes the effects.
            case twoByTwo
            /// xi, ni: escalc computes the proportions.
            case singleArm
            /// yi, vi as livrev computed them (ratios with CIs, or effects with SEs).
            case effects
        }
        let pooled: PooledOutcome
        let kind: Kind
        let file: String
        let csv: String
    }

    var outcomes: [OutcomeData]
    var options: PoolOptions

    var files: [(name: String, text: String)] {
        outcomes.map { ($0.file, $0.csv) }
            + [
                ("livrev-results.csv", MetaforExport.results(outcomes.map(\.pooled))),
                ("reproduce.R", MetaforScript(export: self).rendered()),
            ]
    }

    static func build(
        _ registry: Registry, outcome name: String?, options: PoolOptions, excluded: [String: String] = [:],
        at revision: Int64, snapshot: String?
    ) throws -> MetaforExport {
        let data = try Pool.rowsByOutcome(registry, outcome: name, at: revision)
        let slugs = FigureFiles.slugs(data.map(\.0.name))
        let pooled = try Pool.analyses(
            registry, outcome: name, options: options, excluded: excluded, at: revision, snapshot: snapshot)
        var outcomes: [OutcomeData] = []
        for (index, ((_, rows), result)) in zip(data, pooled).enumerated() {
            let number = String(index + 1)
            let file = String(repeating: "0", count: max(0, 2 - number.count)) + number + "-\(slugs[index]).csv"
            // The rows livrev pooled, so that R pools the same ones.
            outcomes.append(outcomeData(result, rows: rows.filter { excluded[$0.study] == nil }, file: file))
        }
        return MetaforExport(outcomes: outcomes, options: options)
    }

    private static func outcomeData(_ pooled: PooledOutcome, rows: [OutcomeRow], file: String) -> OutcomeData {
        func label(_ row: OutcomeRow) -> String { row.label ?? "" }
        let tables = rows.compactMap { row -> [String]? in
            guard case .dichotomous(let et, let nt, let ec, let nc) = row.data else { return nil }
            return [row.study, label(row), String(et), String(nt), String(ec), String(nc)]
        }
        if !rows.isEmpty, tables.count == rows.count {
            return OutcomeData(
                pooled: pooled, kind: .twoByTwo, file: file,
                csv: CSVWriter.rendered(header: ["study", "label", "ai", "n1i", "ci", "n2i"], rows: tables))
        }
        let arms = rows.compactMap { row -> [String]? in
            guard case .singleArm(let events, let n) = row.data else { return nil }
            return [row.study, label(row), String(events), String(n)]
        }
        if !rows.isEmpty, arms.count == rows.count {
            return OutcomeData(
                pooled: pooled, kind: .singleArm, file: file,
                csv: CSVWriter.rendered(header: ["study", "label", "xi", "ni"], rows: arms))
        }
        let effects = pooled.rows.map { [$0.study, $0.label ?? "", "\($0.yi)", "\($0.vi)"] }
        return OutcomeData(
            pooled: pooled, kind: .effects, file: file,
            csv: CSVWriter.rendered(header: ["study", "label", "yi", "vi"], rows: effects))
    }

    /// livrev's numbers in long form: `outcome,statistic,livrev`, shortest round-trip decimals.
    static func results(_ pooled: [PooledOutcome]) -> String {
        var rows: [[String]] = []
        for outcome in pooled {
            for (name, value) in statistics(outcome) { rows.append([outcome.outcome, name, "\(value)"]) }
        }
        return CSVWriter.rendered(header: ["outcome", "statistic", "livrev"], rows: rows)
    }

    /// Every number livrev reports for one outcome, by the name the R script computes it under.
    static func statistics(_ p: PooledOutcome) -> [(String, Double)] {
        guard p.estimate != nil else { return [] }
        var out: [(String, Double?)] = [
            ("estimate", p.estimate), ("se", p.se), ("ci_lower", p.ciLower), ("ci_upper", p.ciUpper),
            ("statistic", p.statistic), ("p", p.p), ("tau2", p.tau2), ("i2", p.i2), ("h2", p.h2), ("q", p.q),
            ("q_p", p.qP), ("pi_lower", p.piLower), ("pi_upper", p.piUpper), ("egger_z", p.egger.value?.statistic),
            ("egger_p", p.egger.value?.p), ("begg_tau", p.begg.value?.tau), ("begg_p", p.begg.value?.p),
            ("failsafe_n", p.failSafeN.value),
        ]
        for (index, row) in p.rows.enumerated() {
            let i = index + 1
            out += [
                ("yi[\(i)]", row.yi), ("vi[\(i)]", row.vi), ("weight[\(i)]", row.weight),
                ("rstudent[\(i)]", row.rstudent), ("cooks[\(i)]", row.cooksDistance),
            ]
        }
        return out.compactMap { name, value in value.flatMap { $0.isFinite ? (name, $0) : nil } }
    }
}
