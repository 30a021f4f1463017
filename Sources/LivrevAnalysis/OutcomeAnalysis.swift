import MetaAnalysis

/// An outcome's rows in, its meta-analysis out: effect sizes (`escalc`), the pooled model (`rma`,
/// `rma.mh` or `rma.peto`) and the diagnostics SPEC.md lists.
public enum OutcomeAnalysis {
    /// Pools `rows` (one outcome's current rows) as `specification` says; the studies in `excluded`
    /// (study → reason) are left out and listed with their reason.
    public static func pool(
        _ outcome: AnalysisOutcome, rows: [AnalysisRow], specification: AnalysisSpecification,
        excluded: [String: String] = [:], snapshot: String? = nil
    ) throws -> PooledOutcome {
        var result = try pool(
            outcome, rows: rows.filter { excluded[$0.study] == nil }, specification: specification, snapshot: snapshot)
        let left = Set(rows.map(\.study)).filter { excluded[$0] != nil }.sorted()
        result.leftOut += left.map { PooledOutcome.LeftOut(name: $0, reason: excluded[$0] ?? "") }
        return result
    }

    private static func pool(
        _ outcome: AnalysisOutcome, rows: [AnalysisRow], specification: AnalysisSpecification, snapshot: String?
    ) throws -> PooledOutcome {
        try refuseWhatDoesNotApply(outcome, rows: rows, specification: specification)
        let measure = specification.measure.map(EffectMeasure.measure) ?? reportedScale(outcome, rows)
        var analysed: [PooledOutcome.Row] = []
        var leftOut: [PooledOutcome.LeftOut] = []
        for row in rows {
            if specification.method.tauSquared == nil, case .twoByTwo = row.data {
                // rma.mh and rma.peto pool every table; their per-table rows come afterwards.
                analysed.append(
                    PooledOutcome.Row(
                        study: row.study, label: row.label, eventName: row.eventName, data: row.data, yi: .nan, vi: .nan))
                continue
            }
            guard let effect = try effect(row, outcome: outcome, measure: measure, correction: specification.correction)
            else {
                leftOut.append(
                    PooledOutcome.LeftOut(
                        name: row.name, reason: noEffectReason(row.data, measure: measure, correction: specification.correction)))
                continue
            }
            analysed.append(
                PooledOutcome.Row(
                    study: row.study, label: row.label, eventName: row.eventName, data: row.data, yi: effect.yi,
                    vi: effect.vi))
        }
        var result = PooledOutcome(
            outcome: outcome.name, snapshot: snapshot, measure: measure, method: specification.method,
            ciMethod: specification.ciMethod, rows: analysed)
        result.leftOut = leftOut
        guard !analysed.isEmpty else { return result }
        do {
            if let method = specification.method.tauSquared {
                try poolInverseVariance(&result, method: method, test: specification.test)
                addHeterogeneityInterval(&result, method: method)
                if specification.trimFill { addTrimAndFill(&result, method: method, test: specification.test) }
            } else {
                try poolTables(&result, outcome: outcome)
            }
        } catch let error as MetaAnalysisError {
            // A model metafor refuses: its reason, with the outcome it concerns.
            throw AnalysisError.modelRefused(outcome: outcome.name, method: specification.method, reason: error)
        }
        if let estimate = result.estimate, let lower = result.ciLower, let upper = result.ciUpper {
            let sampleSizes = analysed.compactMap { row -> Double? in
                if case .singleArm(let arm) = row.data { return Double(arm.total) }
                return nil
            }
            switch measure {
            case .measure(.PLO):
                result.backTransformed = (
                    Transform.inverseLogit(estimate), Transform.inverseLogit(lower), Transform.inverseLogit(upper)
                )
            case .measure(.PFT):
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
    private static func poolInverseVariance(_ result: inout PooledOutcome, method: TauSquaredMethod, test: WaldTest)
        throws
    {
        let effects = result.effects
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
        // Under FE two rows suffice: metafor reports the saturated fit.
        let eggerNeeds = method == .fixed ? 2 : 3
        result.egger =
            k >= eggerNeeds
            ? .attempt { try Egger.test(effects, model: .mixedEffects, method: method, test: test) }
            : .notComputed(reason: "needs at least \(eggerNeeds) rows (k = \(k))")
        result.begg =
            k >= 2
            ? rankCorrelation(effects) : .notComputed(reason: "needs at least 2 rows (k = \(k))")
        result.failSafeN = .attempt { try FailSafeN.rosenthal(yi: effects.map(\.yi), vi: effects.map(\.vi)).failSafeN }
        guard k >= 2 else {
            result.influence = .notComputed(reason: "needs at least 2 rows (k = \(k))")
            return
        }
        result.outlierThreshold = Influence.bonferroniThreshold(k: k)
        result.influence = .attempt { try Influence.diagnostics(effects, method: method, test: test) }
        for (index, study) in (result.influence.value?.studies ?? []).enumerated() {
            result.rows[index].rstudent = study.rstudent
            result.rows[index].cooksDistance = study.cooksDistance
        }
    }

    /// Begg's test: Kendall's τ with its p, when both are defined.
    private static func rankCorrelation(_ effects: [EffectSize]) -> Diagnostic<PooledOutcome.RankCorrelation> {
        let test: RankCorrelationTest
        do {
            test = try RankCorrelationTest(yi: effects.map(\.yi), vi: effects.map(\.vi))
        } catch {
            return .notComputed(reason: "\(error)")
        }
        guard let tau = test.tau, let p = test.pValue else {
            return .notComputed(reason: "Kendall's τ is undefined (every standardised effect or variance is tied)")
        }
        return .computed(PooledOutcome.RankCorrelation(tau: tau, p: p))
    }

    /// `rma.mh` or `rma.peto` on the 2×2 tables.
    private static func poolTables(_ result: inout PooledOutcome, outcome: AnalysisOutcome) throws {
        var tables: [(treatment: ArmCounts, control: ArmCounts)] = []
        for row in result.rows {
            guard case .twoByTwo(let treatment, let control) = row.data else {
                throw AnalysisError.needsCounts(outcome: outcome.name, method: result.method)
            }
            tables.append((treatment, control))
        }
        let ai = tables.map { Double($0.treatment.events) }, n1i = tables.map { Double($0.treatment.total) }
        let ci = tables.map { Double($0.control.events) }, n2i = tables.map { Double($0.control.total) }
        let notComputed = DiagnosticReason.countsMethod
        (result.egger, result.begg) = (.notComputed(reason: notComputed), .notComputed(reason: notComputed))
        (result.failSafeN, result.influence) = (.notComputed(reason: notComputed), .notComputed(reason: notComputed))
        // Each table's own effect as rma.mh/rma.peto report it (none for a double-zero table).
        let perTable =
            result.method == .PETO
            ? try TwoByTwoRows.peto(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
            : try TwoByTwoRows.mantelHaenszel(ai: ai, n1i: n1i, ci: ci, n2i: n2i, measure: mantelHaenszelMeasure(result.measure))
        for (index, effect) in perTable.enumerated() {
            (result.rows[index].yi, result.rows[index].vi) = (effect?.yi ?? .nan, effect?.vi ?? .nan)
        }
        if result.method == .PETO {
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
        let mh = try MantelHaenszel(ai: ai, n1i: n1i, ci: ci, n2i: n2i, measure: mantelHaenszelMeasure(result.measure))
        (result.estimate, result.se, result.ciLower, result.ciUpper) = (mh.estimate, mh.standardError, mh.ciLower, mh.ciUpper)
        (result.statistic, result.p, result.q, result.qP, result.i2, result.h2) = (
            mh.z, mh.pValue, mh.q, mh.qPValue, mh.i2, mh.h2
        )
        result.qDF = mh.kYi > 0 ? mh.kYi - 1 : nil
        let onlyOddsRatio = "rma.mh gives it for odds ratios only"
        result.cochranMantelHaenszel =
            mh.measure == .OR
            ? mh.cochranMantelHaenszel.map { .computed($0) }
                ?? .notComputed(reason: "no events, or only events, in every table") : .notComputed(reason: onlyOddsRatio)
        result.tarone =
            mh.measure == .OR
            ? mh.tarone.map { .computed($0) } ?? .notComputed(reason: "the common odds ratio is undefined")
            : .notComputed(reason: onlyOddsRatio)
    }

    private static func mantelHaenszelMeasure(_ measure: EffectMeasure) -> Measure {
        switch measure {
        case .measure(.RR): .RR
        case .measure(.RD): .RD
        default: .OR
        }
    }

    /// The outcome's measure; for generic rows, the ratio they were reported as (e.g. HR) when they agree.
    private static func reportedScale(_ outcome: AnalysisOutcome, _ rows: [AnalysisRow]) -> EffectMeasure {
        if let measure = outcome.measure { return .measure(measure) }
        let scales = Set(
            rows.map { row -> String in
                if case .ratio(let scale, _, _, _) = row.data { return scale }
                return "GEN"
            })
        return scales.count == 1 ? EffectMeasure(code: scales.first ?? "GEN") : .generic
    }

    /// One row's effect on the analysis scale; nil when the row gives none (e.g. a zero cell uncorrected).
    private static func effect(_ row: AnalysisRow, outcome: AnalysisOutcome, measure: EffectMeasure, correction: Correction)
        throws -> EffectSize?
    {
        switch row.data {
        case .twoByTwo(let treatment, let control):
            guard case .measure(let m) = measure, [.OR, .RR, .RD].contains(m) else {
                throw AnalysisError.measureDoesNotFit(
                    outcome: outcome.name, measure: measure.code, data: "2×2 counts (use OR, RR or RD)")
            }
            return EffectSize.twoByTwo(
                eventsTreatment: Double(treatment.events), nTreatment: Double(treatment.total),
                eventsControl: Double(control.events), nControl: Double(control.total), measure: m,
                correction: correction.zeroCell)
        case .singleArm(let arm):
            guard case .measure(let m) = measure, [.PLO, .PFT].contains(m) else {
                throw AnalysisError.measureDoesNotFit(
                    outcome: outcome.name, measure: measure.code, data: "single-arm counts (use PLO or PFT)")
            }
            return EffectSize.proportion(
                events: Double(arm.events), total: Double(arm.total), measure: m, correction: correction.zeroCell)
        case .ratio(_, let estimate, let lower, let upper):
            return EffectSize.ratioWithConfidenceInterval(estimate: estimate, lower: lower, upper: upper)
        case .effect(let yi, let sei):
            return EffectSize(yi: yi, sei: sei)
        }
    }
}
