import LivrevAnalysis
import LivrevReports
import MetaAnalysis

/// Builds forest-plot inputs from pooled results: rows on the natural scale with their arms,
/// weights and risk-of-bias lights, the pooled diamond, its prediction interval and statistics.
enum ForestFigure {
    /// Arm names as the column headings show them.
    static let treatmentName = "Treatment"
    static let controlName = "Control"

    /// Adverse events: fewer with treatment, below the null, favour it. Generic rows (a hazard ratio,
    /// say) may contrast anything, a year of age as well as two arms, so their side is not named.
    static func direction(_ measure: EffectMeasure) -> EffectDirection {
        if case .measure = measure { return .lowerFavoursTreatment }
        return .unstated
    }

    /// The forest of one outcome.
    static func plot(_ pooled: PooledOutcome, riskOfBias lights: RiskOfBiasLights? = nil) -> ForestPlot {
        let mapping = EffectScaleMapping(pooled)
        let riskOfBias = lights?.covering(pooled.rows.map(\.study))
        var plot = ForestPlot(
            title: title(pooled), measure: mapping.measureName, method: EffectScaleMapping.methodLine(pooled),
            scale: mapping.scale, nullValue: nil, direction: direction(pooled.measure),
            treatmentName: treatmentName, controlName: controlName,
            groups: [ForestGroup(heading: nil, rows: rows(pooled, mapping, riskOfBias), subtotal: nil)],
            overall: summary(pooled, mapping, label: "Total (95% CI)"), riskOfBias: riskOfBias?.columns)
        if mapping.isProportion { plot = plot.withoutNullLine() }
        return plot
    }

    /// The forest of one outcome by subgroup: one group per level with its subtotal, the total over
    /// every row, and the test for subgroup differences.
    /// Weights are shares of the overall analysis (RevMan's convention), so subtotals add up to 100%.
    static func plot(_ result: SubgroupResult, overall: PooledOutcome?, riskOfBias lights: RiskOfBiasLights? = nil) -> ForestPlot
    {
        let first = result.levels.first?.pooled ?? overall
        let mapping = first.map(EffectScaleMapping.init)
        let riskOfBias = lights?.covering(result.levels.flatMap { $0.pooled.rows.map(\.study) })
        var overallWeights: [String: Double] = [:]
        for row in overall?.rows ?? [] { overallWeights[key(row)] = overallWeights[key(row)] ?? row.weight }
        let groups = result.levels.map { level in
            let levelMapping = EffectScaleMapping(level.pooled)
            var rows = rows(level.pooled, levelMapping, riskOfBias)
            var subtotal = summary(level.pooled, levelMapping, label: "Subtotal (95% CI)")
            if overall != nil {
                let weights = level.pooled.rows.map { overallWeights[key($0)] }
                for index in rows.indices { rows[index].weight = weights[index] }
                subtotal?.weight = weights.allSatisfy { $0 != nil } ? weights.compactMap { $0 }.reduce(0, +) : nil
            }
            return ForestGroup(heading: "\(result.characteristic) = \(level.level)", rows: rows, subtotal: subtotal)
        }
        let test = result.test.value.map { test in
            ForestSubgroupTest(
                q: test.qm, df: test.df, p: test.p,
                i2: test.qm > 0 ? max(0, (test.qm - Double(test.df)) / test.qm) * 100 : 0)
        }
        let method = first.map { EffectScaleMapping.methodLine($0) }
        var plot = ForestPlot(
            title: "\(result.outcome) by \(result.characteristic)", measure: mapping?.measureName ?? "Effect", method: method,
            scale: mapping?.scale ?? .log, nullValue: nil, direction: direction(first?.measure ?? .measure(.OR)),
            treatmentName: treatmentName, controlName: controlName, groups: groups,
            overall: overall.flatMap { summary($0, EffectScaleMapping($0), label: "Total (95% CI)") },
            subgroupDifferences: test, riskOfBias: riskOfBias?.columns)
        if mapping?.isProportion == true { plot = plot.withoutNullLine() }
        return plot
    }

    /// The cumulative forest of one outcome's steps (estimates on the analysis scale).
    static func cumulative(
        outcome: String, measure: EffectMeasure, method: PoolingMethod, steps: [CumulativeEntry],
        bySnapshot: Bool
    ) -> CumulativeForest {
        let mapping = EffectScaleMapping(measure: measure)
        return CumulativeForest(
            title: "\(outcome): cumulative meta-analysis by \(bySnapshot ? "snapshot" : "year")",
            measure: mapping.measureName, method: EffectScaleMapping.methodLine(method: method, ciMethod: .wald),
            scale: mapping.scale,
            nullValue: mapping.isProportion ? nil : mapping.scale.defaultNull, direction: direction(measure),
            treatmentName: treatmentName, controlName: controlName, stepHeading: bySnapshot ? "Snapshot" : "Study added",
            steps: steps.map { entry in
                CumulativeForestRow(
                    label: entry.year.map {
                        entry.label.hasSuffix(" \($0)") || entry.label.contains(" \($0) (")
                            ? entry.label : "\(entry.label) (\($0))"
                    } ?? entry.label,
                    studies: entry.step.k,
                    estimate: mapping.natural(entry.step.estimate), lower: mapping.natural(entry.step.ciLower),
                    upper: mapping.natural(entry.step.ciUpper))
            })
    }

    private static func key(_ row: PooledOutcome.Row) -> String { "\(row.study)\u{1F}\(row.label ?? "")" }

    /// The plot as an SVG document. Without a line of no effect (proportions) nothing to the right of
    /// the axis widens the figure, and the renderer lets the last tick label run past the right edge
    /// (its half-width exceeds the margin): widen the canvas so that label shows whole.
    static func document(_ plot: ForestPlot) -> SVGDocument {
        var document = plot.svgDocument()
        if plot.nullValue == nil, plot.riskOfBias == nil { document.width += 16 }
        return document
    }

    static func title(_ pooled: PooledOutcome) -> String {
        pooled.snapshot.map { "\(pooled.outcome) (snapshot \($0))" } ?? pooled.outcome
    }

    private static func rows(_ pooled: PooledOutcome, _ mapping: EffectScaleMapping, _ riskOfBias: RiskOfBiasLights?)
        -> [ForestRow]
    {
        pooled.rows.map { row in
            let arms = row.data.arms
            let n = arms.count == 1 ? arms[0].total : nil
            let half = Normal.quantile975 * row.vi.squareRoot()
            return ForestRow(
                study: row.study, rowLabel: row.label, treatment: arms.first?.forest,
                control: arms.count == 2 ? arms[1].forest : nil, estimate: mapping.natural(row.yi, n: n),
                lower: mapping.natural(row.yi - half, n: n), upper: mapping.natural(row.yi + half, n: n),
                weight: row.weight, riskOfBias: riskOfBias?.judgements(of: row.study) ?? [])
        }
    }

    private static func summary(_ pooled: PooledOutcome, _ mapping: EffectScaleMapping, label: String) -> ForestSummary? {
        guard let estimate = pooled.estimate, let lower = pooled.ciLower, let upper = pooled.ciUpper else { return nil }
        let arms = pooled.rows.map(\.data.arms)
        func total(_ index: Int) -> ForestArm? {
            let column = arms.compactMap { $0.count == 2 || (index == 0 && $0.count == 1) ? $0[index] : nil }
            guard column.count == pooled.rows.count, !column.isEmpty else { return nil }
            return ForestArm(events: column.map(\.events).reduce(0, +), total: column.map(\.total).reduce(0, +))
        }
        var heterogeneity: ForestHeterogeneity?
        // No line when Q is undefined (a row with sampling variance 0, as metafor's NA).
        if let q = pooled.q, let df = pooled.qDF, let p = pooled.qP, let i2 = pooled.i2, pooled.k > 1, q.isFinite {
            heterogeneity = ForestHeterogeneity(tau2: pooled.tau2, q: q, df: df, p: p, i2: i2)
        }
        // A prediction interval says little with fewer than three studies (Cochrane Handbook 10.10.4.3).
        let prediction: (lower: Double, upper: Double)? =
            if let lo = pooled.piLower, let hi = pooled.piUpper, pooled.tau2 != nil, pooled.k >= 3 {
                (mapping.natural(lo), mapping.natural(hi))
            } else { nil }
        let back = pooled.backTransformed
        return ForestSummary(
            label: label, estimate: back?.estimate ?? mapping.natural(estimate), lower: back?.lower ?? mapping.natural(lower),
            upper: back?.upper ?? mapping.natural(upper), prediction: prediction, treatment: total(0),
            control: total(1), weight: pooled.rows.contains { $0.weight != nil } ? 100 : nil, heterogeneity: heterogeneity,
            test: zip(pooled.statistic, pooled.p).map { ForestEffectTest(statistic: $0, p: $1, df: pooled.df) })
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
