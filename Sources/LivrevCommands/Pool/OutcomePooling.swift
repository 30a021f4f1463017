import LivrevReports
import LivrevStore
import MetaAnalysis

/// Turns an outcome's registry rows into a `PooledOutcome`: effect sizes (escalc), the pooled
/// model (rma, rma.mh or rma.peto), and the diagnostics SPEC.md lists.
enum OutcomePooling {
    /// Pools `rows` (one outcome's current rows) as `options` says.
    static func pool(_ outcome: Outcome, rows: [OutcomeRow], options: PoolOptions, snapshot: String?) throws -> PooledOutcome {
        let measureName = options.measure?.rawValue ?? reportedScale(outcome, rows)
        var analysed: [PooledOutcome.Row] = []
        var effects: [EffectSize] = []
        var tables: [(Double, Double, Double, Double)] = []
        var dropped: [String] = []
        var sampleSizes: [Double] = []
        for row in rows {
            guard let (effect, counts) = try effect(row, measure: measureName, correction: options.correction.zeroCell) else {
                dropped.append("\(row.study)\(row.label.map { " (\($0))" } ?? ""): no estimable effect")
                continue
            }
            if case .dichotomous(let et, let nt, let ec, let nc) = row.data {
                tables.append((Double(et), Double(nt), Double(ec), Double(nc)))
            }
            if case .singleArm(_, let n) = row.data { sampleSizes.append(Double(n)) }
            effects.append(effect)
            analysed.append(
                PooledOutcome.Row(
                    study: row.study, label: row.label, eventName: row.eventName, counts: counts, yi: effect.yi, vi: effect.vi,
                    weight: nil, rstudent: nil, cooksDistance: nil))
        }
        var result = PooledOutcome(
            outcome: outcome.name, snapshot: snapshot, measure: measureName,
            method: options.method.rawValue, ciMethod: options.ci.rawValue, rows: analysed)
        result.dropped = dropped
        guard !effects.isEmpty else { return result }
        switch options.method {
        case .MH, .PETO:
            try poolFixedCounts(&result, tables: tables, options: options, measure: measureName)
        default:
            try poolInverseVariance(&result, effects: effects, options: options)
        }
        if let estimate = result.estimate, let lower = result.ciLower, let upper = result.ciUpper {
            switch measureName {
            case "PLO":
                result.backTransformed = (
                    Transform.inverseLogit(estimate), Transform.inverseLogit(lower), Transform.inverseLogit(upper)
                )
            case "PFT":
                result.backTransformed = (
                    Transform.inverseFreemanTukey(estimate, sampleSizes: sampleSizes),
                    Transform.inverseFreemanTukey(lower, sampleSizes: sampleSizes),
                    Transform.inverseFreemanTukey(upper, sampleSizes: sampleSizes)
                )
            default: break
            }
        }
        return result
    }

    /// `rma(yi, vi, method, test)` and its diagnostics.
    private static func poolInverseVariance(_ result: inout PooledOutcome, effects: [EffectSize], options: PoolOptions) throws {
        guard let method = options.method.tauSquared else { return }
        let test: WaldTest = options.ci == .hksj ? .knappHartung : .z
        let pooled = try Pooling.fit(effects, method: method, test: test)
        result.estimate = pooled.estimate
        result.se = pooled.se
        result.ciLower = pooled.ciLower
        result.ciUpper = pooled.ciUpper
        result.statistic = pooled.statistic
        result.df = pooled.df
        result.p = pooled.p
        if method != .fixed { result.tau2 = pooled.tau2 }
        result.i2 = pooled.i2
        result.h2 = pooled.h2
        result.q = pooled.q
        result.qDF = pooled.qDF
        result.qP = pooled.qP
        result.piLower = pooled.piLower
        result.piUpper = pooled.piUpper
        for index in result.rows.indices { result.rows[index].weight = pooled.weights[index] }
        let k = effects.count
        if k >= 3 {
            let egger = try? Egger.test(effects, model: .mixedEffects, method: method, test: test)
            result.egger = egger.map { ($0.statistic, $0.p, $0.df) }
        }
        if k >= 2, let begg = try? RankCorrelationTest(yi: effects.map(\.yi), vi: effects.map(\.vi)),
            let tau = begg.tau, let p = begg.pValue
        {
            result.begg = (tau, p)
        }
        result.failSafeN = (try? FailSafeN.rosenthal(yi: effects.map(\.yi), vi: effects.map(\.vi)))?.failSafeN
        if k >= 2 {
            result.outlierThreshold = Influence.bonferroniThreshold(k: k)
            if let influence = try? Influence.diagnostics(effects, method: method, test: test) {
                for (index, study) in influence.studies.enumerated() {
                    result.rows[index].rstudent = study.rstudent
                    result.rows[index].cooksDistance = study.cooksDistance
                }
            }
        }
    }

    /// `rma.mh` or `rma.peto` on the 2×2 tables.
    private static func poolFixedCounts(
        _ result: inout PooledOutcome, tables: [(Double, Double, Double, Double)], options: PoolOptions, measure: String
    ) throws {
        guard tables.count == result.rows.count else {
            throw PoolError.needsCounts(outcome: result.outcome, method: options.method.rawValue)
        }
        let ai = tables.map(\.0), n1i = tables.map(\.1), ci = tables.map(\.2), n2i = tables.map(\.3)
        if options.method == .PETO {
            let peto = try PetoOddsRatio(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
            (result.estimate, result.se, result.ciLower, result.ciUpper) = (
                peto.estimate, peto.standardError, peto.ciLower, peto.ciUpper
            )
            (result.statistic, result.p, result.q, result.qP, result.i2, result.h2) = (
                peto.z, peto.pValue, peto.q, peto.qPValue, peto.i2, peto.h2
            )
            result.qDF = peto.kYi - 1
            return
        }
        let mhMeasure: MantelHaenszel.Measure = measure == "RR" ? .riskRatio : measure == "RD" ? .riskDifference : .oddsRatio
        let mh = try MantelHaenszel(ai: ai, n1i: n1i, ci: ci, n2i: n2i, measure: mhMeasure)
        (result.estimate, result.se, result.ciLower, result.ciUpper) = (mh.estimate, mh.standardError, mh.ciLower, mh.ciUpper)
        (result.statistic, result.p, result.q, result.qP, result.i2, result.h2) = (
            mh.z, mh.pValue, mh.q, mh.qPValue, mh.i2, mh.h2
        )
        result.qDF = mh.kYi > 0 ? mh.kYi - 1 : nil
    }

    /// The outcome's measure; for generic rows, the ratio they were reported as (e.g. HR) when they agree.
    private static func reportedScale(_ outcome: Outcome, _ rows: [OutcomeRow]) -> String {
        guard outcome.measure == "GEN" else { return outcome.measure }
        let scales = Set(
            rows.map { row -> String in
                if case .ratio(let measure, _, _, _) = row.data { return measure }
                return "GEN"
            })
        return scales.count == 1 ? scales.first ?? "GEN" : "GEN"
    }

    /// One row's effect on the analysis scale, and its counts as a reader sees them.
    private static func effect(_ row: OutcomeRow, measure: String, correction: ZeroCellCorrection) throws
        -> (EffectSize, [String])?
    {
        switch row.data {
        case .dichotomous(let et, let nt, let ec, let nc):
            guard let m = Measure(rawValue: measure), [.OR, .RR, .RD].contains(m) else {
                throw PoolError.measureDoesNotFit(outcome: row.outcome, measure: measure, data: "2×2 counts (use OR, RR or RD)")
            }
            let effect = EffectSize.twoByTwo(
                eventsTreatment: Double(et), nTreatment: Double(nt), eventsControl: Double(ec),
                nControl: Double(nc), measure: m, correction: correction)
            return effect.map { ($0, ["\(et)/\(nt)", "\(ec)/\(nc)"]) }
        case .singleArm(let events, let n):
            guard let m = Measure(rawValue: measure), [.PLO, .PFT].contains(m) else {
                throw PoolError.measureDoesNotFit(
                    outcome: row.outcome, measure: measure, data: "single-arm counts (use PLO or PFT)")
            }
            let effect = EffectSize.proportion(events: Double(events), total: Double(n), measure: m, correction: correction)
            return effect.map { ($0, ["\(events)/\(n)"]) }
        case .ratio(let scale, let estimate, let lower, let upper):
            let effect = EffectSize.ratioWithConfidenceInterval(estimate: estimate, lower: lower, upper: upper)
            return effect.map { ($0, ["\(scale) \(estimate) [\(lower), \(upper)]"]) }
        case .effect(let yi, let sei):
            return (EffectSize(yi: yi, sei: sei), ["yi \(yi), se \(sei)"])
        }
    }
}

/// Why an outcome cannot be pooled as asked.
enum PoolError: Error, CustomStringConvertible {
    case measureDoesNotFit(outcome: String, measure: String, data: String)
    case needsCounts(outcome: String, method: String)
    case noSuchCharacteristic(String, known: [String])
    case needsInverseVariance(String)

    var description: String {
        switch self {
        case .measureDoesNotFit(let outcome, let measure, let data):
            "outcome '\(outcome)' has \(data); it cannot be pooled as \(measure)"
        case .needsCounts(let outcome, let method):
            "'--method \(method)' needs 2×2 counts, and outcome '\(outcome)' has other rows"
        case .needsInverseVariance(let command):
            "'\(command)' pools with an inverse-variance model (FE, DL, REML, …), not Mantel–Haenszel or Peto"
        case .noSuchCharacteristic(let name, let known):
            "no study characteristic '\(name)' (recorded: \(known.joined(separator: ", ")))"
        }
    }
}
