import Testing

@testable import LivrevRanking
@testable import LivrevStore

/// The term cache (migration 011) changes where a ranking's term counts come from, never the ranking.
@Suite("Term cache")
struct TermCacheTests {
    static func rows(_ registry: Registry, _ table: String) throws -> Int64 {
        try registry.connection.scalarInt("SELECT count(*) FROM \(table)") ?? -1
    }

    /// Features from cached term counts are the features of tokenising the texts, entry for entry,
    /// and a model fitted on them gives the same scores and the same order: after the first
    /// ranking fills the cache, after an update adds records to it (one with no words), and over
    /// a corpus that leaves a duplicate out.
    @Test func cachedTermsGiveTheSameScoresAsTokenising() throws {
        let review = try ScreeningOrderTests.review()
        let registry = review.registry
        #expect(try Self.rows(registry, "record_terms") == 0)
        let first = try registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana)
        #expect(try Self.rows(registry, "record_terms") == 40)
        try review.addRecords(
            ["Dexmethylphenidate for ADHD stimulant treatment in children", "Nicotine gum and smoking", "…"],
            search: review.search)
        try registry.write(reviewer: nil, command: "dedup") { revision in
            try registry.connection.execute(
                "INSERT INTO duplicate_mark (revision, record_id, duplicate_of, reason) VALUES (?, 3, 6, 'test')", revision)
        }
        let input = try registry.rankingInput(stage: .titleAbstract, reviewer: review.ana, skipping: [])
        #expect(input.corpus.count == 42 && !input.corpus.contains(3))
        let fresh = TextFeatures(texts: try registry.screeningTexts(of: input.corpus))
        let mixed = TextFeatures(termCounts: try registry.termCounts(of: input.corpus))  // 39 cached, 3 new (one without terms)
        #expect(try Self.rows(registry, "record_terms") == 43)
        let cached = TextFeatures(termCounts: try registry.termCounts(of: input.corpus))  // all cached
        for features in [mixed, cached] {
            #expect(features.rowStart == fresh.rowStart)
            #expect(features.columns == fresh.columns)
            #expect(features.values == fresh.values)
            #expect(features.privateMass == fresh.privateMass)
            #expect(features.termCount == fresh.termCount)
            var ours = ScreeningModel(features: features, seed: 0)
            var theirs = ScreeningModel(features: fresh, seed: 0)
            ours.fit(labels: input.labels)
            theirs.fit(labels: input.labels)
            #expect(ours.scores(of: input.candidates) == theirs.scores(of: input.candidates))
            #expect(ScreeningModel.order(input.candidates, by: ours) == ScreeningModel.order(input.candidates, by: theirs))
        }
        #expect(first.count == 32)
        #expect(try registry.verify().revisions > 0)
    }

    /// A reopened registry ranks from the entries written before (it adds none), and `verify`
    /// catches an entry edited by hand as it catches an edited fact.
    @Test func cacheSurvivesReopenAndIsVerified() throws {
        let review = try ScreeningOrderTests.review()
        let before = try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana)
        let reopened = try Registry.open(path: review.registry.path)
        let vocabulary = try Self.rows(reopened, "term_vocabulary")
        #expect(try reopened.rankedQueue(stage: .titleAbstract, reviewer: review.ana) == before)
        #expect(try Self.rows(reopened, "term_vocabulary") == vocabulary)
        // Record 9 given record 10's terms: the ranking reads the entry, not the text.
        try reopened.connection.execute(
            "UPDATE record_terms SET terms = (SELECT terms FROM record_terms WHERE record_id = 10) WHERE record_id = 9")
        let counts = try reopened.termCounts(of: [9, 10])
        #expect(counts.ids[counts.recordStart[0]..<counts.recordStart[1]] == counts.ids[counts.recordStart[1]...])
        #expect(throws: IntegrityFailure.derived(table: "the term cache", reason: "record 9's terms differ from its text's")) {
            try reopened.verify()
        }
    }

    /// A blob that is not a list of known terms is treated as missing: tokenised again, not trusted.
    @Test func malformedEntryIsTokenisedAgain() throws {
        let review = try ScreeningOrderTests.review()
        let registry = review.registry
        let corpus = Array(Int64(1)...40)
        let good = try registry.termCounts(of: corpus)
        try registry.connection.execute("UPDATE record_terms SET terms = x'ffffffff' WHERE record_id = 7")
        #expect(try registry.termCounts(of: corpus).ids.count == good.ids.count)
        #expect(TextFeatures(termCounts: try registry.termCounts(of: corpus)).values == TextFeatures(termCounts: good).values)
        #expect(try registry.verify().revisions > 0)
    }
}
