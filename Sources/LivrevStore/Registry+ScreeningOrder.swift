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
    /// left. `screen next`, the interactive screener and `serve` all ask this, so they agree.
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
    /// `serve` shares among all its screeners.
    package func rankedQueue(
        stage: ScreeningStage, reviewer: Reviewer?, skipping: Set<Int64> = [], limit: Int = .max
    ) throws -> [Int64] {
        let facts = try screeningFacts()
        let awaiting: RecordStatus = stage == .titleAbstract ? .awaitingTitleAbstract : .awaitingFullText
        var corpus: [Int64] = []
        var candidates: [Int] = []
        var labels: [(row: Int, include: Bool)] = []
        for record in facts.records {
            let kind = facts.searchKinds[record.searchID] ?? .database
            guard kind != .previous, record.duplicateOf == nil else { continue }
            let row = corpus.count
            corpus.append(record.id)
            let stageFacts = record[stage]
            let own = reviewer.flatMap { reviewer in stageFacts.votes.first { $0.reviewerID == reviewer.id } }?.decision
            if let known = stageFacts.resolution?.decision ?? own
                ?? stageFacts.outcome(required: Self.reviewersPerRecord).decision
            {
                labels.append((row, known.movesOn))
            } else if facts.status(of: record) == awaiting && !skipping.contains(record.id) {
                candidates.append(row)
            }
        }
        guard ScreeningModel.canRank(labels) else { return Array(candidates.prefix(limit).map { corpus[$0] }) }
        let texts = try screeningTexts(of: corpus)
        var model = ScreeningModel(features: TextFeatures(texts: texts), seed: 0)
        let score = model.scores(labels: labels)
        let ranked = candidates.sorted { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
        return ranked.prefix(limit).map { corpus[$0] }
    }

    /// Title, abstract, journal (and keywords, where the registry keeps them) of each record, in
    /// the order of `ids` (which must be ascending).
    func screeningTexts(of ids: [Int64]) throws -> [String] {
        let hasKeywords =
            try connection.scalarInt("SELECT count(*) FROM pragma_table_info('record') WHERE name = 'keywords'") == 1
        let columns = "title, abstract, journal" + (hasKeywords ? ", keywords" : "")
        var texts: [Int64: String] = [:]
        texts.reserveCapacity(ids.count)
        try connection.prepare("SELECT id, \(columns) FROM record ORDER BY id").forEachRow { row in
            let parts = (1..<row.columnCount).compactMap { row.text($0) }
            texts[row.int64(0)] = parts.joined(separator: " ")
        }
        return ids.map { texts[$0] ?? "" }
    }
}
