import MetaAnalysis

/// What a living review decides once and monitors every version with: the anticipated effect and
/// the errors it accepts (trial sequential analysis).
public struct SequentialPlan: Equatable, Sendable {
    /// The control arms' anticipated event proportion.
    public enum ControlRisk: Equatable, Sendable {
        case fixed(Double)
        /// Σ events / Σ participants over the control arms of the outcome's rows.
        case pooled
    }

    /// How the required information size allows for heterogeneity.
    public enum Adjustment: String, CaseIterable, Sendable {
        /// RIS / (1 − D²), diversity (the TSA program's default for random-effects models).
        case d2
        /// RIS / (1 − I²).
        case i2
        case none
    }

    public var controlRisk: ControlRisk
    /// Relative risk reduction; negative for an anticipated increase (harms).
    public var relativeRiskReduction: Double
    public var alpha: Double
    public var power: Double
    public var adjustment: Adjustment
    /// Whether to draw non-binding β-spending futility boundaries.
    public var futility: Bool

    public init(
        controlRisk: ControlRisk, relativeRiskReduction: Double, alpha: Double = 0.05, power: Double = 0.8,
        adjustment: Adjustment = .d2, futility: Bool = false
    ) {
        self.controlRisk = controlRisk
        self.relativeRiskReduction = relativeRiskReduction
        self.alpha = alpha
        self.power = power
        self.adjustment = adjustment
        self.futility = futility
    }
}

/// One look of the monitored meta-analysis: the cumulative pooled result and its boundaries.
public struct SequentialLook: Equatable, Sendable {
    /// The publication year or snapshot name.
    public var label: String
    /// Participants accrued: Σ (n_t + n_c) over the rows analysed so far.
    public var participants: Int
    /// Participants / the adjusted required information size.
    public var informationFraction: Double
    /// Estimate / SE, on `pool`'s sign (> 0: more events with treatment).
    public var z: Double
    /// The upper efficacy boundary (the lower is its negative); nil while a look spends next to no α.
    public var boundary: Double?
    /// The futility bound on the side of the anticipated effect; nil without `--futility` or at t ≥ 1.
    public var futility: Double?
    /// On the analysis scale (log OR, log RR, RD).
    public var estimate: Double
    public var se: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// estimate ± boundary · SE: the interval the monitoring boundary allows for.
    public var tsaCILower: Double?
    public var tsaCIUpper: Double?
}

/// What the monitoring says, in order of precedence.
public enum SequentialConclusion: Equatable, Sendable {
    /// The z-curve crossed the efficacy boundary at this look; `fewerEvents`: below the lower one.
    case firmEvidence(look: String, z: Double, boundary: Double, fewerEvents: Bool)
    /// Inside the futility region at this look: the anticipated effect is unlikely.
    case futility(look: String, z: Double, bound: Double)
    /// The required information size is reached and no boundary was crossed.
    case informationReached(participants: Int, required: Int)
    /// Not yet conclusive: this share of the required size; this many more participants needed.
    case notYetConclusive(fraction: Double, required: Int, more: Int)
}

/// A trial sequential analysis of one dichotomous outcome.
public struct SequentialResult: Sendable {
    public var outcome: String
    public var measure: Measure
    public var method: PoolingMethod
    public var plan: SequentialPlan
    /// The control risk used (the plan's, or the pooled control arms').
    public var controlRisk: Double
    /// The unadjusted required information size, participants.
    public var requiredInformationSize: Int
    public var adjustedRequiredInformationSize: Int
    public var d2: Double
    public var i2: Double
    public var looks: [SequentialLook]
    public var conclusion: SequentialConclusion
}

/// Why an outcome cannot be monitored as asked.
public enum SequentialError: Error, Equatable, CustomStringConvertible {
    case notDichotomous(outcome: String)
    case tooFewStudies(outcome: String, k: Int)
    case measure(Measure)
    case method(PoolingMethod)
    case noControlEvents(outcome: String)
    /// The plan gives no possible trial; `pooledFrom` names the studies a pooled control risk came from.
    case impossiblePlan(outcome: String, reason: String, pooledFrom: [String]?)

    public var description: String {
        switch self {
        case .notDichotomous(let outcome):
            "outcome '\(outcome)' is not dichotomous: sequential monitoring needs 2×2 counts (events and totals per arm)"
        case .tooFewStudies(let outcome, let k):
            "outcome '\(outcome)' has \(k) \(k == 1 ? "study" : "studies"); sequential monitoring needs at least 2"
        case .measure(let measure):
            "sequential monitoring pools OR, RR or RD, not \(measure.rawValue)"
        case .method(let method):
            "sequential monitoring pools with DL, FE or MH, not \(method.rawValue)"
        case .impossiblePlan(let outcome, let reason, let studies):
            "outcome '\(outcome)': \(reason)"
                + (studies.map { " (the control risk is pooled from the control arms of \($0.joined(separator: ", ")))" } ?? "")
        case .noControlEvents(let outcome):
            "outcome '\(outcome)' has no control events, so '--control-risk pooled' has nothing to pool; give a proportion"
        }
    }
}

/// Trial sequential analysis over a living review's looks: required information size, monitoring
/// boundaries at each look's information fraction, the z-curve, TSA-adjusted intervals and a verdict.
///
/// Source: Wetterslev J, Jakobsen JC, Gluud C (2017). Trial Sequential Analysis in systematic reviews
/// with meta-analysis. BMC Med Res Methodol 17:39. doi:10.1186/s12874-017-0315-7; Thorlund K et al.
/// (2017). User manual for Trial Sequential Analysis (TSA), 2nd ed. Copenhagen Trial Unit.
public enum SequentialAnalysis {
    /// One look per publication year (the row's year, else the study key's); a year's trials enter together.
    public static func byYear(
        _ outcome: AnalysisOutcome, rows: [AnalysisRow], specification: AnalysisSpecification, plan: SequentialPlan
    ) throws -> SequentialResult {
        let years = rows.map { $0.year ?? CumulativeAnalysis.year(ofKey: $0.study) ?? Int.max }
        let distinct = Set(years).sorted()
        let looks = distinct.map { year in
            (label: year == Int.max ? "undated" : String(year), rows: zip(rows, years).filter { $0.1 <= year }.map(\.0))
        }
        return try monitor(outcome, looks: looks, specification: specification, plan: plan)
    }

    /// Monitors the given looks, oldest first (e.g. one per snapshot); the last look's data set the
    /// heterogeneity adjustment and a pooled control risk, as the TSA program does.
    public static func monitor(
        _ outcome: AnalysisOutcome, looks: [(label: String, rows: [AnalysisRow])], specification: AnalysisSpecification,
        plan: SequentialPlan
    ) throws -> SequentialResult {
        guard let last = looks.last?.rows, !last.isEmpty else { throw SequentialError.tooFewStudies(outcome: outcome.name, k: 0) }
        let tables = try last.map { row -> (ArmCounts, ArmCounts) in
            guard case .twoByTwo(let treatment, let control) = row.data else {
                throw SequentialError.notDichotomous(outcome: outcome.name)
            }
            return (treatment, control)
        }
        guard Set(last.map(\.study)).count >= 2 else {
            throw SequentialError.tooFewStudies(outcome: outcome.name, k: Set(last.map(\.study)).count)
        }
        let measure = specification.measure ?? outcome.measure ?? .OR
        guard [.OR, .RR, .RD].contains(measure) else { throw SequentialError.measure(measure) }
        guard [.DL, .FE, .MH].contains(specification.method) else { throw SequentialError.method(specification.method) }
        var fixed = specification
        fixed.measure = measure
        var random = fixed
        random.method = .DL
        let heterogeneity = try OutcomeAnalysis.pool(outcome, rows: last, specification: random)
        let d2 = RequiredInformationSize.diversity(variances: heterogeneity.rows.map(\.vi), tau2: heterogeneity.tau2 ?? 0)
        let i2 = (heterogeneity.i2 ?? 0) / 100
        let controlRisk: Double
        switch plan.controlRisk {
        case .fixed(let p): controlRisk = p
        case .pooled:
            let events = tables.reduce(0) { $0 + $1.1.events }, total = tables.reduce(0) { $0 + $1.1.total }
            guard events > 0, total > 0 else { throw SequentialError.noControlEvents(outcome: outcome.name) }
            controlRisk = Double(events) / Double(total)
        }
        let size: RequiredInformationSize
        do {
            size = try RequiredInformationSize(
                controlRisk: controlRisk, relativeRiskReduction: plan.relativeRiskReduction, alpha: plan.alpha,
                power: plan.power)
        } catch MetaAnalysisError.impossibleDesign(let reason) {
            var seen: Set<String> = []
            let studies = last.map(\.study).filter { seen.insert($0).inserted }
            let pooledFrom = plan.controlRisk == .pooled ? studies : nil
            throw SequentialError.impossiblePlan(outcome: outcome.name, reason: reason, pooledFrom: pooledFrom)
        }
        let adjusted = size.adjusted(by: plan.adjustment == .d2 ? d2 : plan.adjustment == .i2 ? i2 : 0)
        var pooled: [(label: String, participants: Int, result: PooledOutcome)] = []
        for look in looks {
            let result = try OutcomeAnalysis.pool(outcome, rows: look.rows, specification: fixed)
            let participants = look.rows.reduce(0) { total, row in total + row.data.arms.reduce(0) { $0 + $1.total } }
            pooled.append((look.label, participants, result))
        }
        let fractions = pooled.map { Double($0.participants) / Double(adjusted) }
        let boundaries = SequentialBoundaries.efficacy(informationFractions: fractions, alpha: plan.alpha)
        let futility =
            plan.futility
            ? SequentialBoundaries.futility(informationFractions: fractions, alpha: plan.alpha, beta: 1 - plan.power).bounds
            : fractions.map { _ in nil }
        // The anticipated effect's side: a reduction (RRR > 0) means fewer events, a negative z.
        let side: Double = plan.relativeRiskReduction > 0 ? -1 : 1
        let monitored = pooled.indices.compactMap { index -> SequentialLook? in
            let result = pooled[index].result
            guard let estimate = result.estimate, let se = result.se else { return nil }
            let boundary = boundaries[index].isFinite ? boundaries[index] : nil
            return SequentialLook(
                label: pooled[index].label, participants: pooled[index].participants,
                informationFraction: fractions[index], z: estimate / se, boundary: boundary,
                futility: futility[index].flatMap { $0.isFinite ? side * $0 : nil }, estimate: estimate, se: se,
                ciLower: result.ciLower ?? .nan, ciUpper: result.ciUpper ?? .nan,
                tsaCILower: boundary.map { estimate - $0 * se }, tsaCIUpper: boundary.map { estimate + $0 * se })
        }
        return SequentialResult(
            outcome: outcome.name, measure: measure, method: specification.method, plan: plan, controlRisk: controlRisk,
            requiredInformationSize: size.participants, adjustedRequiredInformationSize: adjusted, d2: d2, i2: i2,
            looks: monitored, conclusion: conclusion(monitored, required: adjusted, side: side))
    }

    /// The first boundary crossed decides; otherwise how far the information has come.
    static func conclusion(_ looks: [SequentialLook], required: Int, side: Double) -> SequentialConclusion {
        for look in looks {
            if let boundary = look.boundary, abs(look.z) >= boundary {
                return .firmEvidence(look: look.label, z: look.z, boundary: boundary, fewerEvents: look.z < 0)
            }
            if let bound = look.futility, side * look.z < side * bound {
                return .futility(look: look.label, z: look.z, bound: bound)
            }
        }
        let accrued = looks.last?.participants ?? 0
        if accrued >= required { return .informationReached(participants: accrued, required: required) }
        return .notYetConclusive(
            fraction: Double(accrued) / Double(required), required: required, more: required - accrued)
    }
}
