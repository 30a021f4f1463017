/// Where one characteristic of one study stands in extraction. As for outcome rows, values are
/// given only for conflicts. Unlike an outcome's rows, characteristics are extracted one by one
/// (an import may hold some columns only): an extractor is a party to a study's characteristic
/// only once they entered it, so a characteristic one extractor has not entered is pending, never
/// a conflict.
package struct CharacteristicExtraction: Sendable {
    package let study: String
    package let name: String
    package let status: ExtractionStatus
    package let enteredBy: [String]
    /// Conflicts only: each party's current value (nil: they extracted the study without this characteristic).
    package let values: [(extractor: String, value: CharacteristicValue?)]
    /// Conflicts only: the value recorded or resolved earlier that a newer entry disputes.
    package let consolidated: CharacteristicValue?
}

/// The characteristics as of one revision: the consolidated table and every extracted value's state.
package struct CharacteristicsExtraction: Sendable {
    package let table: CharacteristicsTable
    package let states: [CharacteristicExtraction]
    let agreementFacts: AgreementFacts<CharacteristicValue>

    package var conflicts: [CharacteristicExtraction] { states.filter { $0.status == .conflict } }
    package var enteredOnce: [CharacteristicExtraction] { states.filter { $0.status == .enteredOnce } }
}

extension Registry {
    /// Records `extractor`'s own values of a study's characteristics (dual extraction); each
    /// supersedes the extractor's earlier value of the same characteristic.
    ///
    /// - Throws: `StoreError.noSuchStudy`.
    package func addCharacteristicEntries(
        study key: String, values: [(name: String, value: String)], extractor: Reviewer, revision: Int64
    ) throws {
        guard let study = try studyID(key) else { throw StoreError.noSuchStudy(key) }
        let insert = try connection.prepare(
            """
            INSERT INTO characteristic_entry (revision, extractor_id, study_id, name, value_text, value_number)
            VALUES (:revision, :extractor_id, :study_id, :name, :value_text, :value_number)
            """)
        for (name, text) in values {
            let value = CharacteristicValue(text)
            try insert.run(named: [
                "revision": revision, "extractor_id": extractor.id, "study_id": study, "name": name,
                "value_text": value.text, "value_number": value.number,
            ])

        }
    }

    /// Settles a discrepancy in one characteristic of one study.
    ///
    /// - Throws: `StoreError.noSuchStudy`, `.noSuchRow`, `.noExtractionConflict`, `.mayNotConsolidate`,
    ///   `.notAnExtractor` (as `resolveOutcomeRow`).
    package func resolveCharacteristic(
        study: String, name: String, choice: ResolutionChoice<String>, arbiter: Reviewer, revision: Int64
    ) throws {
        guard let studyID = try studyID(study) else { throw StoreError.noSuchStudy(study) }
        let row = "\(study) / \(name)"
        let extraction = try characteristicExtraction()
        guard let state = extraction.states.first(where: { $0.study == study && $0.name == name }) else {
            let recorded = extraction.table.studies.first { $0.study == study }?.values[name] != nil
            throw recorded ? StoreError.noExtractionConflict(row) : StoreError.noSuchRow(row)
        }
        guard state.status == .conflict else { throw StoreError.noExtractionConflict(row) }
        guard arbiter.role.mayArbitrate else {
            throw StoreError.mayNotConsolidate(reviewer: arbiter.name, action: "resolve an extraction discrepancy")
        }
        let value: CharacteristicValue?
        var accepted: Int64?
        switch choice {
        case .accept(let extractor):
            guard let say = state.values.first(where: { $0.extractor == extractor.name }) else {
                throw StoreError.notAnExtractor(reviewer: extractor.name, row: row)
            }
            value = say.value
            accepted = extractor.id
        case .value(let text):
            value = CharacteristicValue(text)
        }
        try connection.execute(
            """
            INSERT INTO characteristic_resolution (revision, reviewer_id, study_id, name, accepted_id, value_text, value_number)
            VALUES (:revision, :reviewer_id, :study_id, :name, :accepted_id, :value_text, :value_number)
            """,
            named: [
                "revision": revision, "reviewer_id": arbiter.id, "study_id": studyID, "name": name, "accepted_id": accepted,
                "value_text": value?.text, "value_number": value?.number,
            ])
    }

    /// The characteristics as of `revision`: recorded values, extractors' entries and arbiters'
    /// resolutions, consolidated by `Consolidation`'s rule. A characteristic name appears in the
    /// table once some study has a consolidated value of it.
    package func characteristicExtraction(at revision: Int64 = .max) throws -> CharacteristicsExtraction {
        let recorded = try recordedCharacteristics(at: revision)
        typealias Ledger = ExtractionLedger<CharacteristicValue>
        let entries = try connection.prepare(
            """
            SELECT e.id, e.revision, e.extractor_id, s.key, e.name, e.value_text FROM characteristic_entry e
            JOIN study s ON s.id = e.study_id WHERE e.revision <= ? ORDER BY e.id
            """
        ).map([revision]) { row in
            let name = try row.text("name") ?? ""
            return try Ledger.Entry(
                id: row.int64("id"), revision: row.int64("revision"), extractor: row.int64("extractor_id"),
                key: ExtractionKey(group: [row.text("key") ?? "", name], item: name),
                value: row.text("value_text").map(CharacteristicValue.init))
        }
        let resolutions = try connection.prepare(
            """
            SELECT r.id, r.revision, s.key, r.name, r.value_text FROM characteristic_resolution r
            JOIN study s ON s.id = r.study_id WHERE r.revision <= ? ORDER BY r.id
            """
        ).map([revision]) { row in
            let name = try row.text("name") ?? ""
            return try Ledger.Resolution(
                id: row.int64("id"), revision: row.int64("revision"),
                key: ExtractionKey(group: [row.text("key") ?? "", name], item: name),
                value: row.text("value_text").map(CharacteristicValue.init))

        }
        var recordedByKey: [ExtractionKey: Ledger.Recorded] = [:]
        for item in recorded {
            recordedByKey[ExtractionKey(group: [item.study, item.name], item: item.name)] = .init(
                values: [item.value], revision: item.revision, position: item.position)
        }
        let ledger = Ledger(entries: entries, resolutions: resolutions, recorded: recordedByKey)
        let names = Dictionary(uniqueKeysWithValues: try reviewers(at: revision).map { ($0.id, $0.name) })
        var counted: [(FactPosition, String, String, CharacteristicValue)] = []
        var decided = Set<ExtractionKey>()
        var states: [CharacteristicExtraction] = []
        for state in ledger.states {
            decided.insert(state.key)
            let (study, name) = (state.key.group[0], state.key.item ?? "")
            var status = ExtractionStatus.consolidated
            switch state.verdict {
            case .base:
                if let value = state.base?.values.first {
                    counted.append((recordedByKey[state.key]?.position ?? state.position, study, name, value))
                }
            case .agreement(let value): counted.append((state.position, study, name, value))
            case .conflict: status = .conflict
            case .enteredOnce: status = .enteredOnce
            case .absent: continue
            }
            let inConflict = status == .conflict
            states.append(
                CharacteristicExtraction(
                    study: study, name: name, status: status,
                    enteredBy: state.says.filter { $0.value != nil }.map { names[$0.extractor] ?? "?" },
                    values: inConflict ? state.says.map { (names[$0.extractor] ?? "?", $0.value) } : [],
                    consolidated: inConflict ? state.base?.values.first : nil))
        }
        for item in recorded where !decided.contains(ExtractionKey(group: [item.study, item.name], item: item.name)) {
            counted.append((item.position, item.study, item.name, item.value))
        }
        counted.sort { $0.0 < $1.0 }
        var order: [String] = []
        var seen = Set<String>()
        var values: [String: [String: CharacteristicValue]] = [:]
        for (_, study, name, value) in counted {
            if seen.insert(name).inserted { order.append(name) }
            values[study, default: [:]][name] = value
        }
        let studies = try studies(at: revision).map { ($0.key, values[$0.key] ?? [:]) }
        return CharacteristicsExtraction(
            table: CharacteristicsTable(names: order, studies: studies), states: states, agreementFacts: AgreementFacts(ledger))
    }
}
