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
/// Source: Salton & Buckley (1988), doi:10.1016/0306-4573(88)90021-0; scikit-learn
/// `TfidfTransformer` documentation.
package struct TextFeatures: Sendable {
    /// Row `r` holds entries `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`.
    let rowStart: [Int]
    let columns: [Int32]
    let values: [Float]
    /// Number of distinct terms kept (columns), not counting the intercept.
    package let termCount: Int

    package var count: Int { rowStart.count - 1 }

    /// Featurises `texts`, one per record, in order.
    package init(texts: [String], settings: TextFeatureSettings = TextFeatureSettings()) {
        // Each record's distinct terms with their counts, and each term's document frequency.
        var perRecord: [[(term: UInt64, count: Int)]] = []
        perRecord.reserveCapacity(texts.count)
        var documentFrequency: [UInt64: Int32] = [:]
        for text in texts {
            var terms = Tokenizer.terms(of: text, bigrams: settings.bigrams)
            terms.sort()
            var counted: [(term: UInt64, count: Int)] = []
            var index = 0
            while index < terms.count {
                var end = index + 1
                while end < terms.count && terms[end] == terms[index] { end += 1 }
                counted.append((terms[index], end - index))
                documentFrequency[terms[index], default: 0] += 1
                index = end
            }
            perRecord.append(counted)
        }
        let n = texts.count
        let maximumCount = settings.maximumDocumentFrequency * Double(n)
        // Columns in order of first appearance, so the layout is a function of the texts alone.
        var column: [UInt64: Int32] = [:]
        column.reserveCapacity(documentFrequency.count)
        var idf: [Float] = []
        var rowStart = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for counted in perRecord {
            let start = columns.count
            var squares = 0.0
            for (term, count) in counted {
                let df = Double(documentFrequency[term] ?? 1)
                if df > maximumCount { continue }
                let index: Int32
                if let known = column[term] {
                    index = known
                } else {
                    index = Int32(idf.count)
                    column[term] = index
                    idf.append(Float(Double.log((1 + Double(n)) / (1 + df)) + 1))
                }
                let tf = settings.sublinearTermFrequency ? 1 + Double.log(Double(count)) : Double(count)
                let weight = tf * Double(idf[Int(index)])
                squares += weight * weight
                columns.append(index)
                values.append(Float(weight))
            }
            let scale = squares > 0 ? 1 / squares.squareRoot() : 0
            // Entries in column order, so a row's weights are read front to back.
            let entries = (start..<columns.count).map { (columns[$0], Float(Double(values[$0]) * scale)) }
                .sorted { $0.0 < $1.0 }
            columns.replaceSubrange(start..., with: entries.map(\.0))
            values.replaceSubrange(start..., with: entries.map(\.1))
            rowStart.append(columns.count)
        }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
        self.termCount = idf.count
    }

    /// `weights · x_row + intercept`, where `weights[termCount]` is the intercept's weight.
    @inline(__always)
    func dot(_ weights: UnsafeBufferPointer<Double>, row: Int) -> Double {
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                var sum = weights[termCount]
                for entry in rowStart[row]..<rowStart[row + 1] {
                    sum += weights[Int(columns[entry])] * Double(values[entry])
                }
                return sum
            }
        }
    }

    /// `weights += scale · x_row` (and the intercept's weight by `scale`).
    @inline(__always)
    func add(_ scale: Double, row: Int, to weights: UnsafeMutableBufferPointer<Double>) {
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                weights[termCount] += scale
                for entry in rowStart[row]..<rowStart[row + 1] {
                    weights[Int(columns[entry])] += scale * Double(values[entry])
                }
            }
        }
    }

    /// Every row's score `weights · x_row + intercept`.
    func scores(_ weights: [Double]) -> [Double] {
        weights.withUnsafeBufferPointer { w in (0..<count).map { dot(w, row: $0) } }
    }

    /// `‖x_row‖²` with the intercept's constant 1 (rows are unit length, so 2 unless empty).
    func squaredNorm(row: Int) -> Double {
        rowStart[row + 1] > rowStart[row] ? 2 : 1
    }
}
