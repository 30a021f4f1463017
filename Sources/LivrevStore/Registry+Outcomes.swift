/// An outcome (e.g. an adverse-event category) and its default effect measure.
package struct Outcome: Equatable, Sendable {
    package let id: Int64
    package let name: String
    package let measure: String
}

/// The numbers of one extracted effect, in the form they were reported.
package enum OutcomeData: Equatable, Sendable {
    /// A 2×2 table: events and totals, treatment arm first.
    case dichotomous(eventsTreatment: Int, nTreatment: Int, eventsControl: Int, nControl: Int)
    /// A ratio (HR, OR, RR) with its 95% CI on the natural scale.
    case ratio(measure: String, estimate: Double, lower: Double, upper: Double)
    /// An effect on the analysis scale with its standard error.
    case effect(yi: Double, sei: Double)
    /// A single arm: events among n, pooled as a proportion.
    case singleArm(events: Int, n: Int)

    var kind: String {
        switch self {
        case .dichotomous: "dichotomous"
        case .ratio, .effect: "generic"
        case .singleArm: "single-arm"
        }
    }
}

/// One current row of outcome data.
package struct OutcomeRow: Equatable, Sendable {
    package let id: Int64
    package let study: String
    package let outcome: String
    package let label: String?
    package let eventName: String?
    package let year: Int?
    package let data: OutcomeData
    package let sourceFile: String?
    package let sourceLine: Int?
}

/// A row to add, before it has an id.
package struct NewOutcomeRow: Sendable {
    package var study: String
    package var outcome: String
    package var label: String?
    package var eventName: String?
    package var year: Int?
    package var data: OutcomeData
    package var sourceFile: String?
    package var sourceLine: Int?

    package init(
        study: String, outcome: String, label: String? = nil, eventName: String? = nil, year: Int? = nil,
        data: OutcomeData, sourceFile: String? = nil, sourceLine: Int? = nil
    ) {
        self.study = study
        self.outcome = outcome
        self.label = label
        self.eventName = eventName
        self.year = year
        self.data = data
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

extension Registry {
    /// Adds an outcome.
    ///
    /// - Throws: `StoreError.outcomeExists`.
    @discardableResult
    package func addOutcome(_ name: String, measure: String, revision: Int64) throws -> Int64 {
        if try outcomes().contains(where: { $0.name == name }) { throw StoreError.outcomeExists(name) }
        try connection.execute("INSERT INTO outcome (revision, name, measure) VALUES (?, ?, ?)", revision, name, measure)
        return connection.lastInsertRowID
    }

    /// Every outcome as of `revision`, in the order they were added.
    package func outcomes(at revision: Int64 = .max) throws -> [Outcome] {
        try connection.prepare("SELECT id, name, measure FROM outcome WHERE revision <= ? ORDER BY id").map([revision]) {
            Outcome(id: $0.int64(0), name: $0.text(1) ?? "", measure: $0.text(2) ?? "OR")
        }
    }

    /// The outcome with this name.
    ///
    /// - Throws: `StoreError.noSuchOutcome`.
    package func outcome(named name: String, at revision: Int64 = .max) throws -> Outcome {
        guard let outcome = try outcomes(at: revision).first(where: { $0.name == name }) else {
            throw StoreError.noSuchOutcome(name)
        }
        return outcome
    }

    /// Adds outcome rows, creating the studies and outcomes they name that do not exist yet.
    ///
    /// - Returns: the study keys and outcome names that were created, in first-seen order.
    package func addOutcomeRows(_ rows: [NewOutcomeRow], defaultMeasure: (NewOutcomeRow) -> String, revision: Int64)
        throws -> (studies: [String], outcomes: [String])
    {
        var studyIDs: [String: Int64] = [:]
        var outcomeIDs = Dictionary(uniqueKeysWithValues: try outcomes().map { ($0.name, $0.id) })
        var created: (studies: [String], outcomes: [String]) = ([], [])
        let insert = try connection.prepare(
            """
            INSERT INTO outcome_row (revision, study_id, outcome_id, kind, label, event_name, year,
                events_t, n_t, events_c, n_c, events, n, measure, estimate, ci_lower, ci_upper, yi, sei,
                source_file, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            let studyID: Int64
            if let known = studyIDs[row.study] {
                studyID = known
            } else if let existing = try self.studyID(row.study) {
                studyID = existing
            } else {
                studyID = try addStudy(row.study, records: [], revision: revision)
                created.studies.append(row.study)
            }
            studyIDs[row.study] = studyID
            let outcomeID: Int64
            if let known = outcomeIDs[row.outcome] {
                outcomeID = known
            } else {
                outcomeID = try addOutcome(row.outcome, measure: defaultMeasure(row), revision: revision)
                outcomeIDs[row.outcome] = outcomeID
                created.outcomes.append(row.outcome)
            }
            var values: [SQLBindable] = [revision, studyID, outcomeID, row.data.kind, row.label, row.eventName, row.year]
            switch row.data {
            case .dichotomous(let et, let nt, let ec, let nc):
                values += [
                    et, nt, ec, nc, Int?.none, Int?.none, String?.none, Double?.none, Double?.none, Double?.none,
                    Double?.none, Double?.none,
                ]
            case .ratio(let measure, let estimate, let lower, let upper):
                values += [
                    Int?.none, Int?.none, Int?.none, Int?.none, Int?.none, Int?.none, measure, estimate, lower, upper,
                    Double?.none, Double?.none,
                ]
            case .effect(let yi, let sei):
                values += [
                    Int?.none, Int?.none, Int?.none, Int?.none, Int?.none, Int?.none, String?.none, Double?.none,
                    Double?.none, Double?.none, yi, sei,
                ]
            case .singleArm(let events, let n):
                values += [
                    Int?.none, Int?.none, Int?.none, Int?.none, events, n, String?.none, Double?.none, Double?.none,
                    Double?.none, Double?.none, Double?.none,
                ]
            }
            values += [row.sourceFile, row.sourceLine]
            try insert.run(values)
        }
        return created
    }

    /// Retracts a row: it stays in history but no longer counts from this revision on.
    ///
    /// - Throws: `StoreError.noSuchOutcomeRow` when no current row has this id.
    package func retractOutcomeRow(_ id: Int64, reason: String?, revision: Int64) throws {
        guard try outcomeRows().contains(where: { $0.id == id }) else { throw StoreError.noSuchOutcomeRow(id) }
        try connection.execute(
            "INSERT INTO outcome_row_retraction (revision, row_id, reason) VALUES (?, ?, ?)", revision, id, reason)
    }

    /// The current rows as of `revision` (of one outcome, or all), in the order they were imported.
    package func outcomeRows(outcome: String? = nil, at revision: Int64 = .max) throws -> [OutcomeRow] {
        let filter = outcome == nil ? "" : " AND o.name = ?"
        var arguments: [SQLBindable] = [revision, revision]
        if let outcome { arguments.append(outcome) }
        return try connection.prepare(
            """
            SELECT r.id, s.key, o.name, r.label, r.event_name, r.year, r.kind,
                   r.events_t, r.n_t, r.events_c, r.n_c, r.events, r.n, r.measure, r.estimate, r.ci_lower, r.ci_upper,
                   r.yi, r.sei, r.source_file, r.source_line
            FROM outcome_row r JOIN study s ON s.id = r.study_id JOIN outcome o ON o.id = r.outcome_id
            WHERE r.revision <= ?
              AND NOT EXISTS (SELECT 1 FROM outcome_row_retraction x WHERE x.row_id = r.id AND x.revision <= ?)
              \(filter)
            ORDER BY r.id
            """
        ).map(arguments) { row in
            let data: OutcomeData
            switch row.text(6) {
            case "dichotomous":
                data = .dichotomous(
                    eventsTreatment: row.int(7), nTreatment: row.int(8), eventsControl: row.int(9),
                    nControl: row.int(10))
            case "single-arm":
                data = .singleArm(events: row.int(11), n: row.int(12))
            default:
                if let measure = row.text(13) {
                    data = .ratio(measure: measure, estimate: row.double(14), lower: row.double(15), upper: row.double(16))
                } else {
                    data = .effect(yi: row.double(17), sei: row.double(18))
                }
            }
            return OutcomeRow(
                id: row.int64(0), study: row.text(1) ?? "", outcome: row.text(2) ?? "", label: row.text(3),
                eventName: row.text(4), year: row.optionalInt(5), data: data, sourceFile: row.text(19),
                sourceLine: row.optionalInt(20))
        }
    }
}
