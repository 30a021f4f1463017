import LivrevAnalysis
import MetaAnalysis
import RealModule

extension PooledOutcome {
    /// The result in words, as a reader of the review needs it: estimate and CI (also on the
    /// ratio scale), test, direction, heterogeneity, prediction interval, small-study tests,
    /// outliers, then one line per row.
    /// With `diagnostics` (`pool --diagnostics`), two more tables: `influence()` per row and `leave1out()`.
    /// Tables fit `width` columns (nil: `--wide`).
    public func renderedText(diagnostics: Bool = false, width: Int? = TextTable.terminalWidth) -> String {
        let lines = summaryLines()
        // The first line names the analysis; the rest are indented under it; all wrap to `width`.
        let head = lines.enumerated().flatMap { index, line in
            let indent = index == 0 ? "" : "  "
            return TextTable.wrapped(line, width: (width ?? Int.max) - indent.count).enumerated().map {
                indent + ($0.offset == 0 ? "" : "  ") + $0.element
            }
        }.joined(separator: "\n")
        guard estimate != nil else { return head + "\n" }
        let header = ["study", "label", "counts", scaleName, "95% CI", "weight %", "rstudent", "Cook's D"]
        let table = rows.map { row -> [String] in
            let half = Normal.quantile975 * row.vi.squareRoot()
            return [
                row.study, row.label ?? "", PooledOutcome.counts(row.data), f(row.yi, 3),
                "\(f(row.yi - half, 2)) to \(f(row.yi + half, 2))", row.weight.map { f($0, 2) } ?? "—",
                row.rstudent.map { f($0, 3) } ?? "—", row.cooksDistance.map { f($0, 3) } ?? "—",
            ]
        }
        let body = TextTable(header: header, rows: table).rendered(width: width.map { $0 - 2 }).split(separator: "\n")
            .map { "  " + $0 }
        return ([head, ""] + body + (diagnostics ? diagnosticTables() : [])).joined(separator: "\n") + "\n"
    }

    /// `influence()` and `leave1out()` as two tables, each within 100 columns (long study names cut).
    func diagnosticTables() -> [String] {
        guard let studies = influence.value?.studies else {
            return ["", "  Influence diagnostics: not computed (\(influence.reason ?? ""))"]
        }
        func name(_ row: Row) -> String { row.name.count > 28 ? row.name.prefix(27) + "…" : row.name }
        func indented(_ table: TextTable) -> [String] { table.rendered().split(separator: "\n").map { "  " + $0 } }
        let influenceTable = TextTable(
            header: ["study", "hat", "DFFITS", "cov.r", "DFBETAS", "τ² del", "Q del"],
            rows: zip(rows, studies).map { row, study in
                [
                    name(row), f(study.hat, 4), f(study.dffits, 3), f(study.covarianceRatio, 3), f(study.dfbetas, 3),
                    f(study.leaveOneOut.tau2, 4), f(study.leaveOneOut.q, 3),
                ]
            })
        let leaveOneOut = TextTable(
            header: ["left out", "estimate", "95% CI", "p", "Q", "τ²", "I² %"],
            rows: zip(rows, studies).map { row, study in
                let fit = study.leaveOneOut
                return [
                    name(row), f(fit.estimate, 4), "\(f(fit.ciLower, 2)) to \(f(fit.ciUpper, 2))", pText(fit.p), f(fit.q, 3),
                    f(fit.tau2, 4), f(fit.i2, 2),
                ]
            })
        return ["", "  Influence (metafor's influence()):"] + indented(influenceTable)
            + ["", "  Leave one out (leave1out()), \(scaleName):"] + indented(leaveOneOut)
    }

    /// The result in words, a line per statistic (the first names the analysis): what the report
    /// lists above its forest plot, and `pool` above its per-row table.
    public func summaryLines() -> [String] {
        var lines = [
            "\(outcome) — \(scaleName), \(methodName), \(testName)"
                + " (k = \(k) rows from \(studies) studies)" + (snapshot.map { ", snapshot \($0)" } ?? "")
        ]
        if pendingRows > 0 {
            lines.append(
                "Not pooled: \(pendingRows) row\(pendingRows == 1 ? "" : "s") not consolidated yet "
                    + "(see 'livrev data conflicts', 'livrev data pending')")
        }
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
        if let q, q.isNaN {
            // metafor: "Cannot compute Q-test, I^2, or H^2 when there are non-positive sampling variances".
            lines.append(
                "Heterogeneity: Q, I² and H² undefined (a row has sampling variance 0)"
                    + (tau2.map { "; τ² = \(f($0, 4))" } ?? ""))
        } else if let q, let qDF, let qP {
            var heterogeneity = "Heterogeneity: Q = \(f(q, 3)) (df = \(qDF), p = \(pText(qP)))"
            if let tau2 { heterogeneity += "; τ² = \(f(tau2, 4))" }
            if let i2 { heterogeneity += "; I² = \(f(i2, 2))%" }
            if let h2 { heterogeneity += "; H² = \(f(h2, 2))" }
            lines.append(heterogeneity)
        }
        if let interval = tau2Interval.value {
            lines.append("τ² 95% CI (Q-profile): \(f(interval.lower, 4)) to \(f(interval.upper, 4))")
        }
        if let cmh = cochranMantelHaenszel.value {
            lines.append("Cochran–Mantel–Haenszel test: χ²(1) = \(f(cmh.statistic, 3)), p = \(cmh.pValue.map(pText) ?? "—")")
        }
        if let tarone = tarone.value {
            lines.append(
                "Breslow–Day test with Tarone's correction: χ²(\(tarone.df)) = \(f(tarone.statistic, 3)), "
                    + "p = \(tarone.pValue.map(pText) ?? "—")")
        }
        if let piLower, let piUpper {
            lines.append("Prediction interval: \(f(piLower, 4)) to \(f(piUpper, 4))")
        }
        if let egger = egger.value {
            lines.append(
                "Egger's regression test: \(egger.df.map { "t(\($0))" } ?? "z") = \(f(egger.statistic, 3)), p = \(pText(egger.p))"
                    + (egger.p < 0.05 ? ": funnel asymmetry (small-study effects)" : ": no evidence of funnel asymmetry"))
            lines.append("Egger's limit estimate (as SE → 0): \(scaleName) = \(f(egger.limitEstimate, 4))")
        }
        if let trimAndFill {
            if let fill = trimAndFill.value {
                lines.append(
                    "Trim-and-fill (\(fill.k0) imputed, \(fill.side.rawValue)): \(f(fill.pooled.estimate, 4)) "
                        + "(95% CI \(f(fill.pooled.ciLower, 4)) to \(f(fill.pooled.ciUpper, 4)))"
                        + (pooledTau2(fill).map { ", τ² = \(f($0, 4))" } ?? ""))
            } else {
                lines.append("Trim-and-fill: not computed (\(trimAndFill.reason ?? ""))")
            }
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

    /// The filled analysis's τ², for random-effects models.
    private func pooledTau2(_ fill: TrimAndFillResult) -> Double? { method == .FE ? nil : fill.pooled.tau2 }

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
    public static func summaryTable(_ outcomes: [PooledOutcome], width: Int? = TextTable.terminalWidth) -> String {
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
        // Fitting 100 columns leaves out, least needed first: the outlier bound, Begg, z, Q, τ², the scale, Egger.
        var text = TextTable(header: header, rows: rows, droppable: [12, 10, 5, 7, 8, 2, 11], wrapping: [0, 13])
            .rendered(width: width)
        if let first = outcomes.first {
            var note = "\(first.methodName), \(first.testName) 95% CIs. "
            var rules: [String] = []
            for outcome in outcomes where !rules.contains(outcome.directionRule) { rules.append(outcome.directionRule) }
            note += rules.joined(separator: "; ") + "."
            text += "\n" + TextTable.wrapped(note, width: width ?? Int.max).joined(separator: "\n") + "\n"
        }
        let pending = outcomes.filter { $0.pendingRows > 0 }
        if !pending.isEmpty {
            text += "Rows not consolidated yet, so not pooled (see 'livrev data conflicts', 'livrev data pending'):\n"
            text += pending.map { "  \($0.outcome): \($0.pendingRows) row\($0.pendingRows == 1 ? "" : "s")\n" }.joined()
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
