import Testing

@testable import LivrevRanking

@Suite("TF-IDF features as scikit-learn computes them")
struct TextFeaturesTests {
    let reference: [String: Any]

    init() throws {
        reference = try ReferenceFixtures.json("ranking_reference.json")
    }

    /// The unigrams and bigrams of scikit-learn's analyzer, in its order, for punctuation, case,
    /// non-ASCII letters, single characters and numbers.
    @Test func tokensMatchScikitLearnsAnalyzer() throws {
        let cases = try #require(reference["tokens"] as? [[String: Any]])
        #expect(cases.count == 3)
        for entry in cases {
            let text = try #require(entry["text"] as? String)
            let expected = try #require(entry["terms"] as? [String])
            let hashes = expected.map { Tokenizer.hash(ArraySlice(Array($0.utf8)), from: Tokenizer.offsetBasis) }
            #expect(Tokenizer.terms(of: text, bigrams: true) == hashes, "\(text)")
        }
    }

    /// Each record's weights (sublinear tf, smoothed idf, max_df 0.95, unit length) and the
    /// vocabulary's size agree with `TfidfVectorizer`: each shared term's weight is one of the
    /// row's, and the squares of the rest (its private terms') sum to the row's private mass.
    @Test func weightsMatchTfidfVectorizer() throws {
        let tfidf = try #require(reference["tfidf"] as? [String: Any])
        let corpus = try #require(tfidf["corpus"] as? [String])
        let rows = try #require(tfidf["rows"] as? [[String: Double]])
        let features = TextFeatures(texts: corpus)
        #expect(features.termCount == tfidf["terms"] as? Int)
        var privateTerms = 0
        for (row, expected) in rows.enumerated() {
            var theirs = Array(expected.values)
            for entry in features.rowStart[row]..<features.rowStart[row + 1] {
                let ours = Double(features.values[entry])
                let match = try #require(theirs.firstIndex { abs($0 - ours) < 1e-6 }, "row \(row): \(ours)")
                theirs.remove(at: match)
            }
            let mass = theirs.reduce(0) { $0 + $1 * $1 }
            #expect(abs(mass - features.privateMass[row]) < 1e-6, "row \(row): \(mass) vs \(features.privateMass[row])")
            privateTerms += theirs.count
        }
        #expect(privateTerms == features.termCount - features.sharedTermCount)
    }

    /// A term in more than 95% of records is dropped, and an empty text is an empty row.
    @Test func commonTermsAreDroppedAndEmptyTextsAreEmptyRows() {
        let texts = (0..<25).map { "common word\($0 % 5)" } + [""]
        let features = TextFeatures(texts: texts)
        // "common" is in 25 of 26 records (96%); word0…word4 and the bigrams "common wordN" stay.
        #expect(features.termCount == 10)
        #expect(features.rowStart[25] == features.rowStart[26])
    }

    /// Weighting depends on the terms and counts, not on how term ids are numbered (a registry's
    /// cache numbers them in its own order): the same records with ids reversed and spread out,
    /// and an id no record uses, give the same rows, entry for entry.
    @Test func featuresDoNotDependOnTermNumbering() throws {
        let tfidf = try #require(reference["tfidf"] as? [String: Any])
        let corpus = try #require(tfidf["corpus"] as? [String])
        let lists = TermCounts(texts: corpus)
        var relabelled = TermCounts()
        for record in 0..<lists.count {
            for entry in lists.recordStart[record]..<lists.recordStart[record + 1] {
                relabelled.append(id: Int32(2 * (lists.idCount - 1) - 2 * Int(lists.ids[entry]) + 1), count: lists.counts[entry])
            }
            relabelled.endRecord()
        }
        relabelled.append(id: Int32(4 * lists.idCount), count: 1)
        relabelled.discardOpenRecord()
        let fresh = TextFeatures(texts: corpus)
        let other = TextFeatures(termCounts: relabelled)
        #expect(other.rowStart == fresh.rowStart)
        #expect(other.columns == fresh.columns)
        #expect(other.values == fresh.values)
        #expect(other.privateMass == fresh.privateMass)
        #expect(other.termCount == fresh.termCount && other.sharedTermCount == fresh.sharedTermCount)
    }
}
