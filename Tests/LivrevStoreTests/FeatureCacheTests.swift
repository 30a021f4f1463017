import Testing

@testable import LivrevRanking
@testable import LivrevStore

/// The feature cache (migration 012) changes where a ranking's TF-IDF rows come from, never the
/// rows: they are those of tokenising the texts afresh, bit for bit, for whichever set is ranked.
@Suite("Feature cache")
struct FeatureCacheTests {
    /// The record ids the cache holds rows for (empty when it holds none).
    static func cachedRecords(_ registry: Registry) throws -> Int64 {
        try registry.connection.scalarInt("SELECT coalesce(sum(length(bytes)), 0) / 8 FROM feature_rows WHERE part = 1") ?? -1
    }

    /// The first ranking caches the rows of the records it ranks; a new process reads them (and
    /// the term cache not at all); an import and a duplicate mark change the set, and the next
    /// ranking replaces the rows with the new set's. Every time, they are the rows of the texts.
    @Test func cachedRowsAreTheRowsOfTheTextsForTheSetRanked() throws {
        let review = try ScreeningOrderTests.review()
        let registry = review.registry
        #expect(try Self.cachedRecords(registry) == 0)
        let first = try registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana)
        #expect(try Self.cachedRecords(registry) == 40)
        let reopened = try Registry.open(path: registry.path)
        // Without the term cache, only the feature cache can give the rows: it is what is read.
        try reopened.connection.execute("DELETE FROM record_terms")
        try reopened.connection.execute("DELETE FROM term_vocabulary")
        #expect(try reopened.rankedQueue(stage: .titleAbstract, reviewer: review.ana) == first)
        #expect(try TermCacheTests.rows(reopened, "record_terms") == 0)
        let corpus = Array(Int64(1)...40)
        #expect(try reopened.textFeatures(of: corpus) == TextFeatures(texts: try reopened.screeningTexts(of: corpus)))

        try review.addRecords(["Dexmethylphenidate for ADHD stimulant treatment in children", "…"], search: review.search)
        _ = try registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana)
        #expect(try Self.cachedRecords(registry) == 42)
        try registry.write(reviewer: nil, command: "dedup") { revision in
            try registry.connection.execute(
                "INSERT INTO duplicate_mark (revision, record_id, duplicate_of, reason) VALUES (?, 3, 6, 'test')", revision)
        }
        let input = try registry.rankingInput(stage: .titleAbstract, reviewer: review.ana, skipping: [])
        let fresh = TextFeatures(texts: try registry.screeningTexts(of: input.corpus))
        #expect(try registry.textFeatures(of: input.corpus) == fresh)  // weighted, then cached
        #expect(try Self.cachedRecords(registry) == 41)
        #expect(try registry.textFeatures(of: input.corpus) == fresh)  // read from the cache
        #expect(try registry.verify().revisions > 0)
    }

    /// Parts that do not hold together (a part cut short, a column out of range) are never read:
    /// the rows are weighted again and the cache rewritten. Values edited by hand are read (as a
    /// term cache entry is), and `verify` names the cache.
    @Test func damagedRowsAreWeightedAgainAndVerifyCatchesAnEdit() throws {
        let review = try ScreeningOrderTests.review()
        let registry = review.registry
        let corpus = Array(Int64(1)...40)
        let fresh = TextFeatures(texts: try registry.screeningTexts(of: corpus))
        _ = try registry.textFeatures(of: corpus)
        for damage in [
            "UPDATE feature_rows SET bytes = substr(bytes, 1, 12) WHERE part = 2",
            "UPDATE feature_rows SET bytes = x'ffffff7f' || substr(bytes, 5) WHERE part = 4",
            "UPDATE feature_rows SET bytes = 7 WHERE part = 5",
            "DELETE FROM feature_rows WHERE part = 3",
            "UPDATE feature_rows_head SET term_count = 2000000000, shared_term_count = 2000000000",  // 16 GB of weights
        ] {
            try registry.connection.execute(damage)
            #expect(try registry.textFeatures(of: corpus) == fresh, "\(damage)")
            #expect(try registry.textFeatures(of: corpus) == fresh, "\(damage), rewritten")
        }
        #expect(try registry.verify().revisions > 0)
        try registry.connection.execute("UPDATE feature_rows SET bytes = zeroblob(length(bytes)) WHERE part = 5")
        #expect(try registry.textFeatures(of: corpus).values.allSatisfy { $0 == 0 })
        let edited = IntegrityFailure.derived(
            table: "the feature cache", reason: "its rows differ from those of its records' texts")
        #expect(throws: edited) { try registry.verify() }
    }
}
