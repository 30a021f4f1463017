/// Cumulative meta-analysis: the pooled result after each study is added in a given order (`metafor::cumul`).
///
/// Step i pools studies 1…i with the same τ² method and test (metafor uses a z test while
/// only one study is in). Each step is a full refit, O(k²) overall.
///
/// Source: `metafor::cumul.rma.uni`; Lau J et al. (1992) doi:10.1056/NEJM199207233270406.
public enum Cumulative {
    /// The pooled estimate after each study, in the order given (sort `effects` first, e.g. by year).
    public static func analyze(_ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
                               test: WaldTest = .z, level: Double = 0.95) throws -> [CumulativeStep] {
        var steps: [CumulativeStep] = []
        steps.reserveCapacity(effects.count)
        for n in 1..<(effects.count + 1) {
            let pooled = try MetaAnalysis.fit(Array(effects[0..<n]), method: method, test: test, level: level)
            steps.append(CumulativeStep(k: n, estimate: pooled.estimate, se: pooled.se, statistic: pooled.statistic,
                                        p: pooled.p, ciLower: pooled.ciLower, ciUpper: pooled.ciUpper,
                                        q: pooled.q, qP: pooled.qP, tau2: pooled.tau2, i2: pooled.i2, h2: pooled.h2))
        }
        return steps
    }
}

/// One step of a cumulative meta-analysis.
public struct CumulativeStep: Equatable, Sendable {
    /// Number of studies pooled so far.
    public var k: Int
    public var estimate: Double
    public var se: Double
    public var statistic: Double
    public var p: Double
    public var ciLower: Double
    public var ciUpper: Double
    public var q: Double
    public var qP: Double
    public var tau2: Double
    public var i2: Double
    public var h2: Double
}
