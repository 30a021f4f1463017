import MetaAnalysis

/// How one analysis is run: every choice that changes its numbers, as values.
///
/// `pool`, `cumulative`, `report`, `export --metafor` and `snapshot diff` build one from their
/// options; the defaults reproduce metafor 3.8's (`escalc` + `rma`, DerSimonian–Laird, Wald z).
public struct AnalysisSpecification: Equatable, Sendable {
    /// The effect measure; nil: the outcome's own (OR for 2×2 data, PLO for single arms).
    public var measure: Measure?
    public var method: PoolingMethod
    public var ciMethod: CIMethod
    public var correction: Correction
    /// Which studies to leave out for their risk of bias; nil: none.
    public var riskOfBiasExclusion: RiskOfBiasExclusion?
    /// Pool per level of this study characteristic; nil: one analysis.
    public var subgroup: String?
    /// Run trim-and-fill (`trimfill()`) on inverse-variance models.
    public var trimFill: Bool

    public init(
        measure: Measure? = nil, method: PoolingMethod = .DL, ciMethod: CIMethod = .wald, correction: Correction = .only0,
        riskOfBiasExclusion: RiskOfBiasExclusion? = nil, subgroup: String? = nil, trimFill: Bool = false
    ) {
        self.trimFill = trimFill
        self.measure = measure
        self.method = method
        self.ciMethod = ciMethod
        self.correction = correction
        self.riskOfBiasExclusion = riskOfBiasExclusion
        self.subgroup = subgroup
    }

    /// The Wald test of inverse-variance models: z, or Knapp–Hartung's t on k − 1 df.
    public var test: WaldTest { ciMethod == .hksj ? .knappHartung : .z }
}

/// Pooling methods: a τ² estimator of `rma`, or Mantel–Haenszel / Peto on 2×2 tables.
public enum PoolingMethod: String, CaseIterable, Sendable {
    case FE, DL, REML, PM, ML, HE, SJ, EB, MH, PETO

    /// The inverse-variance model's τ² estimator; nil for MH and PETO.
    public var tauSquared: TauSquaredMethod? { TauSquaredMethod(rawValue: rawValue) }

    /// The method in words: "random effects, DerSimonian–Laird", ….
    public var name: String {
        switch self {
        case .FE: "fixed effect (inverse variance)"
        case .DL: "random effects, DerSimonian–Laird"
        case .REML: "random effects, REML"
        case .PM: "random effects, Paule–Mandel"
        case .ML: "random effects, ML"
        case .HE: "random effects, Hedges"
        case .SJ: "random effects, Sidik–Jonkman"
        case .EB: "random effects, empirical Bayes"
        case .MH: "fixed effect, Mantel–Haenszel"
        case .PETO: "fixed effect, Peto"
        }
    }
}

/// How the confidence interval and test are built.
public enum CIMethod: String, CaseIterable, Sendable {
    /// Wald z.
    case wald
    /// Knapp–Hartung (Sidik–Jonkman) t on k − 1 df.
    case hksj
}

/// What to add to 2×2 cells before computing an effect.
public enum Correction: String, CaseIterable, Sendable {
    /// metafor's default: 1/2 to every cell of a table with a zero cell; double zeros kept.
    case only0
    /// 1/2 to every cell of every table.
    case all
    /// Nothing: an OR or RR of a table with a zero cell is undefined and the row is left out; a
    /// double-zero RD is 0 with variance 0 and stays (FE, DL and PM then refuse, as metafor).
    case none
    /// Drop double-zero tables, then metafor's default.
    case drop00

    public var zeroCell: ZeroCellCorrection {
        switch self {
        case .only0: .metafor
        case .all: .allHalf
        case .none: .none
        case .drop00: .dropDoubleZero
        }
    }
}
