import RealModule

/// Callaghan & Müller-Hansen's statistical stopping criterion for prioritised screening.
///
/// H0: recall is below `targetRecall`. Each tail of the reading order — the last `n` records read,
/// with `k` includes — is treated as a random sample drawn from itself plus every record not yet
/// read (`N_pop = N − (read − n)` records). If recall were below target, that population would hold
/// at least `K̂ = ⌊r / τ − (r − k) + 1⌋` includes (`r` includes found so far); the chance of drawing
/// `k` or fewer of them in `n` draws is the hypergeometric `P(X ≤ k)`. The p-value is the smallest
/// over all tails; screening may stop when it is below `1 − confidence`. A tail whose `K̂` exceeds
/// `N_pop` contradicts H0 outright (p = 0).
///
/// For example, 20 records of 100 read, the last 10 excludes after 2 includes, target 95%:
/// `StoppingRule().pValue(labels: read, total: 100)`.
///
/// Source: Callaghan & Müller-Hansen (2020), "Statistical stopping criteria for automated screening
/// in systematic reviews", Systematic Reviews 9:273, doi:10.1186/s13643-020-01521-4 (eq. 2–5);
/// their reference implementation buscarpy `calculate_h0`.
package struct StoppingRule: Equatable, Sendable {
    /// τ, the recall to guarantee (default 0.95).
    package var targetRecall: Double
    /// 1 − α (default 0.95).
    package var confidence: Double

    package init(targetRecall: Double = 0.95, confidence: Double = 0.95) {
        self.targetRecall = targetRecall
        self.confidence = confidence
    }

    /// The p-value of H0 after reading records with `labels` (in reading order) out of `total`.
    ///
    /// Of the tails with the same number of includes `k`, the longest gives the smallest p: one more
    /// exclude at a tail's front adds a non-include to the population while the unread part stays
    /// the same size, so `P(X ≤ k)` (= P(the unread part holds ≥ K̂ − k includes)) falls. Only the
    /// tails that start just after an include, and the whole sequence, need computing: `r + 1` of
    /// them instead of one per record read (the tests check this against every tail).
    package func pValue(labels: [Bool], total: Int) -> Double {
        let read = labels.count
        guard read > 0 else { return 1 }
        var starts = [0]
        for (index, label) in labels.enumerated() where label && index + 1 < read { starts.append(index + 1) }
        let found = labels.count { $0 }
        var smallest = 1.0
        // The tail from starts[j] holds found − j includes.
        for (j, start) in starts.enumerated() {
            smallest = min(smallest, tailPValue(size: read - start, includes: found - j, found: found, read: read, total: total))
            if smallest == 0 { break }
        }
        return smallest
    }

    /// `P(X ≤ k)` for the tail of the last `size` records read holding `includes` includes.
    func tailPValue(size: Int, includes k: Int, found: Int, read: Int, total: Int) -> Double {
        let population = total - (read - size)
        let needed = Int((Double(found) / targetRecall - Double(found - k) + 1).rounded(.down))
        if needed > population { return 0 }
        return Hypergeometric(population: population, successes: needed, draws: size).cdf(k)
    }

    /// Whether H0 is rejected at this point.
    package func passes(labels: [Bool], total: Int) -> Bool {
        pValue(labels: labels, total: total) < 1 - confidence
    }

    /// The first number of records read after which the rule passes, or nil if it never does.
    package func firstStop(labels: [Bool], total: Int) -> Int? {
        var read: [Bool] = []
        read.reserveCapacity(labels.count)
        for label in labels {
            read.append(label)
            if passes(labels: read, total: total) { return read.count }
        }
        return nil
    }
}

/// The hypergeometric distribution: includes among `draws` records drawn without replacement from
/// `population` records of which `successes` are includes (R's `phyper(k, successes,
/// population − successes, draws)`).
struct Hypergeometric {
    let population: Int
    let successes: Int
    let draws: Int

    /// `P(X ≤ k)`, summed from the mass at `k` downwards with the ratio of neighbouring masses.
    func cdf(_ k: Int) -> Double {
        let lowest = max(0, draws - (population - successes))
        let highest = min(draws, successes)
        if k < lowest { return 0 }
        if k >= highest { return 1 }
        var term = Double.exp(logMass(k))
        var sum = term
        var j = k
        while j > lowest {
            // P(j − 1) / P(j) = j (N − K − n + j) / ((K − j + 1)(n − j + 1))
            let ratio =
                Double(j) * Double(population - successes - draws + j)
                / (Double(successes - j + 1) * Double(draws - j + 1))
            term *= ratio
            sum += term
            if term < sum * 1e-17 { break }
            j -= 1
        }
        return min(sum, 1)
    }

    private func logMass(_ k: Int) -> Double {
        logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws)
    }

    private func logChoose(_ n: Int, _ k: Int) -> Double {
        Double.logGamma(Double(n + 1)) - Double.logGamma(Double(k + 1)) - Double.logGamma(Double(n - k + 1))
    }
}

/// The rule of thumb many teams use: stop after `count` excludes in a row. A heuristic, with no
/// guarantee on recall (Callaghan & Müller-Hansen 2020 show it both stops too early and too late).
package struct ConsecutiveExcludes: Equatable, Sendable {
    package var count: Int

    package init(count: Int = 100) {
        self.count = count
    }

    /// Excludes at the end of `labels`.
    package static func run(_ labels: [Bool]) -> Int {
        var run = 0
        for label in labels.reversed() {
            if label { break }
            run += 1
        }
        return run
    }

    package func passes(_ labels: [Bool]) -> Bool {
        Self.run(labels) >= count
    }
}
