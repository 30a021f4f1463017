import RealModule

/// How the between-study variance τ² is estimated (`method` in `metafor::rma`).
///
/// Raw values are metafor's method names, for the CLI.
public enum TauSquaredMethod: String, CaseIterable, Sendable {
    /// Fixed (common) effect: τ² = 0, inverse-variance weights.
    case fixed = "FE"
    /// DerSimonian–Laird method of moments. doi:10.1016/0197-2456(86)90046-2
    case derSimonianLaird = "DL"
    /// Restricted maximum likelihood (Fisher scoring). doi:10.3102/10769986030003261
    case restrictedMaximumLikelihood = "REML"
    /// Maximum likelihood (Fisher scoring).
    case maximumLikelihood = "ML"
    /// Paule–Mandel generalized Q (root of Q(τ²) = k − p). doi:10.6028/jres.087.022
    case pauleMandel = "PM"
    /// Hedges (unweighted method of moments). doi:10.1037/0033-2909.93.2.388
    case hedges = "HE"
    /// Sidik–Jonkman two-step. doi:10.1002/sim.2688
    case sidikJonkman = "SJ"
    /// Empirical Bayes (Morris). doi:10.1080/01621459.1983.10477920
    case empiricalBayes = "EB"
}

/// metafor's `rma.uni` control defaults.
enum TauSquaredControl {
    static let threshold = 1e-5
    static let maxIterations = 100
    static let rootTolerance = Double.pow(Double.ulpOfOne, 0.25)
}

/// τ² exactly as `metafor:::rma.uni` computes it for the design `x`, including its iteration
/// rules (Fisher scoring from the HE start with step halving, convergence on |Δτ²| ≤ 1e-5,
/// the ML/REML check against τ² = 0, `uniroot` for PM over [0, max(100, 10·mad(y)²)]).
func estimateTauSquared(
    y: [Double], v: [Double], design x: DesignMatrix,
    method: TauSquaredMethod
) throws -> Double {
    let k = x.rows, p = x.columns
    if k == 1 || method == .fixed { return 0 }
    let kp = Double(k - p)
    func fit(_ tau2: Double) throws -> WeightedFit {
        if tau2 <= 0, v.contains(0) { throw MetaAnalysisError.zeroVarianceWithoutHeterogeneity }
        guard let f = WeightedFit(y: y, weights: v.map { 1 / ($0 + tau2) }, design: x) else {
            throw MetaAnalysisError.singularDesign(columns: p)
        }
        return f
    }
    var tau2: Double
    switch method {
    case .fixed:
        return 0
    case .derSimonianLaird:
        let f = try fit(0)
        tau2 = (f.rss - kp) / f.traceP(x)
    case .hedges, .maximumLikelihood, .restrictedMaximumLikelihood, .empiricalBayes:
        tau2 = try hedgesEstimate(y: y, v: v, design: x)
        if method == .hedges { break }
        tau2 = max(0, tau2)
        var change = TauSquaredControl.threshold + 1
        var iterations = 0
        while change > TauSquaredControl.threshold {
            iterations += 1
            let old = tau2
            let f = try fit(tau2)
            var adjustment: Double
            switch method {
            case .maximumLikelihood:
                let sw = f.weights.reduce(0, +), sw2 = f.weights.reduce(0) { $0 + $1 * $1 }
                adjustment = (f.rssSquared - sw) / sw2
            case .restrictedMaximumLikelihood:
                let t = f.traces(x)
                adjustment = (f.rssSquared - t.p) / t.pp
            default:
                let sw = f.weights.reduce(0, +)
                adjustment = (f.rss * Double(k) / kp - Double(k)) / sw
            }
            if adjustment.isNaN { adjustment = 0 }
            while tau2 + adjustment < 0 { adjustment /= 2 }
            tau2 += adjustment
            change = abs(old - tau2)
            if iterations > TauSquaredControl.maxIterations {
                throw MetaAnalysisError.didNotConverge(
                    estimator: "\(method.rawValue) (Fisher scoring)", iterations: iterations)
            }
        }
        // metafor skips the check against τ² = 0 when a sampling variance is 0 (`allvipos`).
        if method != .empiricalBayes, v.allSatisfy({ $0 > 0 }) {
            let ll0 = try logLikelihood(fit(0), v: v, tau2: 0, design: x, restricted: method == .restrictedMaximumLikelihood)
            let ll = try logLikelihood(fit(tau2), v: v, tau2: tau2, design: x, restricted: method == .restrictedMaximumLikelihood)
            if ll0 - ll > TauSquaredControl.rootTolerance && tau2 > TauSquaredControl.threshold { tau2 = 0 }
        }
    case .sidikJonkman:
        let mean = y.reduce(0, +) / Double(k)
        let tau0 = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(k)
        tau2 = tau0 * (try fit(tau0)).rss / kp
    case .pauleMandel:
        let q: (Double) -> Double = { t in ((try? fit(t))?.rss ?? .nan) - kp }
        let upper = max(100, 10 * medianAbsoluteDeviation(y) * medianAbsoluteDeviation(y))
        let fLower = q(0)
        if fLower < 0 {
            tau2 = 0
        } else {
            let fUpper = q(upper)
            guard fUpper <= 0 else { throw MetaAnalysisError.searchLimitTooLow(estimator: "PM", limit: upper) }
            guard
                let root = zeroin(
                    lower: 0, upper: upper, fLower: fLower, fUpper: fUpper,
                    tolerance: TauSquaredControl.rootTolerance,
                    maxIterations: TauSquaredControl.maxIterations, q)
            else {
                throw MetaAnalysisError.rootSearchFailed(estimator: "PM")
            }
            tau2 = root
        }
    }
    return max(0, tau2)
}

/// The Hedges (HE) estimate (RSS₀ − tr(P₀V))/(k − p) from the unweighted fit.
func hedgesEstimate(y: [Double], v: [Double], design x: DesignMatrix) throws -> Double {
    guard let ols = WeightedFit(y: y, weights: Array(repeating: 1, count: y.count), design: x) else {
        throw MetaAnalysisError.singularDesign(columns: x.columns)
    }
    let h = ols.leverageFactors(x)
    var trPV = 0.0
    for i in 0..<y.count { trPV += v[i] * (1 - h[i]) }
    return (ols.rss - trPV) / Double(x.rows - x.columns)
}

/// The (restricted) log-likelihood of the random-effects model at τ², as in `rma.uni`.
func logLikelihood(_ f: WeightedFit, v: [Double], tau2: Double, design x: DesignMatrix, restricted: Bool) -> Double {
    let k = Double(x.rows), p = Double(x.columns)
    let sumLog = v.reduce(0) { $0 + Double.log($1 + tau2) }
    if restricted {
        return -0.5 * (k - p) * Double.log(2 * Double.pi) - 0.5 * sumLog - 0.5 * f.logDetCrossProduct - 0.5 * f.rss
    }
    return -0.5 * k * Double.log(2 * Double.pi) - 0.5 * sumLog - 0.5 * f.rss
}

/// R's `mad(x)`: 1.4826 · median(|x − median(x)|).
func medianAbsoluteDeviation(_ x: [Double]) -> Double {
    let m = median(x)
    return 1.4826 * median(x.map { abs($0 - m) })
}

/// R's `median`.
func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    let n = s.count
    guard n > 0 else { return .nan }
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}
