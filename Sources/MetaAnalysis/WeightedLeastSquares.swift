import RealModule

/// A weighted least-squares fit of y on X with weights w, and the quadratic forms of
/// P = W − W X (Xᵀ W X)⁻¹ Xᵀ W that the τ² estimators need, all in O(k·p²).
///
/// Source: `metafor:::rma.uni` (the matrices P, RSS = yᵀPy, tr(P), yᵀPPy, tr(PP)).
struct WeightedFit {
    var beta: [Double]
    /// (Xᵀ W X)⁻¹.
    var covariance: SymmetricMatrix
    var logDetCrossProduct: Double
    /// yᵀ P y = Σ wᵢ eᵢ².
    var rss: Double
    var weights: [Double]
    var residuals: [Double]

    init?(y: [Double], weights w: [Double], design x: DesignMatrix) {
        let a = x.crossProduct(weights: w)
        guard let (inverse, logDet) = a.inverse() else { return nil }
        let b = inverse.times(x.crossProduct(weights: w, y))
        var residuals = y
        var rss = 0.0
        for i in 0..<x.rows {
            var fitted = 0.0
            for j in 0..<x.columns { fitted += x.values[i * x.columns + j] * b[j] }
            residuals[i] = y[i] - fitted
            rss += w[i] * residuals[i] * residuals[i]
        }
        self.beta = b
        self.covariance = inverse
        self.logDetCrossProduct = logDet
        self.rss = rss
        self.weights = w
        self.residuals = residuals
    }

    /// xᵢᵀ (Xᵀ W X)⁻¹ xᵢ for every row.
    func leverageFactors(_ x: DesignMatrix) -> [Double] {
        (0..<x.rows).map { i in
            let row = Array(x.row(i))
            return covariance.bilinear(row, row)
        }
    }

    /// tr(P) = Σ (wᵢ − wᵢ² qᵢ).
    func traceP(_ x: DesignMatrix) -> Double {
        let q = leverageFactors(x)
        var total = 0.0
        for i in 0..<x.rows { total += weights[i] - weights[i] * weights[i] * q[i] }
        return total
    }

    /// yᵀ P P y = Σ (wᵢ eᵢ)².
    var rssSquared: Double {
        var total = 0.0
        for i in 0..<weights.count { total += (weights[i] * residuals[i]) * (weights[i] * residuals[i]) }
        return total
    }

    /// (tr(P), tr(PP)), with tr(PP) = Σw² − 2Σw³q + tr(A⁻¹ C A⁻¹ C), C = Xᵀ W² X.
    func traces(_ x: DesignMatrix) -> (p: Double, pp: Double) {
        let q = leverageFactors(x)
        var trP = 0.0, sumW2 = 0.0, sumW3q = 0.0
        for i in 0..<x.rows {
            let w = weights[i]
            trP += w - w * w * q[i]
            sumW2 += w * w
            sumW3q += w * w * w * q[i]
        }
        let c = x.crossProduct(weights: weights.map { $0 * $0 })
        let n = x.columns
        // M = A⁻¹ C; tr(M M).
        var m = Array(repeating: 0.0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { m[i * n + j] += covariance[i, k] * c[k, j] } } }
        var trMM = 0.0
        for i in 0..<n { for j in 0..<n { trMM += m[i * n + j] * m[j * n + i] } }
        return (trP, sumW2 - 2 * sumW3q + trMM)
    }
}
