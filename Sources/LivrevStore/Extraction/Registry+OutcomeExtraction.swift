/// Where one outcome row (study, outcome, label) stands in extraction.
///
/// Values are only ever given for rows in conflict, where every party has had its say: a row
/// that one extractor has entered shows who entered it and nothing of what (blinding).
package struct OutcomeRowExtraction: Sendable {
    package let study: String
    package let outcome: String
    package let label: String?
    package let status: ExtractionStatus
    /// The extractors whose current entries hold the row, in team order.
    package let enteredBy: [String]
    /// Conflicts only: each party's current value (nil: they entered the study's outcome without this row).
    package let values: [(extractor: String, value: OutcomeRowValue?)]
    /// Conflicts only: the value recorded or resolved earlier that a newer entry disputes.
    package let consolidated: OutcomeRowValue?
    /// Conflicts only: the fields that differ (`row` when a party has no such row).
    package let differing: [String]
}

/// The outcome data as of one revision: the rows that count, and every row's extraction state.
package struct OutcomeExtraction: Sendable {
    /// The consolidated rows, in the order they were first imported.
    package let rows: [OutcomeRow]
    /// Every row that an extractor entered or an arbiter resolved, in the order first imported.
    package let states: [OutcomeRowExtraction]
    let agreementFacts: AgreementFacts<OutcomeRowValue>

    /// Rows whose extractors disagree.
    package var conflicts: [OutcomeRowExtraction] { states.filter { $0.status == .conflict } }
    /// Rows only one extractor has entered.
    package var enteredOnce: [OutcomeRowExtraction] { states.filter { $0.status == .enteredOnce } }
    /// Rows that do not count yet: in conflict or entered once.
    package var pending: [OutcomeRowExtraction] { states.filter { $0.status != .consolidated } }
}

extension Registry {
    /// The outcome data (of one outcome, or all) as of `revision`: recorded rows, extractors'
    /// entries and arbiters' resolutions, consolidated by `Consolidation`'s rule.
    package func outcomeExtraction(outcome: String? = nil, at revision: Int64 = .max) throws -> OutcomeExtraction {
        let recorded = try recordedOutcomeRows(outcome: outcome, at: revision)
        let facts = try outcomeExtractionFacts(outcome: outcome, at: revision)
        guard !facts.entries.isEmpty || !facts.resolutions.isEmpty else {
            return OutcomeExtraction(rows: recorded.map(\.row), states: [], agreementFacts: AgreementFacts())
        }
        var recordedByKey: [ExtractionKey: ExtractionLedger<OutcomeRowValue>.Recorded] = [:]
        var recordedRows: [ExtractionKey: [(FactPosition, OutcomeRow)]] = [:]
        for (row, rowRevision) in recorded {
            recordedRows[row.key, default: []].append((FactPosition(revision: rowRevision, table: 0, id: row.id), row))
            let value = OutcomeRowValue(data: row.data, year: row.year, eventName: row.eventName)
            let place = FactPosition(revision: rowRevision, table: 0, id: row.id)
            if var known = recordedByKey[row.key] {
                known.values.append(value)
                known.revision = max(known.revision, rowRevision)
                recordedByKey[row.key] = known
            } else {
                recordedByKey[row.key] = .init(values: [value], revision: rowRevision, position: place)
            }
        }
        let ledger = ExtractionLedger(entries: facts.entries, resolutions: facts.resolutions, recorded: recordedByKey)
        let names = Dictionary(uniqueKeysWithValues: try reviewers(at: revision).map { ($0.id, $0.name) })
        var counted: [(FactPosition, OutcomeRow)] = []
        var decided = Set<ExtractionKey>()
        var states: [OutcomeRowExtraction] = []
        for state in ledger.states {
            decided.insert(state.key)
            let study = state.key.group[0]
            let outcome = state.key.group[1]
            func row(id: Int64, _ value: OutcomeRowValue, source: (String?, Int?)) -> OutcomeRow {
                OutcomeRow(
                    id: id, study: study, outcome: outcome, label: state.key.item, eventName: value.eventName,
                    year: value.year, data: value.data, sourceFile: source.0, sourceLine: source.1, isRecorded: false)
            }
            var status = ExtractionStatus.consolidated
            switch state.verdict {
            case .base:
                if let resolution = state.resolution {
                    if let value = resolution.value {
                        counted.append((state.position, row(id: resolution.id, value, source: (nil, nil))))
                    }
                } else {
                    counted += recordedRows[state.key] ?? []
                }
            case .agreement(let value):
                if let entry = state.agreedEntry {
                    let agreed = entry.value ?? value
                    counted.append((state.position, row(id: entry.id, agreed, source: facts.sources[entry.id] ?? (nil, nil))))
                }
            case .conflict: status = .conflict
            case .enteredOnce: status = .enteredOnce
            case .absent: continue
            }
            let inConflict = status == .conflict
            states.append(
                OutcomeRowExtraction(
                    study: study, outcome: outcome, label: state.key.item, status: status,
                    enteredBy: state.says.filter { $0.value != nil }.map { names[$0.extractor] ?? "?" },
                    values: inConflict ? state.says.map { (names[$0.extractor] ?? "?", $0.value) } : [],
                    consolidated: inConflict ? state.base?.values.first : nil,
                    differing: inConflict ? state.differingFields : []))
        }
        for (row, rowRevision) in recorded where !decided.contains(row.key) {
            counted.append((FactPosition(revision: rowRevision, table: 0, id: row.id), row))
        }
        return OutcomeExtraction(
            rows: counted.sorted { $0.0 < $1.0 }.map(\.1), states: states, agreementFacts: AgreementFacts(ledger))
    }

    /// Entries and resolutions in id order, and each entry's source file and line.
    private func outcomeExtractionFacts(outcome: String?, at revision: Int64) throws -> (
        entries: [ExtractionLedger<OutcomeRowValue>.Entry], resolutions: [ExtractionLedger<OutcomeRowValue>.Resolution],
        sources: [Int64: (String?, Int?)]
    ) {
        let filter = outcome == nil ? "" : " AND o.name = ?"
        var arguments: [SQLBindable] = [revision]
        if let outcome { arguments.append(outcome) }
        var sources: [Int64: (String?, Int?)] = [:]
        let entries = try connection.prepare(
            """
            SELECT e.id, e.revision, e.extractor_id, s.key, o.name, e.label, e.withdrawn, e.event_name, e.year,
                   e.source_file, e.source_line, \(OutcomeData.columns(of: "e"))
            FROM outcome_entry e JOIN study s ON s.id = e.study_id JOIN outcome o ON o.id = e.outcome_id
            WHERE e.revision <= ?\(filter) ORDER BY e.id
            """
        ).map(arguments) { row -> ExtractionLedger<OutcomeRowValue>.Entry in
            let id = try row.int64("id")
            sources[id] = try (row.text("source_file"), row.optionalInt("source_line"))
            let value =
                try row.bool("withdrawn")
                ? nil
                : try OutcomeData.read(row).map {
                    try OutcomeRowValue(data: $0, year: row.optionalInt("year"), eventName: row.text("event_name"))
                }
            return try .init(
                id: id, revision: row.int64("revision"), extractor: row.int64("extractor_id"),
                key: ExtractionKey(group: [row.text("key") ?? "", row.text("name") ?? ""], item: row.text("label")),
                value: value)
        }
        let resolutions = try connection.prepare(
            """
            SELECT r.id, r.revision, s.key, o.name, r.label, r.event_name, r.year, \(OutcomeData.columns(of: "r"))
            FROM outcome_resolution r JOIN study s ON s.id = r.study_id JOIN outcome o ON o.id = r.outcome_id
            WHERE r.revision <= ?\(filter) ORDER BY r.id
            """
        ).map(arguments) { row -> ExtractionLedger<OutcomeRowValue>.Resolution in
            try .init(
                id: row.int64("id"), revision: row.int64("revision"),
                key: ExtractionKey(group: [row.text("key") ?? "", row.text("name") ?? ""], item: row.text("label")),
                value: OutcomeData.read(row).map {
                    try OutcomeRowValue(data: $0, year: row.optionalInt("year"), eventName: row.text("event_name"))
                })

        }
        return (entries, resolutions, sources)
    }
}

extension OutcomeRow {
    /// The row's key for extraction: (study, outcome) and label.
    var key: ExtractionKey { ExtractionKey(group: [study, outcome], item: label) }
}
