import LivrevRanking

/// The order in which a reviewer is offered records at a stage.
package enum ScreeningOrder: String, CaseIterable, Sendable {
    /// Most likely include first, by a model trained on the stage's final decisions (every earlier
    /// version's too) and the reviewer's own votes; imported order until those hold an include and
    /// an exclude.
    case ranked
    /// Record id order, which is import order.
    case imported
}

extension Registry {
    /// The record `reviewer` should screen next at `stage`, leaving out `skipping`; nil when none is
    /// left. `screen next` and the interactive screener ask this; `serve` shares one order among its
    /// screeners, ranked from disclosed outcomes only (`rankedQueue(stage:reviewer:nil)`), so there a
    /// reviewer's own undisclosed votes do not move their queue.
    ///
    /// In `.ranked` order the model learns from what `reviewer` may know: a record's resolution,
    /// else `reviewer`'s own current vote, else the stage's agreed decision (which exists only once
    /// every required reviewer has voted, and so is disclosed). It never reads another reviewer's
    /// vote on a record whose outcome is still open, so the order is blind to undisclosed votes.
    /// `maybe` counts as include, as it does for moving on to full text. Candidates are the records
    /// awaiting `reviewer` at the stage; the best-scoring one wins, ties to the lower id.
    ///
    /// - Throws: `StoreError` and `SQLiteError` from reading the facts.
    package func nextRecord(
        stage: ScreeningStage, reviewer: Reviewer, skipping: Set<Int64> = [], order: ScreeningOrder = .ranked
    ) throws -> Int64? {
        guard order == .ranked else { return try nextImportedRecord(stage: stage, reviewer: reviewer, skipping: skipping) }
        return try rankedQueue(stage: stage, reviewer: reviewer, skipping: skipping, limit: 1).first
    }

    /// Up to `limit` records awaiting `reviewer` at `stage`, in ranked order (see
    /// `nextRecord(stage:reviewer:skipping:order:)`). Without a reviewer, the records awaiting
    /// anyone, ranked from disclosed outcomes only (resolutions and agreed decisions): the order
    /// `serve` shares among all its screeners. A process that ranks more than once should hold a
    /// `ScreeningRanker` and ask it instead: the same order, featurised once.
    package func rankedQueue(
        stage: ScreeningStage, reviewer: Reviewer?, skipping: Set<Int64> = [], limit: Int = .max
    ) throws -> [Int64] {
        try ScreeningRanker().rankedQueue(in: self, stage: stage, reviewer: reviewer, skipping: skipping, limit: limit)
    }

    /// The records ranking reads (not a previous version's, not duplicates), in id order; the
    /// records among them with a label `reviewer` may know at `stage`; and those awaiting them.
    func rankingInput(stage: ScreeningStage, reviewer: Reviewer?, skipping: Set<Int64>) throws -> RankingInput {
        let facts = try screeningFacts()
        let awaiting: RecordStatus = stage == .titleAbstract ? .awaitingTitleAbstract : .awaitingFullText
        var input = RankingInput()
        for record in facts.records {
            let kind = facts.searchKinds[record.searchID] ?? .database
            guard kind != .previous, record.duplicateOf == nil else { continue }
            let row = input.corpus.count
            input.corpus.append(record.id)
            let stageFacts = record[stage]
            let own = reviewer.flatMap { reviewer in stageFacts.votes.first { $0.reviewerID == reviewer.id } }?.decision
            if let known = stageFacts.resolution?.decision ?? own
                ?? stageFacts.outcome(required: Self.reviewersPerRecord).decision
            {
                input.labels.append((row, known.movesOn))
            } else if facts.status(of: record) == awaiting && !skipping.contains(record.id) {
                input.candidates.append(row)
            }
        }
        return input
    }

    /// Title, abstract, journal (and keywords, where the registry keeps them) of each record, in
    /// the order of `ids` (which must be ascending).
    func screeningTexts(of ids: [Int64]) throws -> [String] {
        let hasKeywords =
            try connection.scalarInt("SELECT count(*) FROM pragma_table_info('record') WHERE name = 'keywords'") == 1
        let columns = ["title", "abstract", "journal"] + (hasKeywords ? ["keywords"] : [])
        let select = "SELECT id, \(columns.joined(separator: ", ")) FROM record"
        func text(_ row: Row) throws -> String { try columns.compactMap { try row.text($0) }.joined(separator: " ") }
        // A few records (an update's, to add to the term cache) by id; many in one scan.
        if ids.count < 1_000 {
            let one = try connection.prepare(select + " WHERE id = ?")
            return try ids.map { id in try one.first([id], text) ?? "" }
        }
        var texts: [Int64: String] = [:]
        texts.reserveCapacity(ids.count)
        try connection.prepare(select + " ORDER BY id").forEachRow { row in
            texts[try row.int64("id")] = try text(row)
        }
        return ids.map { texts[$0] ?? "" }
    }
}

/// What one ranking reads from the registry: the corpus (record ids, in id order), the labels by
/// corpus row, and the candidate rows.
struct RankingInput {
    var corpus: [Int64] = []
    var labels: [(row: Int, include: Bool)] = []
    var candidates: [Int] = []
}

/// Ranks records for screening inside a long-running process (`livrev serve`): it keeps the TF-IDF
/// features of the registry's records between requests and weights them again only when the set of
/// records ranked changes (an import, a duplicate marked). Each request reads the decisions afresh
/// and fits the model from them, exactly as `screen next --order ranked` does in a new process,
/// so both offer the same record; what is saved is reading the weighted rows. (Across processes,
/// the registry's feature cache saves weighting them, and its term cache tokenising the records:
/// `Registry.textFeatures(of:)`.)
///
/// For example, a server holding one ranker per open registry:
///
/// ```swift
/// let ranker = ScreeningRanker()
/// let next = try ranker.rankedQueue(in: registry, stage: .titleAbstract, reviewer: ana, limit: 1).first
/// // … Ana votes; Ben imports an update search …
/// let queue = try ranker.rankedQueue(in: registry, stage: .titleAbstract, reviewer: ana, limit: 20)
/// ```
///
/// It is not safe to call from two threads at once: hold it in one actor (or behind a lock).
/// The blinding of `nextRecord(stage:reviewer:skipping:order:)` holds: a fit reads only what the
/// reviewer may know, and the cached features depend on the records' texts alone.
package final class ScreeningRanker {
    private var corpus: [Int64] = []
    private var features: TextFeatures?

    package init() {}

    /// Up to `limit` records awaiting `reviewer` at `stage`, most likely include first, ties to the
    /// lower id; imported order until the labels `reviewer` may know hold an include and an
    /// exclude (see `Registry.nextRecord(stage:reviewer:skipping:order:)`).
    ///
    /// - Throws: `StoreError` and `SQLiteError` from reading the facts.
    package func rankedQueue(
        in registry: Registry, stage: ScreeningStage, reviewer: Reviewer?, skipping: Set<Int64> = [],
        limit: Int = .max
    ) throws -> [Int64] {
        let input = try registry.rankingInput(stage: stage, reviewer: reviewer, skipping: skipping)
        guard ScreeningModel.canRank(input.labels) else {
            return Array(input.candidates.prefix(limit).map { input.corpus[$0] })
        }
        var model = ScreeningModel(features: try features(of: input.corpus, in: registry), seed: 0)
        model.fit(labels: input.labels)
        return ScreeningModel.order(input.candidates, by: model).prefix(limit).map { input.corpus[$0] }
    }

    /// The features of `corpus`, weighted again only when it differs from the last one (records
    /// are facts, never edited, so the same ids mean the same texts), from the registry's caches.
    private func features(of corpus: [Int64], in registry: Registry) throws -> TextFeatures {
        if let features, corpus == self.corpus { return features }
        let fresh = try registry.textFeatures(of: corpus)
        self.corpus = corpus
        features = fresh
        return fresh
    }
}
