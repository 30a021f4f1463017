/// An L2-regularised, L2-loss (squared hinge) linear support vector machine with an intercept,
/// fitted by dual coordinate descent, warm-started from the previous fit.
///
/// Minimises `½‖w‖² + Σᵢ Cᵢ max(0, 1 − yᵢ wᵀxᵢ)²` over `w` (the intercept is a weight on a
/// constant feature 1, regularised like the others, as liblinear and scikit-learn's `LinearSVC`
/// with `intercept_scaling=1` do). The dual `min ½αᵀQ̄α − eᵀα, α ≥ 0` with `Q̄ = Q + D`,
/// `Dᵢᵢ = 1/(2Cᵢ)`, is solved one coordinate at a time in a seeded random order, with
/// liblinear's shrinking and its stopping rule (max − min projected gradient ≤ `tolerance`).
///
/// Adding a label leaves every earlier `αᵢ` feasible, so a refit after one more decision starts
/// from the last solution and needs a few passes: that is what makes retraining per decision cheap.
/// The weights cover the shared terms only; a private term's part of `w · xᵢ` is
/// `αᵢ yᵢ · privateMass[i]` (see `TextFeatures`), folded into each gradient and score.
///
/// While the training rows are few (`GramCache.limit`) and each fit adds only a few, the fit keeps
/// their Gram matrix and each row's margin `w · xᵢ` instead of touching sparse rows: a coordinate
/// step then updates the margins along one contiguous row of the matrix, which is several times
/// cheaper than a sparse dot product and update, and `w` is brought up to date once per fit. The
/// iterates are the same (the same coordinates in the same order, the same steps), up to rounding.
///
/// Source: Hsieh, Chang, Lin, Keerthi & Sundararajan (2008), "A dual coordinate descent method for
/// large-scale linear SVM", ICML, doi:10.1145/1390156.1390208 (Algorithm 1 and §3.2); liblinear
/// `solve_l2r_l1l2_svc`.
struct LinearSVM {
    /// `C` of `LinearSVC` (ASReview's default: 0.11).
    let cost: Double
    /// liblinear's `eps` (scikit-learn's `tol` default: 1e-4).
    let tolerance: Double
    /// Passes over the data at most (scikit-learn's default: 1000).
    let maximumPasses: Int

    /// The weights over `features.sharedTermCount` terms plus the intercept (last).
    private(set) var weights: [Double]
    /// Each row's dual variable (0 when not trained on) and its label's sign (+1 / −1, 0 when
    /// not trained on).
    private var dual: [Double] = []
    private var sign: [Double] = []
    /// The Gram matrix of the rows trained on, while it pays.
    private var gram = GramCache()
    /// Passes over the training rows so far, all fits together (for the benchmark).
    private(set) var passes = 0

    init(termCount: Int, cost: Double, tolerance: Double = 1e-4, maximumPasses: Int = 1000) {
        self.cost = cost
        self.tolerance = tolerance
        self.maximumPasses = maximumPasses
        weights = Array(repeating: 0, count: termCount + 1)
    }

    /// Refits on `rows` with labels `labels` (true = include) and per-row weights `rowWeights`
    /// (`Cᵢ = cost · rowWeights[i]`), starting from the previous solution.
    mutating func fit(
        _ features: TextFeatures, rows: [Int], labels: [Bool], rowWeights: [Double], random: inout RandomSource
    ) {
        precondition(weights.count == features.sharedTermCount + 1)
        if dual.count != features.count {
            dual = Array(repeating: 0, count: features.count)
            sign = Array(repeating: 0, count: features.count)
            gram = GramCache()
        }
        let count = rows.count
        let y = labels.map { $0 ? 1.0 : -1.0 }
        var current = [Double](repeating: 0, count: features.count)
        for (row, label) in zip(rows, y) { current[row] = label }
        // Held in locals while the loops run, so no access to `self` overlaps another.
        var weights = self.weights
        var dual = self.dual
        var sign = self.sign
        var gram = self.gram
        self.weights = []
        self.dual = []
        self.sign = []
        self.gram = GramCache()
        defer {
            self.weights = weights
            self.dual = dual
            self.sign = sign
            self.gram = gram
        }
        var problem = DualProblem(count: count)
        features.withRows { x in
            weights.withUnsafeMutableBufferPointer { w in
                // Drop what no longer holds (rows unlabelled since, or relabelled), in row order.
                for row in 0..<dual.count where sign[row] != 0 && sign[row] != current[row] {
                    x.add(-dual[row] * sign[row], row: row, to: w)
                    dual[row] = 0
                    sign[row] = 0
                    gram.remove(row: row)
                }
                for i in 0..<count {
                    problem.alpha[i] = dual[rows[i]]
                    problem.diagonal[i] = 0.5 / (cost * rowWeights[i]) + x.privateMass[rows[i]]
                    problem.qd[i] = 0.5 / (cost * rowWeights[i]) + features.squaredNorm(row: rows[i])
                    problem.y[i] = y[i]
                }
                if gram.pays(adding: rows, count: count) {
                    gram.add(rows: rows, from: x)
                    var coordinates = gram.coordinates(rows: rows, weights: UnsafeBufferPointer(w), x: x)
                    passes += problem.solve(
                        &coordinates, tolerance: tolerance, maximumPasses: maximumPasses, random: &random)
                    for i in 0..<count where problem.alpha[i] != dual[rows[i]] {
                        x.add((problem.alpha[i] - dual[rows[i]]) * y[i], row: rows[i], to: w)
                    }
                } else {
                    gram = GramCache()
                    var coordinates = SparseCoordinates(x: x, weights: w, rows: rows)
                    passes += problem.solve(
                        &coordinates, tolerance: tolerance, maximumPasses: maximumPasses, random: &random)
                }
            }
        }
        for (i, row) in rows.enumerated() {
            dual[row] = problem.alpha[i]
            sign[row] = y[i]
        }
    }

    /// `w · x + intercept` of each of `rows` (a trained row's private terms included).
    func scores(_ features: TextFeatures, rows: [Int]) -> [Double] {
        features.withRows { x in
            weights.withUnsafeBufferPointer { w in
                rows.map { row in
                    let own = dual.isEmpty ? 0 : dual[row] * sign[row] * x.privateMass[row]
                    return x.dot(w, row: row) + own
                }
            }
        }
    }
}

/// Where a coordinate step reads `w · xᵢ` (shared terms and intercept) and moves `w` by
/// `δ · xᵢ`: the sparse rows themselves, or the margins kept through the Gram matrix.
protocol DualCoordinates {
    mutating func margin(_ i: Int) -> Double
    mutating func move(_ i: Int, by delta: Double)
}

/// `w` itself, read and moved through the sparse rows.
struct SparseCoordinates: DualCoordinates {
    let x: SparseRows
    let weights: UnsafeMutableBufferPointer<Double>
    let rows: [Int]

    @inline(__always)
    func margin(_ i: Int) -> Double { x.dot(UnsafeBufferPointer(weights), row: rows[i]) }

    @inline(__always)
    func move(_ i: Int, by delta: Double) { x.add(delta, row: rows[i], to: weights) }
}

/// The dual problem of one fit, solved by liblinear's coordinate descent with shrinking.
struct DualProblem {
    var alpha: [Double]
    /// `Dᵢᵢ` plus the private terms' `‖xᵢ‖²` (what the gradient adds per unit of `αᵢ`).
    var diagonal: [Double]
    /// `Q̄ᵢᵢ = Dᵢᵢ + ‖xᵢ‖² + 1`.
    var qd: [Double]
    var y: [Double]

    init(count: Int) {
        alpha = Array(repeating: 0, count: count)
        diagonal = alpha
        qd = alpha
        y = alpha
    }

    /// Runs passes until the projected gradients span at most `tolerance`; returns the passes made.
    @inline(__always)
    mutating func solve<C: DualCoordinates>(
        _ coordinates: inout C, tolerance: Double, maximumPasses: Int, random: inout RandomSource
    ) -> Int {
        let count = alpha.count
        var index = Array(0..<count)
        var activeSize = count
        var maximumOld = Double.infinity
        var passes = 0
        while passes < maximumPasses {
            var maximumNew = -Double.infinity
            var minimumNew = Double.infinity  // no upper bound on α, so only the max shrinks
            for position in 0..<activeSize {
                index.swapAt(position, position + random.below(activeSize - position))
            }
            var position = 0
            while position < activeSize {
                let i = index[position]
                let a = alpha[i]
                let gradient = y[i] * coordinates.margin(i) - 1 + a * diagonal[i]
                var projected = 0.0
                if a == 0 {
                    if gradient > maximumOld {
                        activeSize -= 1
                        index.swapAt(position, activeSize)
                        continue
                    }
                    if gradient < 0 { projected = gradient }
                } else {
                    projected = gradient
                }
                maximumNew = max(maximumNew, projected)
                minimumNew = min(minimumNew, projected)
                if abs(projected) > 1e-12 {
                    let updated = max(a - gradient / qd[i], 0)
                    alpha[i] = updated
                    coordinates.move(i, by: (updated - a) * y[i])
                }
                position += 1
            }
            passes += 1
            if maximumNew - minimumNew <= tolerance {
                if activeSize == count { break }
                activeSize = count
                maximumOld = .infinity
                continue
            }
            maximumOld = maximumNew <= 0 ? .infinity : maximumNew
        }
        return passes
    }
}
