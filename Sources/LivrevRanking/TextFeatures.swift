/// How records become vectors: scikit-learn's `TfidfVectorizer` settings that ASReview's default
/// model ("ELAS u4", ASReview LAB 2) uses.
package struct TextFeatureSettings: Equatable, Sendable {
    /// Word unigrams and bigrams (`ngram_range=(1, 2)`).
    package var bigrams = true
    /// `1 + ln(tf)` instead of the raw count (`sublinear_tf=True`).
    package var sublinearTermFrequency = true
    /// Terms in more than this fraction of records are dropped (`max_df=0.95`).
    package var maximumDocumentFrequency = 0.95

    package init() {}
}

/// Records as L2-normalised TF-IDF rows in compressed sparse row form.
///
/// Weights follow scikit-learn: `idf = ln((1 + n) / (1 + df)) + 1` (`smooth_idf=True`), term weight
/// `(1 + ln tf) · idf`, each row scaled to unit length. The vocabulary is fitted on every record,
/// labelled or not, as ASReview does: the model sees the whole corpus's words from the start.
///
/// Terms found in one record only ("private" terms, a quarter of the entries and most bigrams) are
/// numbered after the shared ones, and a row keeps only the sum of their squared weights. A linear
/// model's weight on a private term of row `i` is `αᵢ yᵢ xᵢₜ` (the weights are a sum of training
/// rows), so its whole contribution to `w · xᵢ` is `αᵢ yᵢ · privateMass[i]`: the classifiers keep
/// weights over the shared terms only and fold that term in, which gives the same fit over far
/// less memory. Each private weight still counts in its row's length (the scaling to unit length).
///
/// Source: Salton & Buckley (1988), doi:10.1016/0306-4573(88)90021-0; scikit-learn
/// `TfidfTransformer` documentation.
package struct TextFeatures: Sendable, Equatable {
    /// Row `r`'s shared terms (columns below `sharedTermCount`) are entries
    /// `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`, in order of first appearance.
    package let rowStart: [Int]
    package let columns: [Int32]
    package let values: [Float]
    /// `Σ x²` over each row's private terms.
    package let privateMass: [Double]
    /// Number of distinct terms kept (columns), not counting the intercept.
    package let termCount: Int
    /// Terms found in two records or more: columns `0 ..< sharedTermCount`.
    package let sharedTermCount: Int

    package var count: Int { rowStart.count - 1 }

    /// Featurises `texts`, one per record, in order.
    package init(texts: [String], settings: TextFeatureSettings = TextFeatureSettings()) {
        self.init(termCounts: TermCounts(texts: texts, settings: settings), settings: settings)
    }

    /// Weights records already tokenised (by `TermCounts(texts:settings:)` or from a registry's
    /// cache of them, tokenised with the same `settings`). The result depends on each record's
    /// terms and counts alone, not on how their ids were numbered: document frequencies are counted
    /// here over these records, and columns are numbered in order of first appearance.
    package init(termCounts lists: TermCounts, settings: TextFeatureSettings = TextFeatureSettings()) {
        let n = lists.count
        let recordStart = lists.recordStart
        let termIDs = lists.ids
        let termCounts = lists.counts
        var documentFrequency = [Int32](repeating: 0, count: lists.idCount)
        termIDs.withUnsafeBufferPointer { ids in
            documentFrequency.withUnsafeMutableBufferPointer { df in
                for id in ids { df[Int(id)] += 1 }
            }
        }
        let maximumCount = settings.maximumDocumentFrequency * Double(n)
        // Columns: shared terms (in two records or more) in order of first appearance, then private
        // ones likewise, so the layout is a function of the texts alone; −1 for a dropped term.
        var shared: Int32 = 0
        for df in documentFrequency where Double(df) <= maximumCount && df > 1 { shared += 1 }
        // −1 until a term is first met (numbered then), −2 when it is dropped.
        var column = [Int32](repeating: -1, count: lists.idCount)
        var nextShared: Int32 = 0
        var next = shared
        // idf by document frequency (most terms share a few small ones), computed once each.
        var idfOfFrequency = [Double](repeating: 0, count: n + 1)
        for df in 1..<(n + 1) { idfOfFrequency[df] = Double.log((1 + Double(n)) / (1 + Double(df))) + 1 }
        var rowStart = [0]
        var privateMass: [Double] = []
        var columns: [Int32] = []
        var values: [Float] = []
        rowStart.reserveCapacity(n + 1)
        privateMass.reserveCapacity(n)
        columns.reserveCapacity(termIDs.count)
        values.reserveCapacity(termIDs.count)
        var weights: [Double] = []
        for record in 0..<n {
            weights.removeAll(keepingCapacity: true)
            var squares = 0.0
            for entry in recordStart[record]..<recordStart[record + 1] {
                let id = Int(termIDs[entry])
                if column[id] == -1 {
                    let df = documentFrequency[id]
                    if Double(df) > maximumCount {
                        column[id] = -2
                    } else if df > 1 {
                        column[id] = nextShared
                        nextShared += 1
                    } else {
                        column[id] = next
                        next += 1
                    }
                }
                guard column[id] >= 0 else { continue }
                let count = Double(termCounts[entry])
                // ln 1 = 0: most terms occur once, and need no logarithm.
                let tf = settings.sublinearTermFrequency && count != 1 ? 1 + Double.log(count) : count
                let weight = tf * idfOfFrequency[Int(documentFrequency[id])]
                squares += weight * weight
                weights.append(weight)
            }
            let scale = squares > 0 ? 1 / squares.squareRoot() : 0
            // Shared terms in order of first appearance in the record; private ones as their mass.
            var kept = 0
            var mass = 0.0
            for entry in recordStart[record]..<recordStart[record + 1] {
                let index = column[Int(termIDs[entry])]
                guard index >= 0 else { continue }
                let value = Float(weights[kept] * scale)
                if index < shared {
                    columns.append(index)
                    values.append(value)
                } else {
                    mass += Double(value) * Double(value)
                }
                kept += 1
            }
            privateMass.append(mass)
            rowStart.append(columns.count)
        }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
        self.privateMass = privateMass
        self.termCount = Int(next)
        self.sharedTermCount = Int(shared)
    }

    /// The weighting's version: a registry's cache of weighted rows made by another version is not
    /// read. Bump it with any change to the rows that the same term counts give (2: rows without
    /// their private terms' entries).
    package static let weightingVersion: Int64 = 2

    /// Features from arrays that an earlier `TextFeatures` held (a registry's cache of them), or
    /// nil unless they form well-formed rows: row starts rising from 0 to the number of entries,
    /// every column a shared term's (below `sharedTermCount`, which is no more than the entries,
    /// as each shared term has two), one value per entry, one private mass per row. The
    /// classifiers read rows without bounds checks and size their weights by `sharedTermCount`,
    /// so arrays that do not hold together are never used.
    package init?(
        rowStart: [Int], columns: [Int32], values: [Float], privateMass: [Double], termCount: Int, sharedTermCount: Int
    ) {
        let n = rowStart.count - 1
        guard n >= 0, rowStart[0] == 0, rowStart[n] == columns.count, values.count == columns.count,
            privateMass.count == n, 0 <= sharedTermCount, sharedTermCount <= min(termCount, columns.count),
            termCount <= Int(Int32.max),
            (0..<n).allSatisfy({ rowStart[$0] <= rowStart[$0 + 1] })
        else { return nil }
        let shared = UInt32(sharedTermCount)
        // Not 0 once a column is out of range (no branch, so the loop is vectorised).
        let outside = columns.withUnsafeBufferPointer { columns in
            var outside: UInt32 = 0
            for column in columns { outside |= UInt32(bitPattern: column) >= shared ? 1 : 0 }
            return outside
        }
        guard outside == 0 else { return nil }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
        self.privateMass = privateMass
        self.termCount = termCount
        self.sharedTermCount = sharedTermCount
    }

    /// Calls `body` with a bounds-unchecked view of the rows, valid only during the call.
    @inline(__always)
    func withRows<R>(_ body: (SparseRows) throws -> R) rethrows -> R {
        try rowStart.withUnsafeBufferPointer { rowStart in
            try columns.withUnsafeBufferPointer { columns in
                try values.withUnsafeBufferPointer { values in
                    try privateMass.withUnsafeBufferPointer { privateMass in
                        try body(
                            SparseRows(
                                rowStart: rowStart, columns: columns, values: values, privateMass: privateMass,
                                intercept: sharedTermCount))
                    }
                }
            }
        }
    }

    /// `‖x_row‖²` with the intercept's constant 1 (rows are unit length, so 2 unless empty; a row
    /// with private terms only has none stored, but their mass, which is positive).
    func squaredNorm(row: Int) -> Double {
        rowStart[row + 1] > rowStart[row] || privateMass[row] > 0 ? 2 : 1
    }
}

/// The rows of `TextFeatures` through raw pointers, for the classifiers' inner loops. Weight
/// vectors have `intercept + 1` entries: one per shared term, then the intercept's.
struct SparseRows {
    let rowStart: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Float>
    let privateMass: UnsafeBufferPointer<Double>
    /// The intercept's index in a weight vector (the number of shared terms).
    let intercept: Int

    /// `weights · x_row + intercept` over the shared terms (add `αᵢ yᵢ · privateMass[row]` for a
    /// trained row's private terms).
    ///
    /// Four partial sums, so that each addition need not wait for the one before it: the dot
    /// product is most of a fit's and a ranking's time, and one running sum made it wait on the
    /// adder's latency rather than on memory. (The sum is the same up to rounding.)
    @inline(__always)
    func dot(_ weights: UnsafeBufferPointer<Double>, row: Int) -> Double {
        var sums = (weights[intercept], 0.0, 0.0, 0.0)
        var entry = rowStart[row]
        let end = rowStart[row + 1]
        while entry + 4 <= end {
            sums.0 += weights[Int(columns[entry])] * Double(values[entry])
            sums.1 += weights[Int(columns[entry + 1])] * Double(values[entry + 1])
            sums.2 += weights[Int(columns[entry + 2])] * Double(values[entry + 2])
            sums.3 += weights[Int(columns[entry + 3])] * Double(values[entry + 3])
            entry += 4
        }
        while entry < end {
            sums.0 += weights[Int(columns[entry])] * Double(values[entry])
            entry += 1
        }
        return (sums.0 + sums.1) + (sums.2 + sums.3)
    }

    /// `weights += scale · x_row` over the shared terms and the intercept.
    @inline(__always)
    func add(_ scale: Double, row: Int, to weights: UnsafeMutableBufferPointer<Double>) {
        weights[intercept] += scale
        var entry = rowStart[row]
        let end = rowStart[row + 1]
        while entry < end {
            weights[Int(columns[entry])] += scale * Double(values[entry])
            entry += 1
        }
    }
}

/// Term hashes to dense ids, in order of first appearance: open addressing with linear probing
/// over a power-of-two table (the keys are already FNV-1a hashes, mixed once more for the index).
/// A zero hash marks an empty slot, so the term hashing to 0 is stored as 1 (a collision of
/// probability 2⁻⁶⁴, like any other).
struct TermTable {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var used = 0

    /// A table for about `expected` distinct terms before it grows.
    init(expected: Int) {
        var size = 1 << 12
        while size < expected * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
    }

    /// The id of `hash`, assigning `next` when it is new.
    mutating func id(of hash: UInt64, next: Int32) -> Int32 {
        let key = hash == 0 ? 1 : hash
        if used * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
        while true {
            let found = keys[slot]
            if found == key { return ids[slot] }
            if found == 0 {
                keys[slot] = key
                ids[slot] = next
                used += 1
                return next
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldIDs = ids
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        ids = [Int32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where key != 0 {
            var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            ids[slot] = id
        }
    }
}
