/// Column positions and row list of a forest plot, computed from estimated text widths.
///
/// Columns are sized from their longest cell (`TextMetrics`), left to right: study, events and
/// totals per arm, weight, estimate [95% CI], the plot, and risk-of-bias lights. Rows are a flat
/// list (headings, studies, summaries, statistics lines) drawn at a fixed pitch so a 44-study
/// forest simply grows taller.
struct ForestLayout {
    enum Item {
        case heading(String)
        case study(ForestRow)
        case summary(ForestSummary, isTotal: Bool)
        case prediction(lower: Double, upper: Double)
        case totalEvents(ForestArm?, ForestArm?)
        case note(String)
        case spacer

        var height: Double {
            switch self {
            case .note: return 15
            case .spacer: return 8
            default: return ForestLayout.rowHeight
            }
        }
    }

    static let fontSize = 12.0
    static let smallSize = 11.0
    static let rowHeight = 18.0
    static let margin = 12.0
    static let gap = 16.0
    static let plotWidth = 280.0

    let items: [Item]
    /// Arms with events and totals: two (treatment, control), one (single-arm rows), or none.
    let armCount: Int
    var hasArms: Bool { armCount > 0 }
    let hasWeights: Bool
    let studyX: Double
    /// Right edges of treatment events, treatment total, control events, control total.
    let armRights: [Double]
    let armWidth: Double
    let weightRight: Double
    let estimateRight: Double
    let axis: EffectAxis
    /// Centres of the risk-of-bias columns and their headings.
    let robCentres: [Double]
    let robHeadings: [String]
    let maxWeight: Double
    let contentRight: Double

    init(_ plot: ForestPlot) {
        let f = ForestLayout.fontSize
        var items: [Item] = []
        let summaries = plot.groups.compactMap(\.subtotal) + (plot.overall.map { [$0] } ?? [])
        let allRows = plot.groups.flatMap(\.rows)
        let arms = allRows.contains { $0.treatment != nil || $0.control != nil }
        func appendSummary(_ summary: ForestSummary, total: Bool) {
            items.append(.summary(summary, isTotal: total))
            if let pi = summary.prediction { items.append(.prediction(lower: pi.lower, upper: pi.upper)) }
            if arms, summary.treatment != nil || summary.control != nil {
                items.append(.totalEvents(summary.treatment, summary.control))
            }
            if let h = summary.heterogeneity { items.append(.note(h.text)) }
            if let t = summary.test { items.append(.note(t.text)) }
        }
        let grouped = plot.groups.count > 1 || plot.groups.contains { $0.heading != nil }
        for group in plot.groups {
            if let heading = group.heading { items.append(.heading(heading)) }
            items += group.rows.map { Item.study($0) }
            if let subtotal = group.subtotal { appendSummary(subtotal, total: false) }
            if grouped { items.append(.spacer) }
        }
        if let overall = plot.overall { appendSummary(overall, total: true) }
        if let test = plot.subgroupDifferences { items.append(.note(test.text)) }
        self.items = items
        armCount = !arms ? 0 : allRows.contains { $0.control != nil } ? 2 : 1
        hasWeights = allRows.contains { $0.weight != nil }
        maxWeight = allRows.compactMap(\.weight).max() ?? 1

        func w(_ text: String, bold: Bool = false) -> Double { TextMetrics.width(text, size: f, bold: bold) }
        var studyWidth = w("Study or subgroup", bold: true)
        for item in items {
            switch item {
            case .heading(let text): studyWidth = max(studyWidth, w(text, bold: true))
            case .study(let row): studyWidth = max(studyWidth, w(row.displayLabel))
            case .summary(let s, _): studyWidth = max(studyWidth, w(s.label, bold: true))
            case .prediction: studyWidth = max(studyWidth, w("Prediction interval"))
            case .totalEvents: studyWidth = max(studyWidth, w("Total events"))
            case .note, .spacer: break
            }
        }
        studyX = ForestLayout.margin
        var x = studyX + studyWidth + ForestLayout.gap
        var rights: [Double] = []
        var armWidth = 0.0
        if arms {
            var numbers = ["Events", "Total"].map { w($0, bold: true) }
            for row in allRows {
                for arm in [row.treatment, row.control].compactMap({ $0 }) {
                    numbers += [w(String(arm.events)), w(String(arm.total))]
                }
            }
            for s in summaries {
                for arm in [s.treatment, s.control].compactMap({ $0 }) {
                    numbers += [w(String(arm.events), bold: true), w(String(arm.total), bold: true)]
                }
            }
            let pairHeading = armCount == 2 ? max(w(plot.treatmentName, bold: true), w(plot.controlName, bold: true)) : 0
            armWidth = max(numbers.max() ?? 0, (pairHeading - 10) / 2)
            for index in 0..<(2 * armCount) {
                rights.append(x + armWidth)
                x += armWidth + (index == 1 ? ForestLayout.gap : 10)
            }
            x += ForestLayout.gap - 10
        }
        armRights = rights
        self.armWidth = armWidth
        if hasWeights {
            let widest = max(w("Weight", bold: true), w("100.0%", bold: true))
            weightRight = x + widest
            x += widest + ForestLayout.gap
        } else {
            weightRight = x
        }
        var estimateWidth = max(w(plot.measure, bold: true), w(plot.method ?? "95% CI", bold: true))
        for item in items {
            switch item {
            case .study(let row): estimateWidth = max(estimateWidth, w(SVGFormat.interval(row.estimate, row.lower, row.upper)))
            case .summary(let s, _):
                estimateWidth = max(estimateWidth, w(SVGFormat.interval(s.estimate, s.lower, s.upper), bold: true))
            case .prediction(let lo, let hi):
                estimateWidth = max(estimateWidth, w("[\(SVGFormat.effect(lo)), \(SVGFormat.effect(hi))]"))
            default: break
            }
        }
        estimateRight = x + estimateWidth
        x += estimateWidth + ForestLayout.gap + 6
        var values: [Double] = []
        for row in allRows { values += [row.estimate, row.lower, row.upper] }
        for s in summaries { values += [s.estimate, s.lower, s.upper] + (s.prediction.map { [$0.lower, $0.upper] } ?? []) }
        let plotWidth = max(ForestLayout.plotWidth, w(plot.measure, bold: true), w(plot.method ?? "", bold: true))
        axis = EffectAxis(
            scale: plot.scale, values: values, includeNull: plot.nullValue, limits: plot.axisLimits,
            left: x, right: x + plotWidth, fontSize: ForestLayout.smallSize)
        x += plotWidth + ForestLayout.gap
        var centres: [String] = []
        if let rob = plot.riskOfBias {
            centres = rob.domains.indices.map { "D\($0 + 1)" } + (rob.includesOverall ? ["Overall"] : [])
        }
        robHeadings = centres
        var robX: [Double] = []
        for heading in centres {
            let width = max(22, w(heading, bold: true) + 4)
            robX.append(x + width / 2)
            x += width
        }
        robCentres = robX
        contentRight = centres.isEmpty ? x - ForestLayout.gap : x
    }

    /// Side of a study's square: area proportional to weight, between 4 and 13 pixels.
    func squareSide(_ weight: Double?) -> Double {
        guard let weight, maxWeight > 0 else { return 7 }
        return 4 + 9 * (max(weight, 0) / maxWeight).squareRoot()
    }
}
