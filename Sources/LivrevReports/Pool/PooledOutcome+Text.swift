import RealModule

extension PooledOutcome {
    /// The result in words, as a reader of the review needs it: estimate and CI (also on the
    /// ratio scale), test, direction, heterogeneity, prediction interval, small-study tests,
    /// outliers, then one line per row.
    public func renderedText() -> String {
        var lines = [
            "\(outcome) — \(scaleName), \(methodName), \(ciMethod == "hksj" ? "Knapp–Hartung t" : "Wald z")"
                + " (k = \(k) rows from \(studies) studies)" + (snapshot.map { ", snapshot \($0)" } ?? "")
        ]
        guard let estimate, let ciLower, let ciUpper else {
            lines.append("  No pooled estimate: \(k == 0 ? "no rows" : "too few rows").")
            return lines.joined(separator: "\n") + "\n"
        }
        var line = "  Estimate: \(scaleName) = \(f(estimate, 4)) (95% CI \(f(ciLower, 4)) to \(f(ciUpper, 4)))"
        if isRatio {
            line += "; \(measure) = \(f(Double.exp(estimate), 3)) (\(f(Double.exp(ciLower), 3)) to \(f(Double.exp(ciUpper), 3)))"
        }
        if let back = backTransformed {
            line += "; proportion = \(f(back.estimate, 4)) (\(f(back.lower, 4)) to \(f(back.upper, 4)))"
        }
        lines.append(line)
        if let statistic, let p {
            let name = df.map { "t(\($0))" } ?? "z"
            lines.append("  Test: \(name) = \(f(statistic, 3)), p = \(pText(p)): \(significance)")
        }
        lines.append("  Direction: \(direction)")
        if let q, let qDF, let qP {
            var heterogeneity = "  Heterogeneity: Q = \(f(q, 3)) (df = \(qDF), p = \(pText(qP)))"
            if let tau2 { heterogeneity += "; τ² = \(f(tau2, 4))" }
            if let i2 { heterogeneity += "; I² = \(f(i2, 2))%" }
            if let h2 { heterogeneity += "; H² = \(f(h2, 2))" }
            lines.append(heterogeneity)
        }
        if let piLower, let piUpper {
            lines.append("  Prediction interval: \(f(piLower, 4)) to \(f(piUpper, 4))")
        }
        if let egger {
            lines.append(
                "  Egger's regression test: \(egger.df.map { "t(\($0))" } ?? "z") = \(f(egger.z, 3)), p = \(pText(egger.p))"
                    + (egger.p < 0.05 ? ": funnel asymmetry (small-study effects)" : ": no evidence of funnel asymmetry"))
        }
        if let begg {
            lines.append("  Begg's rank correlation: Kendall's τ = \(f(begg.tau, 3)), p = \(pText(begg.p))")
        }
        if let failSafeN { lines.append("  Fail-safe N (Rosenthal): \(f(failSafeN, 0))") }
        if let outlierThreshold {
            let outliers = rows.filter { abs($0.rstudent ?? 0) > outlierThreshold }
            lines.append(
                outliers.isEmpty
                    ? "  Studentized residuals: none beyond ±\(f(outlierThreshold, 3)) (Bonferroni, k = \(k))"
                    : "  Studentized residuals beyond ±\(f(outlierThreshold, 3)): "
                        + outliers.map { "\($0.study)\($0.label.map { " (\($0))" } ?? "") \(f($0.rstudent ?? 0, 2))" }
                        .joined(separator: ", "))
        }
        if !dropped.isEmpty {
            lines.append("  Not pooled: " + dropped.joined(separator: "; "))
        }
        lines.append("")
        let header = ["study", "label", "counts", scaleName, "95% CI", "weight %", "rstudent", "Cook's D"]
        let table = rows.map { row -> [String] in
            let half = 1.959963984540054 * row.vi.squareRoot()
            return [
                row.study, row.label ?? "", row.counts.joined(separator: " vs "), f(row.yi, 3),
                "\(f(row.yi - half, 2)) to \(f(row.yi + half, 2))", row.weight.map { f($0, 2) } ?? "—",
                row.rstudent.map { f($0, 3) } ?? "—", row.cooksDistance.map { f($0, 3) } ?? "—",
            ]
        }
        let body = TextTable(header: header, rows: table).rendered().split(separator: "\n").map { "  " + $0 }
        return (lines + body).joined(separator: "\n") + "\n"
    }

    /// One line per outcome for `pool --all`: the numbers a paper prints, and the direction in words.
    public static func summaryTable(_ outcomes: [PooledOutcome]) -> String {
        let header = [
            "outcome", "k", "scale", "estimate", "95% CI", "z", "p", "Q", "τ²", "I² %", "Begg p", "Egger p", "±outlier",
            "in words",
        ]
        let rows = outcomes.map { o -> [String] in
            guard let estimate = o.estimate, let lower = o.ciLower, let upper = o.ciUpper else {
                return [o.outcome, String(o.k), o.scaleName, "—", "", "", "", "", "", "", "", "", "", "not pooled"]
            }
            return [
                o.outcome, String(o.k), o.scaleName, o.f(estimate, 3), "\(o.f(lower, 2)) to \(o.f(upper, 2))",
                o.statistic.map { o.f($0, 2) } ?? "", o.p.map(o.pText) ?? "", o.q.map { o.f($0, 3) } ?? "",
                o.tau2.map { o.f($0, 4) } ?? "", o.i2.map { o.f($0, 2) } ?? "", o.begg.map { o.pText($0.p) } ?? "—",
                o.egger.map { o.pText($0.p) } ?? "—", o.outlierThreshold.map { o.f($0, 3) } ?? "—", o.inWords,
            ]
        }
        var text = TextTable(header: header, rows: rows).rendered()
        if let first = outcomes.first {
            text += "\n\(first.methodName), \(first.ciMethod == "hksj" ? "Knapp–Hartung t" : "Wald z") 95% CIs. "
            var rules: [String] = []
            for outcome in outcomes where !rules.contains(outcome.directionRule) { rules.append(outcome.directionRule) }
            text += rules.joined(separator: "; ") + ".\n"
        }
        return text
    }

    // MARK: - Words

    var methodName: String {
        switch method {
        case "FE": "fixed effect (inverse variance)"
        case "DL": "random effects, DerSimonian–Laird"
        case "REML": "random effects, REML"
        case "PM": "random effects, Paule–Mandel"
        case "ML": "random effects, ML"
        case "HE": "random effects, Hedges"
        case "SJ": "random effects, Sidik–Jonkman"
        case "EB": "random effects, empirical Bayes"
        case "MH": "fixed effect, Mantel–Haenszel"
        case "PETO": "fixed effect, Peto"
        default: method
        }
    }

    /// What a positive estimate means.
    var directionRule: String {
        switch measure {
        case "OR", "RR", "RD": "\(scaleName) > 0 means more events with treatment"
        case "PLO", "PFT": "a higher value means a higher proportion"
        default: "\(scaleName) > 0 means a higher hazard or risk"
        }
    }

    var direction: String {
        guard let estimate else { return directionRule }
        if ["OR", "RR", "RD"].contains(measure) {
            let side =
                estimate > 0 ? "more events with treatment" : estimate < 0 ? "fewer events with treatment" : "no difference"
            return "\(scaleName) \(estimate > 0 ? ">" : estimate < 0 ? "<" : "=") 0: \(side)"
        }
        return directionRule
    }

    var significance: String {
        guard let p else { return "" }
        return p < 0.05 ? "statistically significant at the 5% level" : "not statistically significant at the 5% level"
    }

    /// A short phrase for the summary table, e.g. "fewer events with treatment (significant)".
    var inWords: String {
        guard let estimate, let p, let lower = ciLower, let upper = ciUpper else { return "" }
        let significant = p < 0.05 ? "significant" : "not significant"
        if let back = backTransformed {
            return "proportion \(f(100 * back.estimate, 2))% (\(f(100 * back.lower, 2))% to \(f(100 * back.upper, 2))%)"
        }
        guard ["OR", "RR", "RD"].contains(measure) else {
            return isRatio
                ? "\(measure) \(f(Double.exp(estimate), 3)) (\(f(Double.exp(lower), 3)) to \(f(Double.exp(upper), 3))), \(significant)"
                : significant
        }
        let side = estimate > 0 ? "more events with treatment" : "fewer events with treatment"
        return "\(side) (\(significant))"
    }

    public func f(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        return SVGFormat.fixed(value, decimals: decimals)
    }

    public func pText(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : f(p, 3)
    }
}
