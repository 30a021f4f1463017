/// Brent's root finder exactly as R's `uniroot` (`R_zeroin2`), so iterative τ² estimators that
/// metafor solves with `uniroot(tol = .Machine$double.eps^0.25)` stop at the same point.
///
/// Source: Brent RP (1973). Algorithms for Minimization without Derivatives, ch. 4;
/// R `src/library/stats/src/zeroin.c`.
func zeroin(
    lower ax: Double, upper bx: Double, fLower fa0: Double, fUpper fb0: Double,
    tolerance tol: Double, maxIterations: Int, _ f: (Double) -> Double
) -> Double? {
    var a = ax, b = bx, fa = fa0, fb = fb0
    var c = a, fc = fa
    let epsilon = Double.ulpOfOne
    if fa == 0 { return a }
    if fb == 0 { return b }
    var remaining = maxIterations + 1
    while remaining > 0 {
        remaining -= 1
        let previousStep = b - a
        if abs(fc) < abs(fb) {
            a = b; b = c; c = a
            fa = fb; fb = fc; fc = fa
        }
        let tolAct = 2 * epsilon * abs(b) + tol / 2
        var newStep = (c - b) / 2
        if abs(newStep) <= tolAct || fb == 0 { return b }
        if abs(previousStep) >= tolAct && abs(fa) > abs(fb) {
            var p: Double, q: Double
            let cb = c - b
            if a == c {
                let t1 = fb / fa
                p = cb * t1
                q = 1 - t1
            } else {
                let qa = fa / fc, t1 = fb / fc, t2 = fb / fa
                p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
                q = (qa - 1) * (t1 - 1) * (t2 - 1)
            }
            if p > 0 { q = -q } else { p = -p }
            if p < (0.75 * cb * q - abs(tolAct * q) / 2) && p < abs(previousStep * q / 2) {
                newStep = p / q
            }
        }
        if abs(newStep) < tolAct { newStep = newStep > 0 ? tolAct : -tolAct }
        a = b; fa = fb
        b += newStep
        fb = f(b)
        if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) { c = a; fc = fa }
    }
    return nil
}
