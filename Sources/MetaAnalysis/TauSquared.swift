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
    /// `control$threshold`: Fisher scoring stops when |Δτ²| ≤ 1e-5.
    static let threshold = 1e-5
    /// `control$maxiter`.
    static let maxIterations = 100
    /// `.Machine$double.eps^0.25`: `uniroot`'s tolerance, and the margin of the ML/REML check against τ² = 0.
    static let rootTolerance = Double.pow(Double.ulpOfOne, 0.25)
}

/// What the τ² estimators take from the data before any weighting: the fixed-effect fit
/// (Cochran's Q and tr(P) at τ² = 0, for DL), the unweighted fit (its RSS and tr(P₀V), for HE),
/// and Σ(y − ȳ)² around the plain mean (SJ's start).
struct TauSquaredMoments {
    var q: Double
    var traceP: Double
    var unweightedRSS: Double
    var unweightedTracePV: Double
    var squaresAroundMean: Double
}

/// What an estimator asks of the weighted fit at a trial τ².
enum TauSquaredNeeds {
    /// The residual sum of squares (PM, SJ).
    case rss
    /// The terms of a Fisher scoring step for this estimator (ML, REML, EB).
    case scoring(TauSquaredMethod)
    /// The terms of the (restricted) log-likelihood (the ML/REML check against τ² = 0).
    case likelihood
}

/// The weighted fit with weights wᵢ = 1/(vᵢ + t), as far as τ² estimation looks at it; each
/// field is filled only when `TauSquaredNeeds` asks for it.
struct TauSquaredTerms {
    /// Σw(y − ŷ)².
    var rss = Double.nan
    /// y′PPy, Σw, Σw² (ML) and tr(P), tr(PP) (REML).
    var yPPy = Double.nan, sumW = Double.nan, sumW2 = Double.nan, traceP = Double.nan, tracePP = Double.nan
    /// Σlog(vᵢ + t) and log det(X′WX).
    var sumLogV = Double.nan, logDetCrossProduct = Double.nan
}

/// τ² exactly as `metafor:::rma.uni` computes it, for any feed of the data: the design matrix
/// (`estimateTauSquared(y:v:design:method:)`) or running sums over a subset of an intercept-only
/// model (`estimateTauSquared(_:method:mad:sums:)`, deletions and cumulative steps).
///
/// DL = (Q − (k − p))/tr(P); HE = (RSS₀ − tr(P₀V))/(k − p); SJ from τ₀² = Σ(y − ȳ)²/k:
/// τ₀²·RSS(τ₀²)/(k − p); ML, REML and EB by Fisher scoring from max(0, HE) with step halving
/// while τ² + Δ < 0, until |Δ| ≤ 1e-5 (at most 100 steps), ML and REML then set to 0 when the
/// likelihood at 0 is higher by more than the tolerance; PM the root of RSS(τ²) = k − p by
/// `uniroot` over [0, max(100, 10·mad(y)²)]. Negative values are truncated at 0.
///
/// metafor skips the check against τ² = 0 when a sampling variance is 0 (`allvipos`):
/// `allVariancesPositive` says whether it may run.
///
/// - Throws: `.didNotConverge` when scoring does not settle, `.searchLimitTooLow` when PM's bracket
///   holds no root, `.rootSearchFailed` when `uniroot` fails, and whatever `fit` throws.
func estimateTauSquared(
    k: Int, p: Int, method: TauSquaredMethod, allVariancesPositive: Bool = true,
    moments: () throws -> TauSquaredMoments, mad: () -> Double,
    fit: (_ tau2: Double, _ needs: TauSquaredNeeds) throws -> TauSquaredTerms
) throws -> Double {
    if k == 1 || method == .fixed { return 0 }
    let kp = Double(k - p)
    var tau2: Double
    switch method {
    case .fixed:
        return 0
    case .derSimonianLaird:
        let m = try moments()
        tau2 = (m.q - kp) / m.traceP
    case .hedges:
        let m = try moments()
        tau2 = (m.unweightedRSS - m.unweightedTracePV) / kp
    case .sidikJonkman:
        let tau0 = try moments().squaresAroundMean / Double(k)
        tau2 = tau0 * (try fit(tau0, .rss)).rss / kp
    case .pauleMandel:
        func q(_ t: Double) -> Double { ((try? fit(t, .rss))?.rss ?? .nan) - kp }
        let m = mad()
        let upper = max(100, 10 * m * m)
        let fLower = q(0)
        if fLower < 0 { return 0 }
        let fUpper = q(upper)
        guard fUpper <= 0 else { throw MetaAnalysisError.searchLimitTooLow(estimator: "PM", limit: upper) }
        guard
            let root = zeroin(
                lower: 0, upper: upper, fLower: fLower, fUpper: fUpper, tolerance: TauSquaredControl.rootTolerance,
                maxIterations: TauSquaredControl.maxIterations, q)
        else { throw MetaAnalysisError.rootSearchFailed(estimator: "PM") }
        tau2 = root
    case .maximumLikelihood, .restrictedMaximumLikelihood, .empiricalBayes:
        let m = try moments()
        tau2 = max(0, (m.unweightedRSS - m.unweightedTracePV) / kp)
        var change = TauSquaredControl.threshold + 1
        var iterations = 0
        while change > TauSquaredControl.threshold {
            iterations += 1
            let old = tau2
            let f = try fit(tau2, .scoring(method))
            var adjustment: Double
            switch method {
            case .maximumLikelihood: adjustment = (f.yPPy - f.sumW) / f.sumW2
            case .restrictedMaximumLikelihood: adjustment = (f.yPPy - f.traceP) / f.tracePP
            default: adjustment = (f.rss * Double(k) / kp - Double(k)) / f.sumW
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
        if method != .empiricalBayes, allVariancesPositive, tau2 > TauSquaredControl.threshold {
            let restricted = method == .restrictedMaximumLikelihood
            func logLikelihood(_ t: Double) throws -> Double {
                let f = try fit(t, .likelihood)
                let dimension = restricted ? kp : Double(k)
                return -0.5 * dimension * Double.log(2 * Double.pi) - 0.5 * f.sumLogV
                    - (restricted ? 0.5 * f.logDetCrossProduct : 0) - 0.5 * f.rss
            }
            if try logLikelihood(0) - logLikelihood(tau2) > TauSquaredControl.rootTolerance { tau2 = 0 }
        }
    }
    return max(0, tau2)
}

/// R's `mad(x)`: `constant` · median(|x − median(x)|).
func medianAbsoluteDeviation(_ x: [Double]) -> Double {
    let m = median(x)
    return madConstant * median(x.map { abs($0 - m) })
}

/// R's `mad()` default `constant = 1.4826` (≈ 1/Φ⁻¹(3/4), so that the MAD estimates σ of normal data);
/// metafor's PM bracket uses `mad(yi)` with it.
let madConstant = 1.4826

/// R's `median`.
func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    let n = s.count
    guard n > 0 else { return .nan }
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}
