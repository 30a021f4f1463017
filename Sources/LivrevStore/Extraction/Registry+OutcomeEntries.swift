/// How an arbiter settles a discrepancy: by taking one extractor's values, or by typing the right ones.
package enum ResolutionChoice<Value: Sendable>: Sendable {
    case accept(Reviewer)
    case value(Value)
}

extension Registry {
    /// Records `extractor`'s own entries of outcome rows (dual extraction), creating the studies and
    /// outcomes they name that do not exist yet. An entry supersedes the extractor's earlier entry of
    /// the same (study, outcome, label); with `replace`, the extractor's rows of each (study, outcome)
    /// in `rows` that `rows` leaves out are withdrawn.
    ///
    /// - Returns: what was created, and how many earlier entries were withdrawn.
    package func addOutcomeEntries(
        _ rows: [NewOutcomeRow], extractor: Reviewer, replace: Bool, defaultMeasure: (NewOutcomeRow) -> String,
        revision: Int64
    ) throws -> (created: (studies: [String], outcomes: [String]), withdrawn: Int) {
        var targets = try RowTargets(self)
        let insert = try connection.prepare(
            """
            INSERT INTO outcome_entry (revision, extractor_id, study_id, outcome_id, label, withdrawn, event_name, year,
                source_file, source_line, \(OutcomeData.columns()))
            VALUES (:revision, :extractor_id, :study_id, :outcome_id, :label, 0, :event_name, :year,
                :source_file, :source_line, \(OutcomeData.parameters))
            """)
        var entered: [[Int64]: Set<String?>] = [:]  // [study, outcome] → labels in `rows`
        for row in rows {
            let (study, outcome) = try targets.ids(for: row, defaultMeasure: defaultMeasure, revision: revision)
            entered[[study, outcome], default: []].insert(row.label)
            let columns: [String: SQLBindable] = [
                "revision": revision, "extractor_id": extractor.id, "study_id": study, "outcome_id": outcome,
                "label": row.label, "event_name": row.eventName, "year": row.year, "source_file": row.sourceFile,
                "source_line": row.sourceLine,
            ]
            try insert.run(named: columns.merging(row.data.arguments) { $1 })
        }
        guard replace else { return (targets.created, 0) }
        var withdrawn = 0
        for (key, label) in try currentEntryKeys(of: extractor, before: revision) {
            guard let labels = entered[key], !labels.contains(label) else { continue }
            try connection.execute(
                """
                INSERT INTO outcome_entry (revision, extractor_id, study_id, outcome_id, label, withdrawn)
                VALUES (?, ?, ?, ?, ?, 1)
                """, revision, extractor.id, key[0], key[1], label)
            withdrawn += 1
        }
        return (targets.created, withdrawn)
    }

    /// The (study id, outcome id) and label of every row `extractor` currently holds, entered before `revision`.
    private func currentEntryKeys(of extractor: Reviewer, before revision: Int64) throws -> [([Int64], String?)] {
        var latest: [[Int64]: [String?: Bool]] = [:]
        var order: [([Int64], String?)] = []
        try connection.prepare(
            "SELECT study_id, outcome_id, label, withdrawn FROM outcome_entry WHERE extractor_id = ? AND revision < ? ORDER BY id"
        ).forEachRow([extractor.id, revision]) { row in
            let key = [try row.int64("study_id"), try row.int64("outcome_id")]
            let label = try row.text("label")
            if latest[key]?[label] == nil { order.append((key, label)) }
            latest[key, default: [:]][label] = try !row.bool("withdrawn")
        }
        return order.filter { latest[$0.0]?[$0.1] == true }
    }

    /// Settles a discrepancy in one outcome row: the arbiter takes one extractor's values (their
    /// row, or their having no such row) or types the values.
    ///
    /// - Throws: `StoreError.noSuchStudy`, `.noSuchOutcome`, `.noSuchRow` when nobody entered the
    ///   row; `.noExtractionConflict` when it is not in conflict; `.mayNotConsolidate` unless
    ///   `arbiter` is an arbiter; `.notAnExtractor` when the accepted reviewer has no say on it.
    package func resolveOutcomeRow(
        study: String, outcome: String, label: String?, choice: ResolutionChoice<OutcomeData>, arbiter: Reviewer,
        revision: Int64
    ) throws {
        guard let studyID = try studyID(study) else { throw StoreError.noSuchStudy(study) }
        let outcomeID = try self.outcome(named: outcome).id
        let row = describeRow(study: study, outcome: outcome, label: label)
        let extraction = try outcomeExtraction(outcome: outcome)
        guard let state = extraction.states.first(where: { $0.study == study && $0.label == label }) else {
            if extraction.rows.contains(where: { $0.study == study && $0.label == label }) {
                throw StoreError.noExtractionConflict(row)
            }
            throw StoreError.noSuchRow(row)
        }
        guard state.status == .conflict else { throw StoreError.noExtractionConflict(row) }
        guard arbiter.role.mayArbitrate else {
            throw StoreError.mayNotConsolidate(reviewer: arbiter.name, action: "resolve an extraction discrepancy")
        }
        let described = state.values.compactMap(\.value).first ?? state.consolidated
        let value: OutcomeRowValue?
        var accepted: Int64?
        switch choice {
        case .accept(let extractor):
            guard let say = state.values.first(where: { $0.extractor == extractor.name }) else {
                throw StoreError.notAnExtractor(reviewer: extractor.name, row: row)
            }
            value = say.value
            accepted = extractor.id
        case .value(let data):
            value = OutcomeRowValue(data: data, year: described?.year, eventName: described?.eventName)
        }
        let columns: [String: SQLBindable] = [
            "revision": revision, "reviewer_id": arbiter.id, "study_id": studyID, "outcome_id": outcomeID, "label": label,
            "accepted_id": accepted, "event_name": value?.eventName, "year": value?.year,
        ]
        try connection.prepare(
            """
            INSERT INTO outcome_resolution (revision, reviewer_id, study_id, outcome_id, label, accepted_id, event_name,
                year, \(OutcomeData.columns()))
            VALUES (:revision, :reviewer_id, :study_id, :outcome_id, :label, :accepted_id, :event_name, :year,
                \(OutcomeData.parameters))
            """
        ).run(named: columns.merging(value?.data.arguments ?? OutcomeData.nullArguments) { $1 })

    }

    /// "Hare 2009 / Fever / label a", for messages.
    func describeRow(study: String, outcome: String, label: String?) -> String {
        "\(study) / \(outcome)" + (label.map { " / label \($0)" } ?? "")
    }
}
