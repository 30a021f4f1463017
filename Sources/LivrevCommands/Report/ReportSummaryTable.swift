import Foundation
import LivrevAnalysis
import LivrevReports

/// The report's one-line-per-outcome table, on the natural scale a reader of a review expects.
enum ReportSummaryTable {
    static let header = [
        "outcome", "k", "studies", "measure", "estimate", "95% CI", "p", "τ²", "I² %", "prediction interval", "Egger p",
    ]

    /// "0.54 to 0.98", kept on one line (no-break spaces).
    private static func range(_ pooled: PooledOutcome, _ lower: Double, _ upper: Double, _ decimals: Int) -> String {
        "\(pooled.f(lower, decimals))\u{00A0}to\u{00A0}\(pooled.f(upper, decimals))"
    }

    static func row(_ pooled: PooledOutcome) -> [String] {
        let mapping = EffectScaleMapping(pooled)
        let measure = mapping.measureName
        guard let estimate = pooled.estimate, let lower = pooled.ciLower, let upper = pooled.ciUpper else {
            return [pooled.outcome, String(pooled.k), String(pooled.studies), measure, "not pooled", "", "", "", "", "", ""]
        }
        let back = pooled.backTransformed ?? (mapping.natural(estimate), mapping.natural(lower), mapping.natural(upper))
        let decimals = mapping.isProportion ? 4 : 2
        var prediction = "—"
        if let lo = pooled.piLower, let hi = pooled.piUpper, pooled.tau2 != nil, pooled.k >= 3 {
            prediction = range(pooled, mapping.natural(lo), mapping.natural(hi), decimals)
        }
        return [
            pooled.outcome, String(pooled.k), String(pooled.studies), measure, pooled.f(back.estimate, decimals),
            range(pooled, back.lower, back.upper, decimals), pooled.p.map(pooled.pText) ?? "",
            pooled.tau2.map { pooled.f($0, 4) } ?? "—", pooled.i2.map { pooled.f($0, 1) } ?? "—", prediction,
            pooled.egger.value.map { pooled.pText($0.p) } ?? "—",
        ]
    }

    static let changeHeader = ["outcome", "k", "before", "after", "τ²", "I² %", "change"]

    /// One outcome before → after, on the natural scale, with `OutcomeChange.verdict` in words.
    static func changeRow(_ change: OutcomeChange) -> [String] {
        func describe(_ pooled: PooledOutcome?) -> String {
            guard let pooled, let estimate = pooled.estimate, let lower = pooled.ciLower, let upper = pooled.ciUpper else {
                return "—"
            }
            let mapping = EffectScaleMapping(pooled)
            let back = pooled.backTransformed ?? (mapping.natural(estimate), mapping.natural(lower), mapping.natural(upper))
            let decimals = mapping.isProportion ? 4 : 2
            return
                "\(mapping.measure.code) \(pooled.f(back.estimate, decimals)) (\(range(pooled, back.lower, back.upper, decimals)))"
        }
        func pair(_ values: [Double?], _ decimals: Int) -> String {
            values.map { $0.map { String(format: "%.\(decimals)f", $0) } ?? "—" }.joined(separator: "\u{00A0}→ ")
        }
        return [
            change.outcome, "\(change.before?.k ?? 0)\u{00A0}→\u{00A0}\(change.after?.k ?? 0)", describe(change.before),
            describe(change.after), pair([change.before?.tau2, change.after?.tau2], 4),
            pair([change.before?.i2, change.after?.i2], 1), change.verdict,
        ]
    }
}
