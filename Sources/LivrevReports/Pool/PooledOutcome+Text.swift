import LivrevAnalysis
import RealModule

extension PooledOutcome {
    /// The result in words, as a reader of the review needs it: estimate and CI (also on the
    /// ratio scale), test, direction, heterogeneity, prediction interval, small-study tests,
    /// outliers, then one line per row.
    public func renderedText() -> String {
        let lines = summaryLines()
        let head = ([lines[0]] + lines.dropFirst().map { "  " + $0 }).joined(separator: "\n")
        guard estimate != nil else { return head + "\n" }
        let header = ["study", "label", "counts", scaleName, "95% CI", "weight %", "rstudent", "Cook's D"]
        let table = rows.map { row -> [String] in
            let half = 1.959963984540054 * row.vi.squareRoot()
            return [
                row.study, row.label ?? "", PooledOutcome.counts(row.data), f(row.yi, 3),
                "\(f(row.yi - half, 2)) to \(f(row.yi + half, 2))", row.weight.map { f($0, 2) } ?? "—",
                row.rstudent.map { f($0, 3) } ?? "—", row.cooksDistance.map { f($0, 3) } ?? "—",
            ]
        }
        let body = TextTable(header: header, rows: table).rendered().split(separator: "\n").map { "  " + $0 }
        return ([head, ""] + body).joined(separator: "\n") + "\n"
    }

    /// The result in words, a line per statistic (the first names the analysis): what the report
    /// lists above its forest plot, and `pool` above its per-row table.
    public func summaryLines() -> [String] {
        var lines = [
            "\(outcome) — \(scaleName), \(methodName), \(testName)"
                + " (k = \(k) rows from \(studies) studies)" + (snapshot.map { ", snapshot \($0)" } ?? "")
        ]
        guard let estimate, let ciLower, let ciUpper else {
            lines.append("No pooled estimate: \(k == 0 ? "no rows" : "too few rows").")
            return lines
        }
        var line = "Estimate: \(scaleName) = \(f(estimate, 4)) (95% CI \(f(ciLower, 4)) to \(f(ciUpper, 4)))"
        if isRatio {
            line +=
                "; \(measure.code) = \(f(Double.exp(estimate), 3)) (\(f(Double.exp(ciLower), 3)) to \(f(Double.exp(ciUpper), 3)))"
        }
        if let back = backTransformed {
            line += "; proportion = \(f(back.estimate, 4)) (\(f(back.lower, 4)) to \(f(back.upper, 4)))"
        }
        lines.append(line)
        if let statistic, let p {
            let name = df.map { "t(\($0))" } ?? "z"
            lines.append("Test: \(name) = \(f(statistic, 3)), p = \(pText(p)): \(significance)")
        }
        lines.append("Direction: \(direction)")
        if let q, let qDF, let qP {
            var heterogeneity = "Heterogeneity: Q = \(f(q, 3)) (df = \(qDF), p = \(pText(qP)))"
            if let tau2 { heterogeneity += "; τ² = \(f(tau2, 4))" }
            if let i2 { heterogeneity += "; I² = \(f(i2, 2))%" }
            if let h2 { heterogeneity += "; H² = \(f(h2, 2))" }
            lines.append(heterogeneity)
        }
        if let piLower, let piUpper {
            lines.append("Prediction interval: \(f(piLower, 4)) to \(f(piUpper, 4))")
        }
        if let egger = egger.value {
            lines.append(
                "Egger's regression test: \(egger.df.map { "t(\($0))" } ?? "z") = \(f(egger.statistic, 3)), p = \(pText(egger.p))"
                    + (egger.p < 0.05 ? ": funnel asymmetry (small-study effects)" : ": no evidence of funnel asymmetry"))
        }
        if let begg = begg.value {
            lines.append("Begg's rank correlation: Kendall's τ = \(f(begg.tau, 3)), p = \(pText(begg.p))")
        }
        if let failSafeN = failSafeN.value { lines.append("Fail-safe N (Rosenthal): \(f(failSafeN, 0))") }
        if let outlierThreshold {
            let outliers = rows.filter { abs($0.rstudent ?? 0) > outlierThreshold }
            lines.append(
                outliers.isEmpty
                    ? "Studentized residuals: none beyond ±\(f(outlierThreshold, 3)) (Bonferroni, k = \(k))"
                    : "Studentized residuals beyond ±\(f(outlierThreshold, 3)): "
                        + outliers.map { "\($0.name) \(f($0.rstudent ?? 0, 2))" }
                        .joined(separator: ", "))
        }
        if !leftOut.isEmpty {
            lines.append("Not pooled: " + leftOut.map { "\($0.name): \($0.reason)" }.joined(separator: "; "))
        }
        return lines
    }

    /// A row's numbers as reported: "9/34 vs 7/19", "20/2504", "HR 0.5 [0.3, 0.8]", "yi 0.2, se 0.1".
    static func counts(_ data: RowData) -> String {
        switch data {
        case .twoByTwo(let treatment, let control):
            "\(treatment.events)/\(treatment.total) vs \(control.events)/\(control.total)"
        case .singleArm(let arm): "\(arm.events)/\(arm.total)"
        case .ratio(let scale, let estimate, let lower, let upper): "\(scale) \(estimate) [\(lower), \(upper)]"
        case .effect(let yi, let sei): "yi \(yi), se \(sei)"
        }
    }

    /// "Wald z" or "Knapp–Hartung t".
    var testName: String { ciMethod == .hksj ? "Knapp–Hartung t" : "Wald z" }

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
                o.tau2.map { o.f($0, 4) } ?? "", o.i2.map { o.f($0, 2) } ?? "", o.begg.value.map { o.pText($0.p) } ?? "—",
                o.egger.value.map { o.pText($0.p) } ?? "—", o.outlierThreshold.map { o.f($0, 3) } ?? "—", o.inWords,
            ]
        }
        var text = TextTable(header: header, rows: rows).rendered()
        if let first = outcomes.first {
            text += "\n\(first.methodName), \(first.testName) 95% CIs. "
            var rules: [String] = []
            for outcome in outcomes where !rules.contains(outcome.directionRule) { rules.append(outcome.directionRule) }
            text += rules.joined(separator: "; ") + ".\n"
        }
        return text
    }

    // MARK: - Words

    var methodName: String { method.name }

    /// What a positive estimate means.
    var directionRule: String {
        if measure.comparesArms { return "\(scaleName) > 0 means more events with treatment" }
        return measure.isProportion
            ? "a higher value means a higher proportion" : "\(scaleName) > 0 means a higher hazard or risk"
    }

    var direction: String {
        guard let estimate else { return directionRule }
        if measure.comparesArms {
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
        guard measure.comparesArms else {
            return isRatio
                ? "\(measure.code) \(f(Double.exp(estimate), 3)) (\(f(Double.exp(lower), 3)) to \(f(Double.exp(upper), 3))), \(significant)"
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

extension PooledOutcome {
    /// The scale's name for the reader: "log OR", "log RR", "RD", "logit proportion", ….
    public var scaleName: String { measure.scaleName }

    /// Whether the estimate is shown back on a ratio scale (exp).
    public var isRatio: Bool { measure.isRatio }
}
