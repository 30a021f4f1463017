/// Cochran's Q with I² and H² as `rma.uni` reports them (`i2def = "1"`), and the Knapp–Hartung
/// factor: the one assembly the full fit (`ModelFit`) and every deletion or cumulative step
/// (`DeletionFit`) use.
///
/// With df = k − p: FE gives I² = max(0, 100·(Q − df)/Q) and H² = Q/df; a random-effects model
/// gives I² = 100·τ²/(s² + τ²) and H² = τ²/s² + 1 with the typical within-study variance
/// s² = df/tr(P) of the fixed-effect fit. Without residual df: Q = 0, I² = 0, H² = 1.
///
/// Source: Higgins JPT, Thompson SG (2002) doi:10.1002/sim.1186; `metafor::rma.uni`.
struct Heterogeneity {
    var q: Double
    var i2: Double
    var h2: Double

    init(q rawQ: Double, df: Int, traceP: Double, tau2: Double, method: TauSquaredMethod) {
        guard df > 0 else {
            (q, i2, h2) = (0, 0, 1)
            return
        }
        let q = max(0, rawQ)
        self.q = q
        if method == .fixed {
            i2 = max(0, 100 * (q - Double(df)) / q)
            h2 = q / Double(df)
        } else {
            let typicalVariance = Double(df) / traceP
            i2 = 100 * tau2 / (typicalVariance + tau2)
            h2 = tau2 / typicalVariance + 1
        }
    }

    /// The Knapp–Hartung factor s² = Σw(y − ŷ)²/df scaling Var(β̂) (0 for an exact fit); 1 under z.
    static func knappHartungFactor(rss: Double, df: Int, test: WaldTest) -> Double {
        guard test == .knappHartung else { return 1 }
        return rss <= Double.ulpOfOne ? 0 : rss / Double(df)
    }
}
