import RealModule

/// A small dense symmetric positive-definite matrix (p × p, row-major) with its Cholesky factor.
///
/// Meta-regression designs have a handful of columns, so O(p³) factorizations are negligible
/// next to the O(k·p²) cross products.
struct SymmetricMatrix {
    var n: Int
    var values: [Double]

    init(n: Int, values: [Double]) {
        self.n = n
        self.values = values
    }

    init(zeros n: Int) {
        self.init(n: n, values: Array(repeating: 0, count: n * n))
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * n + j] }
        set { values[i * n + j] = newValue }
    }

    /// The lower Cholesky factor L with L·Lᵀ = self, or nil if not positive definite.
    func cholesky() -> [Double]? {
        var l = Array(repeating: 0.0, count: n * n)
        let scale = (0..<n).map { abs(self[$0, $0]) }.max() ?? 0
        for j in 0..<n {
            var diagonal = self[j, j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 1e-13 * max(scale, .leastNormalMagnitude) else { return nil }
            let ljj = diagonal.squareRoot()
            l[j * n + j] = ljj
            for i in (j + 1)..<max(n, j + 1) {
                var s = self[i, j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / ljj
            }
        }
        return l
    }

    /// The inverse and log-determinant, or nil if singular.
    func inverse() -> (inverse: SymmetricMatrix, logDeterminant: Double)? {
        guard let l = cholesky() else { return nil }
        var logDet = 0.0
        for i in 0..<n { logDet += 2 * Double.log(l[i * n + i]) }
        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            li[i * n + i] = 1 / l[i * n + i]
            for j in 0..<i {
                var s = 0.0
                for k in j..<i { s -= l[i * n + k] * li[k * n + j] }
                li[i * n + j] = s / l[i * n + i]
            }
        }
        var result = SymmetricMatrix(zeros: n)
        for i in 0..<n {
            for j in 0...i {
                var s = 0.0
                for k in i..<n { s += li[k * n + i] * li[k * n + j] }
                result[i, j] = s
                result[j, i] = s
            }
        }
        return (result, logDet)
    }

    /// xᵀ · self · y.
    func bilinear(_ x: [Double], _ y: [Double]) -> Double {
        var total = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += self[i, j] * y[j] }
            total += x[i] * row
        }
        return total
    }

    /// self · x.
    func times(_ x: [Double]) -> [Double] {
        (0..<n).map { i in (0..<n).reduce(0) { $0 + self[i, $1] * x[$1] } }
    }

    /// The submatrix of the given rows and columns.
    func sub(_ indices: [Int]) -> SymmetricMatrix {
        var m = SymmetricMatrix(zeros: indices.count)
        for (a, i) in indices.enumerated() {
            for (b, j) in indices.enumerated() { m[a, b] = self[i, j] }
        }
        return m
    }
}

/// A k × p design matrix stored row-major.
struct DesignMatrix {
    var rows: Int
    var columns: Int
    var values: [Double]

    /// The intercept-only design (a column of ones).
    static func intercept(_ k: Int) -> DesignMatrix {
        DesignMatrix(rows: k, columns: 1, values: Array(repeating: 1, count: k))
    }

    func row(_ i: Int) -> ArraySlice<Double> { values[(i * columns)..<((i + 1) * columns)] }

    /// The design without row `i`.
    func deleting(_ i: Int) -> DesignMatrix {
        var v = values
        v.removeSubrange((i * columns)..<((i + 1) * columns))
        return DesignMatrix(rows: rows - 1, columns: columns, values: v)
    }

    /// The first `n` rows.
    func prefix(_ n: Int) -> DesignMatrix {
        DesignMatrix(rows: n, columns: columns, values: Array(values[0..<(n * columns)]))
    }

    /// Xᵀ·diag(w)·X.
    func crossProduct(weights w: [Double]) -> SymmetricMatrix {
        var m = SymmetricMatrix(zeros: columns)
        for i in 0..<rows {
            let base = i * columns
            for a in 0..<columns {
                let xa = values[base + a] * w[i]
                for b in 0...a { m.values[a * columns + b] += xa * values[base + b] }
            }
        }
        for a in 0..<columns { for b in 0..<a { m[b, a] = m[a, b] } }
        return m
    }

    /// Xᵀ·diag(w)·y.
    func crossProduct(weights w: [Double], _ y: [Double]) -> [Double] {
        var out = Array(repeating: 0.0, count: columns)
        for i in 0..<rows {
            let wy = w[i] * y[i]
            for a in 0..<columns { out[a] += values[i * columns + a] * wy }
        }
        return out
    }
}
