import RealModule

/// Group-sequential monitoring boundaries for a meta-analysis looked at repeatedly, found by
/// recursive numerical integration over the looks.
///
/// The z statistics Z₁, …, Z_K at information fractions t₁ < … < t_K are multivariate normal with
/// corr(Zᵢ, Zⱼ) = √(tᵢ/tⱼ) and, under a drift θ, E[Z_k] = θ√t_k. The efficacy boundary c_k is the
/// value at which the probability of first crossing ±c_k at look k equals the error spent between
/// t_{k−1} and t_k. When a look passes t = 1 (more participants than the required information size),
/// the spending runs on t / max(t), so the last look spends what is left, as RTSA's
/// `alpha_boundary()` does.
///
/// For example:
///
///     SequentialBoundaries.efficacy(informationFractions: [0.25, 0.5, 0.75, 1], alpha: 0.05)
///     // [4.3326, 2.9631, 2.3590, 2.0141]
///
/// Source: Armitage P, McPherson CK, Rowe BC (1969). Repeated significance tests on accumulating
/// data. J R Stat Soc A 132(2):235–244. doi:10.2307/2343787; Jennison C, Turnbull BW (2000). Group
/// Sequential Methods with Applications to Clinical Trials, ch. 19 (the grid and Simpson's rule).
/// Chapman & Hall/CRC. doi:10.1201/9780367805326
public enum SequentialBoundaries {
    /// Non-binding β-spending futility boundaries and the drift that makes them meet the efficacy
    /// boundary at the last look.
    public struct Futility: Equatable, Sendable {
        /// One bound per look on the z scale, in the direction of the anticipated effect: the curve is
        /// in the futility region when it lies below. −∞ where the look spends no β; +∞… never.
        /// The look at t = 1 has none (there the bounds meet); it is `nil`.
        public let bounds: [Double?]
        /// θ, the drift under the anticipated effect that gives power 1 − β with these boundaries.
        public let drift: Double
        /// (θ / (z₁₋α′ + z₁₋β))²: how much more information the design needs once futility can stop it.
        public let inflation: Double
    }

    /// The Jennison–Turnbull grid's r: 32 points per unit of their scale at the least. Where the next
    /// look adds little information, the kernel of the next integral is narrow (its width in z is
    /// √(Δt/t)), and r grows until the grid's tail spacing stays below a quarter of that width; 16/width
    /// does that out to 5 standard deviations (measured: boundaries then stable to 1e-8 as r doubles).
    static func gridDensity(nextIncrement: Double?, at t: Double) -> Int {
        guard let next = nextIncrement else { return 32 }
        let width = (next / t).squareRoot()
        return min(512, max(32, Int((16 / width).rounded(.up))))
    }

    /// The two-sided symmetric efficacy boundaries (the upper one; the lower is its negative).
    ///
    /// - Parameters:
    ///   - informationFractions: t₁ < t₂ < …, all positive; values above 1 are allowed.
    ///   - alpha: the two-sided type I error; α/2 is spent on each side.
    /// - Returns: one boundary per look; `.infinity` where a look spends less than the smallest
    ///   positive double (no boundary to cross yet).
    public static func efficacy(informationFractions t: [Double], alpha: Double) -> [Double] {
        upperBoundaries(spendingTimes(t), spending: alpha / 2, twoSided: true)
    }

    /// One-sided efficacy boundaries at α′ = α/2 with non-binding β-spending futility boundaries, as
    /// rpact's `getDesignGroupSequential(sided = 1, typeBetaSpending = "bsOF", bindingFutility = FALSE)`.
    ///
    /// The looks are the given ones and, when all lie below 1, a last one at t = 1. The drift θ is
    /// found so that the two boundaries meet at t = 1.
    public static func futility(informationFractions t: [Double], alpha: Double, beta: Double) -> Futility {
        var u = spendingTimes(t)
        if let last = u.last, last < 1 { u.append(1) }
        let efficacy = upperBoundaries(u, spending: alpha / 2, twoSided: false)
        let base = Normal.quantile(1 - alpha / 2) + Normal.quantile(1 - beta)
        func bounds(drift: Double) -> (bounds: [Double], missing: Double) {
            var result: [Double] = []
            var density: Density? = nil
            var spent = 0.0
            for (k, time) in u.enumerated() {
                let step = Step(previous: k == 0 ? nil : u[k - 1], current: time, drift: drift)
                let cumulative = LanDeMets.obrienFleming(spending: beta, at: time)
                let increment = cumulative - spent
                spent = cumulative
                if k == u.count - 1 {
                    // The β left to spend at the last look, against the probability below c_K.
                    return (result, step.lowerTail(efficacy[k], density: density) - increment)
                }
                let f = min(solveLower(increment, step: step, density: density), efficacy[k])
                result.append(f)
                density = step.density(after: density, lower: f, upper: efficacy[k], next: u[k + 1])
            }
            return (result, 0)
        }
        let drift =
            zeroin(
                lower: base * 0.8, upper: base * 2, fLower: bounds(drift: base * 0.8).missing,
                fUpper: bounds(drift: base * 2).missing, tolerance: 1e-10, maxIterations: 200
            ) { bounds(drift: $0).missing } ?? base
        let found = bounds(drift: drift).bounds
        let perLook: [Double?] = t.indices.map { $0 < found.count ? found[$0] : nil }
        return Futility(bounds: perLook, drift: drift, inflation: (drift / base) * (drift / base))
    }

    /// The times on which errors are spent: t, or t / max(t) once a look passes t = 1.
    static func spendingTimes(_ t: [Double]) -> [Double] {
        guard let largest = t.max(), largest > 1 else { return t }
        return t.map { $0 / largest }
    }

    /// Upper boundaries under H0 spending `spending` on the upper side: the continuation region is
    /// (−c, c) for a symmetric two-sided design, (−∞, c) for a one-sided one.
    private static func upperBoundaries(_ u: [Double], spending: Double, twoSided: Bool) -> [Double] {
        var boundaries: [Double] = []
        var density: Density? = nil
        var spent = 0.0
        for (k, time) in u.enumerated() {
            let cumulative = LanDeMets.obrienFleming(spending: spending, at: time)
            let step = Step(previous: k == 0 ? nil : u[k - 1], current: time, drift: 0)
            let c = solveUpper(cumulative - spent, step: step, density: density)
            spent = cumulative
            boundaries.append(c)
            if k < u.count - 1 {
                density = step.density(after: density, lower: twoSided ? -c : -.infinity, upper: c, next: u[k + 1])
            }
        }
        return boundaries
    }

    /// The c with P(continue to this look, then Z ≥ c) = `increment`.
    private static func solveUpper(_ increment: Double, step: Step, density: Density?) -> Double {
        guard increment > 0 else { return .infinity }
        return solve(increment, decreasing: true) { step.upperTail($0, density: density) }
    }

    /// The f with P(continue to this look, then Z < f) = `increment`.
    private static func solveLower(_ increment: Double, step: Step, density: Density?) -> Double {
        guard increment > 0 else { return -.infinity }
        return solve(increment, decreasing: false) { step.lowerTail($0, density: density) }
    }

    /// Solves probability(x) = target on the log scale, so that targets of 1e-12 keep their precision.
    private static func solve(_ target: Double, decreasing: Bool, _ probability: (Double) -> Double) -> Double {
        let goal = Double.log(target)
        func g(_ x: Double) -> Double {
            let p = probability(x)
            return p > 0 ? Double.log(p) - goal : -1e300
        }
        // Walk outwards from 0 until the target is bracketed.
        let direction: Double = decreasing ? 1 : -1
        var near = 0.0, far = direction
        while g(near) < 0 && abs(near) < 40 { far = near; near -= direction }
        while g(far) > 0 && abs(far) < 40 { near = far; far += direction }
        return zeroin(lower: near, upper: far, fLower: g(near), fUpper: g(far), tolerance: 1e-13, maxIterations: 500, g)
            ?? far
    }
}

/// The sub-density of Z_k on the continuation region, on a grid, with Simpson weights folded in.
struct Density {
    var z: [Double]
    var h: [Double]
}

/// One look: from the previous information fraction to this one, under a drift θ.
struct Step {
    let previous: Double?
    let current: Double
    let drift: Double

    private var increment: Double { current - (previous ?? 0) }

    /// P(continue to the previous look, then Z_k ≥ c).
    func upperTail(_ c: Double, density: Density?) -> Double {
        guard c < .infinity else { return 0 }
        return sum(density) {
            Normal.upperTail(c * current.squareRoot() / increment.squareRoot() - $0)
        } upperFirst: {
            Normal.upperTail(c - drift * current.squareRoot())
        }
    }

    /// P(continue to the previous look, then Z_k < f).
    func lowerTail(_ f: Double, density: Density?) -> Double {
        guard f > -.infinity else { return 0 }
        return sum(density) {
            Normal.cdf(f * current.squareRoot() / increment.squareRoot() - $0)
        } upperFirst: {
            Normal.cdf(f - drift * current.squareRoot())
        }
    }

    /// Σᵢ hᵢ · g(the standardised mean of the increment from zᵢ), or the first look's closed form.
    private func sum(_ density: Density?, _ g: (Double) -> Double, upperFirst: () -> Double) -> Double {
        guard let density, let previous else { return upperFirst() }
        let s = increment.squareRoot()
        var total = 0.0
        for (z, h) in zip(density.z, density.h) {
            total += h * g((z * previous.squareRoot() + drift * increment) / s)
        }
        return total
    }

    /// The sub-density of Z_k on (lower, upper) given that of Z_{k−1}, on a grid fine enough for the
    /// step to the look at information fraction `next`.
    func density(after previousDensity: Density?, lower: Double, upper: Double, next: Double) -> Density {
        let r = SequentialBoundaries.gridDensity(nextIncrement: next - current, at: current)
        let (z, w) = Step.grid(mean: drift * current.squareRoot(), lower: lower, upper: upper, r: r)
        guard let previousDensity, let previous else {
            return Density(z: z, h: zip(z, w).map { $1 * Step.phi($0 - drift * current.squareRoot()) })
        }
        let s = increment.squareRoot()
        let scale = current.squareRoot() / s
        let shifted = previousDensity.z.map { ($0 * previous.squareRoot() + drift * increment) / s }
        var h = [Double](repeating: 0, count: z.count)
        for j in z.indices {
            let x = z[j] * scale
            var total = 0.0
            for i in shifted.indices { total += previousDensity.h[i] * Step.phi(x - shifted[i]) }
            h[j] = w[j] * scale * total
        }
        return Density(z: z, h: h)
    }

    static func phi(_ x: Double) -> Double {
        Double.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
    }

    /// Jennison & Turnbull's grid (§19.2.1) around `mean`, cut to (lower, upper), with midpoints added
    /// and Simpson's weights.
    static func grid(mean: Double, lower: Double, upper: Double, r points: Int) -> (z: [Double], w: [Double]) {
        let r = Double(points)
        let n = 6 * points - 1
        var x: [Double] = []
        for i in 1...n {
            let value: Double
            if Double(i) < r {
                value = mean - 3 - 4 * Double.log(r / Double(i))
            } else if Double(i) <= 5 * r {
                value = mean - 3 + 3 * (Double(i) - r) / (2 * r)
            } else {
                value = mean + 3 + 4 * Double.log(r / (6 * r - Double(i)))
            }
            x.append(value)
        }
        var cut = x.filter { $0 > lower && $0 < upper }
        if lower > x[0] { cut.insert(lower, at: 0) }
        if upper < x[n - 1] { cut.append(upper) }
        if cut.count < 2 { cut = [max(lower, x[0]), min(upper, x[n - 1])] }
        var z: [Double] = []
        for (index, value) in cut.enumerated() {
            if index > 0 { z.append((cut[index - 1] + value) / 2) }
            z.append(value)
        }
        var w = [Double](repeating: 0, count: z.count)
        for i in stride(from: 0, to: z.count - 1, by: 2) {
            let width = z[i + 2] - z[i]
            w[i] += width / 6
            w[i + 1] += 4 * width / 6
            w[i + 2] += width / 6
        }
        return (z, w)
    }
}
