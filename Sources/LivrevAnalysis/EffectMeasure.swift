import MetaAnalysis

/// The scale an analysis reports on: a measure computed from counts, a ratio the rows were
/// reported as (all on the same one, e.g. HR), or generic effects on their own scale.
public enum EffectMeasure: Hashable, Sendable {
    /// OR, RR, RD (2×2 tables) or PLO, PFT (single arms); also ratios reported as OR or RR.
    case measure(Measure)
    /// Ratios reported with their CIs on another scale: "HR", ….
    case ratio(String)
    /// Effects with standard errors, or ratios on differing scales.
    case generic

    /// From the code a registry and the JSON use: "OR", "PLO", "HR", "GEN".
    public init(code: String) {
        if let measure = Measure(rawValue: code) {
            self = .measure(measure)
        } else {
            self = code == "GEN" ? .generic : .ratio(code)
        }
    }

    /// "OR", "RR", "RD", "PLO", "PFT", the reported ratio's name ("HR"), or "GEN".
    public var code: String {
        switch self {
        case .measure(let measure): measure.rawValue
        case .ratio(let name): name
        case .generic: "GEN"
        }
    }

    /// Whether the analysis scale is the log of a ratio (shown back with exp).
    public var isRatio: Bool {
        switch self {
        case .measure(let measure): measure == .OR || measure == .RR
        case .ratio: true
        case .generic: false
        }
    }

    /// Whether it is a single-arm proportion (logit or double arcsine).
    public var isProportion: Bool { self == .measure(.PLO) || self == .measure(.PFT) }

    /// Whether it contrasts a treatment with a control arm's events (OR, RR, RD).
    public var comparesArms: Bool { self == .measure(.OR) || self == .measure(.RR) || self == .measure(.RD) }

    /// The scale's name for the reader: "log OR", "log RR", "RD", "logit proportion", ….
    public var scaleName: String {
        switch self {
        case .measure(.OR): "log OR"
        case .measure(.RR): "log RR"
        case .measure(.RD): "RD"
        case .measure(.PLO): "logit proportion"
        case .measure(.PFT): "double-arcsine proportion"
        case .ratio(let name): "log \(name)"
        case .generic: "effect"
        }
    }
}
