/// How well a reading order found the includes, measured as asreview-insights 1.6 measures it.
///
/// `labels` is the reading order's labels (true = include) with the prior records dropped, and
/// padded to every record still to read, as asreview-insights' `get_simulation_labels` does.
///
/// Source: asreview-insights `asreviewcontrib/insights/algorithms.py` (`_wss_values`,
/// `_recall_values`) and `metrics.py` (`_slice_metric`); WSS: Cohen, Hersh, Peterson & Yen (2006),
/// doi:10.1197/jamia.M1929.
package struct ScreeningCurve: Sendable {
    package let labels: [Bool]

    package init(labels: [Bool]) {
        self.labels = labels
    }

    package var includes: Int { labels.count { $0 } }

    /// Work saved over sampling at `recall` (a fraction): at the largest recall ≤ `recall` that the
    /// curve reaches, (records a random order reads on average to find that many includes −
    /// records this order read) / records.
    ///
    /// The random order finds `round(i · P / (N − 1))` includes after `i + 1` records (numpy's
    /// `round(linspace(0, P, N))`, rounding half to even).
    package func workSaved(atRecall recall: Double) -> Double {
        let n = labels.count
        let positives = includes
        guard positives > 0, n > 1 else { return 0 }
        // The largest k with k / P ≤ recall (np.searchsorted(x, recall, side="right") − 1).
        var k = 0
        for candidate in 1...positives where Double(candidate) / Double(positives) <= recall { k = candidate }
        guard k > 0 else { return 0 }
        var found = 0
        var model = n
        for (index, include) in labels.enumerated() where include {
            found += 1
            if found == k {
                model = index
                break
            }
        }
        let step = Double(positives) / Double(n - 1)
        var random = n
        for index in 0..<n {
            let expected = index == n - 1 ? Double(positives) : (Double(index) * step).rounded(.toNearestOrEven)
            if expected >= Double(k) {
                random = index
                break
            }
        }
        return Double(random - model) / Double(n)
    }

    /// Recall (a fraction) after reading the fraction `screened` of the records: the includes found
    /// among the first `i` records, for the largest `i` with `i / N ≤ screened`.
    package func recall(afterScreening screened: Double) -> Double {
        let n = labels.count
        let positives = includes
        guard positives > 0, n > 0 else { return 0 }
        var read = 0
        for candidate in 1...n where Double(candidate) / Double(n) <= screened { read = candidate }
        guard read > 0 else { return 0 }
        return Double(labels[0..<read].count { $0 }) / Double(positives)
    }
}
