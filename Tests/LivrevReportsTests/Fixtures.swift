import Foundation
import LivrevReports
import RiskOfBias

/// Fixed figure inputs for the golden files: deterministic, no randomness.
enum Fixtures {
    static let longNames = [
        "Abernethy-Castellanos", "Baker", "Chen", "Dimitropoulou-Ferreira", "Eriksson", "Fujimoto",
    ]
    static let longSuffixes = [" (multicentre, Spain and Portugal)", "", "", " (cluster-randomised, 42 practices)", "", ""]

    /// A study on row `i`: log odds ratio and standard error from integer arithmetic.
    static func effect(_ i: Int) -> (logOR: Double, se: Double) {
        (Double((i * 37) % 17 - 9) / 20, 0.12 + Double((i * 13) % 9) / 14)
    }

    static func judgement(_ i: Int, _ d: Int, tool: RiskOfBiasTool) -> RiskOfBiasJudgement {
        switch (i * 7 + d * 3) % 5 {
        case 0, 1, 2: return .low
        case 3: return tool == .rob1 ? .unclear : .someConcerns
        default: return .high
        }
    }

    static func row(_ i: Int, name: String, rob: RiskOfBiasTool?, arms: Bool, totalWeight: Double) -> ForestRow {
        let (b, se) = effect(i)
        let w = 1 / (se * se)
        var judgements: [RiskOfBiasJudgement] = []
        if let rob {
            judgements = (0..<rob.domains.count).map { judgement(i, $0, tool: rob) }
            judgements.append([.low, .low, rob == .rob1 ? .unclear : .someConcerns, .high][(i * 3) % 4])
        }
        let n = 40 + (i * 29) % 260
        return ForestRow(
            study: name, rowLabel: i % 11 == 5 ? "b" : nil,
            treatment: arms ? ForestArm(events: 3 + (i * 7) % (n / 3), total: n) : nil,
            control: arms ? ForestArm(events: 4 + (i * 5) % (n / 3), total: n + (i % 3)) : nil,
            estimate: exp(b), lower: exp(b - 1.96 * se), upper: exp(b + 1.96 * se),
            weight: 100 * w / totalWeight, riskOfBias: judgements)
    }

    static func totalWeight(_ range: Range<Int>) -> Double { range.map { 1 / pow(effect($0).se, 2) }.reduce(0, +) }

    /// 44 studies with long labels and RoB 2 columns.
    static var largeForest: ForestPlot {
        let total = totalWeight(0..<44)
        let rows = (0..<44).map { i in
            row(i, name: "\(longNames[i % 6]) \(1981 + i)\(longSuffixes[i % 6])", rob: .rob2, arms: false, totalWeight: total)
        }
        let overall = ForestSummary(
            label: "Total (95% CI)", estimate: 0.87, lower: 0.76, upper: 1.00,
            prediction: (0.52, 1.46), weight: 100,
            heterogeneity: ForestHeterogeneity(tau2: 0.38, q: 46.51, df: 43, p: 0.092, i2: 24.8),
            test: ForestEffectTest(statistic: 1.98, p: 0.048))
        return ForestPlot(
            title: "Serious adverse events — random-effects meta-analysis & <escaping> \"test\"",
            measure: "Odds ratio", method: "IV, Random, 95% CI", scale: .log,
            direction: .lowerFavoursTreatment, treatmentName: "Treatment", controlName: "Control",
            rows: rows, overall: overall, riskOfBias: ForestRiskOfBiasColumns(tool: .rob2))
    }

    /// Two subgroups with events per arm, subtotals and the test for subgroup differences.
    static var subgroupForest: ForestPlot {
        let totalA = totalWeight(0..<5), totalB = totalWeight(5..<9), all = totalA + totalB
        let a = (0..<5).map {
            row(
                $0, name: ["Hare 2009", "Ito 2012", "Jensen 2014", "Kowalski 2016", "Lund 2018"][$0], rob: .rob1, arms: true,
                totalWeight: all)
        }
        let b = (5..<9).map {
            row(
                $0, name: ["Mora 2007", "Nakamura 2010", "Olsen 2013", "Park 2020"][$0 - 5], rob: .rob1, arms: true,
                totalWeight: all)
        }
        func sum(_ rows: [ForestRow], _ key: KeyPath<ForestRow, ForestArm?>) -> ForestArm {
            ForestArm(
                events: rows.reduce(0) { $0 + ($1[keyPath: key]?.events ?? 0) },
                total: rows.reduce(0) { $0 + ($1[keyPath: key]?.total ?? 0) })
        }
        let groups = [
            ForestGroup(
                heading: "1.1 Adults", rows: a,
                subtotal: ForestSummary(
                    label: "Subtotal (95% CI)", estimate: 0.62, lower: 0.41, upper: 0.94, treatment: sum(a, \.treatment),
                    control: sum(a, \.control), weight: 100 * totalA / all,
                    heterogeneity: ForestHeterogeneity(tau2: 0.05, q: 5.2, df: 4, p: 0.267, i2: 23.1),
                    test: ForestEffectTest(statistic: 2.26, p: 0.024))),
            ForestGroup(
                heading: "1.2 Children", rows: b,
                subtotal: ForestSummary(
                    label: "Subtotal (95% CI)", estimate: 1.18, lower: 0.70, upper: 1.99, treatment: sum(b, \.treatment),
                    control: sum(b, \.control), weight: 100 * totalB / all,
                    heterogeneity: ForestHeterogeneity(tau2: 0.0, q: 2.1, df: 3, p: 0.552, i2: 0),
                    test: ForestEffectTest(statistic: 0.62, p: 0.535))),
        ]
        let overall = ForestSummary(
            estimate: 0.81, lower: 0.58, upper: 1.13, prediction: (0.35, 1.88),
            treatment: sum(a + b, \.treatment), control: sum(a + b, \.control), weight: 100,
            heterogeneity: ForestHeterogeneity(tau2: 0.11, q: 11.3, df: 8, p: 0.185, i2: 29.2),
            test: ForestEffectTest(statistic: 1.25, p: 0.211))
        return ForestPlot(
            title: "Remission at 12 weeks, by age group", measure: "Risk ratio", method: "M-H, Random, 95% CI",
            scale: .log, direction: .higherFavoursTreatment, treatmentName: "Stem cells", controlName: "Placebo",
            groups: groups, overall: overall, subgroupDifferences: ForestSubgroupTest(q: 3.84, df: 1, p: 0.050, i2: 74.0),
            riskOfBias: ForestRiskOfBiasColumns(tool: .rob1, includesOverall: false))
    }

    /// A risk difference forest on a linear axis, one interval running off the axis.
    static var riskDifferenceForest: ForestPlot {
        let rows = [
            ForestRow(study: "Quinn 2001", estimate: -0.05, lower: -0.12, upper: 0.02, weight: 40),
            ForestRow(study: "Rossi 2005", estimate: 0.03, lower: -0.04, upper: 0.10, weight: 35),
            ForestRow(study: "Sato 2008", estimate: -0.10, lower: -0.30, upper: 0.10, weight: 25),
        ]
        return ForestPlot(
            title: "Mortality at 30 days", measure: "Risk difference", method: "IV, Fixed, 95% CI",
            scale: .linear, rows: rows,
            overall: ForestSummary(
                estimate: -0.03, lower: -0.08, upper: 0.02, weight: 100,
                heterogeneity: ForestHeterogeneity(tau2: nil, q: 2.31, df: 2, p: 0.315, i2: 13.4),
                test: ForestEffectTest(statistic: -1.18, p: 0.238)))
    }
}
