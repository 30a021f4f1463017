import MetaAnalysis

extension OutcomeAnalysis {
    /// Options that change the label but not the numbers are refused rather than ignored: a
    /// measure on generic rows (a relabelling, not a conversion) and a zero-cell correction under
    /// MH or Peto (rma.mh and rma.peto have their own).
    static func refuseWhatDoesNotApply(
        _ outcome: AnalysisOutcome, rows: [AnalysisRow], specification: AnalysisSpecification
    ) throws {
        let generic = rows.filter { $0.data.isGeneric }
        if let measure = specification.measure, !generic.isEmpty {
            // Ratios reported on the asked scale are not relabelled ("--measure RR" on RR rows).
            let sameScale = generic.allSatisfy {
                if case .ratio(let scale, _, _, _) = $0.data { return scale == measure.rawValue }
                return false
            }
            if !sameScale { throw AnalysisError.measureOnGenericRows(outcome: outcome.name, measure: measure) }
        }
        if specification.method.tauSquared == nil, specification.correction != .only0 {
            throw AnalysisError.correctionWithTableMethod(method: specification.method, correction: specification.correction)
        }
    }

    /// Refuses a zero-cell correction that applies to none of the outcomes analysed together: any
    /// correction on generic rows only, drop00 (which drops double-zero 2×2 tables) on single arms
    /// only. With several outcomes (`--all`) it applies to those with counts.
    public static func refuseCorrection(_ correction: Correction, for outcomes: [(AnalysisOutcome, [AnalysisRow])]) throws {
        guard correction != .only0, let first = outcomes.first(where: { !$0.1.isEmpty }) else { return }
        let rows = outcomes.flatMap(\.1)
        if rows.allSatisfy(\.data.isGeneric) {
            throw AnalysisError.correctionWithoutCounts(outcome: first.0.name, correction: correction)
        }
        let tables = rows.contains {
            if case .twoByTwo = $0.data { return true }
            return false
        }
        if correction == .drop00, !tables { throw AnalysisError.dropDoubleZeroOnProportions(outcome: first.0.name) }
    }

    /// Why a row gives no effect, for the reader: which cell, which option.
    static func noEffectReason(_ data: RowData, measure: EffectMeasure, correction: Correction) -> String {
        switch data {
        case .twoByTwo(let treatment, let control):
            let doubleZero =
                (treatment.events == 0 && control.events == 0)
                || (treatment.events == treatment.total && control.events == control.total)
            if correction == .drop00, doubleZero {
                return "no events (or only events) in both arms: dropped by --correction drop00"
            }
            if correction == .none {
                return "a zero cell without correction (--correction none): its \(measure.code) is undefined"
            }
            return "counts give no effect"
        case .singleArm:
            return correction == .none
                ? "no events (or only events) without correction (--correction none): its \(measure.code) is undefined"
                : "counts give no effect"
        case .ratio:
            return "the ratio and its CI are not positive and increasing"
        case .effect:
            return "the effect or its standard error is not finite"
        }
    }

    /// τ²'s Q-profile interval (`confint()`) for random-effects models.
    static func addHeterogeneityInterval(_ result: inout PooledOutcome, method: TauSquaredMethod) {
        guard method != .fixed else {
            result.tau2Interval = .notComputed(reason: "the fixed-effect model has no τ²")
            return
        }
        let effects = result.effects
        result.tau2Interval =
            effects.count >= 2
            ? .attempt { try Pooling.heterogeneityIntervals(effects, method: method).tau2 }
            : .notComputed(reason: "needs at least 2 rows (k = \(effects.count))")
    }

    /// Trim-and-fill (`trimfill()`), as the funnel plot draws it.
    static func addTrimAndFill(_ result: inout PooledOutcome, method: TauSquaredMethod, test: WaldTest) {
        let effects = result.effects
        result.trimAndFill =
            effects.count >= 3
            ? .attempt { try TrimAndFill.analyze(effects, method: method, test: test) }
            : .notComputed(reason: "needs at least 3 rows (k = \(effects.count))")
    }
}

extension RowData {
    /// An estimate with its CI, or an effect with its SE: rows escalc does not compute.
    var isGeneric: Bool {
        switch self {
        case .ratio, .effect: true
        case .twoByTwo, .singleArm: false
        }
    }
}
