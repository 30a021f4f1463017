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
    /// Whether the row was recorded directly (single mode, `--final`), so that `id` is an
    /// `outcome_row` id that `data retract` takes; false for a row dual extraction consolidated
    /// (its id is the entry's or the resolution's, and extractors correct it with `--replace`).
    package var isRecorded = true
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
            try Outcome(id: $0.int64("id"), name: $0.text("name") ?? "", measure: $0.text("measure") ?? "OR")

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

    /// Adds outcome rows as recorded, consolidated values (single-mode extraction, or `--final`),
    /// creating the studies and outcomes they name that do not exist yet.
    ///
    /// - Returns: the study keys and outcome names that were created, in first-seen order.
    package func addOutcomeRows(_ rows: [NewOutcomeRow], defaultMeasure: (NewOutcomeRow) -> String, revision: Int64)
        throws -> (studies: [String], outcomes: [String])
    {
        var targets = try RowTargets(self)
        let insert = try connection.prepare(
            """
            INSERT INTO outcome_row (revision, study_id, outcome_id, label, event_name, year, source_file, source_line,
                \(OutcomeData.columns()))
            VALUES (:revision, :study_id, :outcome_id, :label, :event_name, :year, :source_file, :source_line,
                \(OutcomeData.parameters))
            """)
        for row in rows {
            let (study, outcome) = try targets.ids(for: row, defaultMeasure: defaultMeasure, revision: revision)
            let columns: [String: SQLBindable] = [
                "revision": revision, "study_id": study, "outcome_id": outcome, "label": row.label,
                "event_name": row.eventName, "year": row.year, "source_file": row.sourceFile, "source_line": row.sourceLine,
            ]
            try insert.run(named: columns.merging(row.data.arguments) { $1 })
        }
        return targets.created
    }

    /// Retracts a row: it stays in history but no longer counts from this revision on.
    ///
    /// - Throws: `StoreError.noSuchOutcomeRow` when no current row has this id.
    package func retractOutcomeRow(_ id: Int64, reason: String?, revision: Int64) throws {
        guard try recordedOutcomeRows().contains(where: { $0.row.id == id }) else { throw StoreError.noSuchOutcomeRow(id) }
        try connection.execute(
            "INSERT INTO outcome_row_retraction (revision, row_id, reason) VALUES (?, ?, ?)", revision, id, reason)
    }

    /// The rows that count as of `revision` (of one outcome, or all), in the order they were imported:
    /// recorded rows, and rows that dual extraction consolidated (see `outcomeExtraction`).
    package func outcomeRows(outcome: String? = nil, at revision: Int64 = .max) throws -> [OutcomeRow] {
        try outcomeExtraction(outcome: outcome, at: revision).rows
    }

    /// The rows recorded directly (single mode, `--final`) and not retracted as of `revision`, with
    /// the revision that recorded each.
    package func recordedOutcomeRows(outcome: String? = nil, at revision: Int64 = .max) throws
        -> [(row: OutcomeRow, revision: Int64)]
    {
        let filter = outcome == nil ? "" : " AND o.name = ?"
        var arguments: [SQLBindable] = [revision, revision]
        if let outcome { arguments.append(outcome) }
        return try connection.prepare(
            """
            SELECT r.id, s.key, o.name, r.label, r.event_name, r.year, r.source_file, r.source_line, r.revision,
                   \(OutcomeData.columns(of: "r"))
            FROM outcome_row r JOIN study s ON s.id = r.study_id JOIN outcome o ON o.id = r.outcome_id
            WHERE r.revision <= ?
              AND NOT EXISTS (SELECT 1 FROM outcome_row_retraction x WHERE x.row_id = r.id AND x.revision <= ?)
              \(filter)
            ORDER BY r.id
            """
        ).map(arguments) { row in
            let data = try OutcomeData.read(row) ?? .effect(yi: 0, sei: 0)
            return try (
                OutcomeRow(
                    id: row.int64("id"), study: row.text("key") ?? "", outcome: row.text("name") ?? "",
                    label: row.text("label"), eventName: row.text("event_name"), year: row.optionalInt("year"), data: data,
                    sourceFile: row.text("source_file"), sourceLine: row.optionalInt("source_line")),
                row.int64("revision")
            )
        }
    }
}

/// Study and outcome ids for rows being added, creating what does not exist yet.
struct RowTargets {
    private let registry: Registry
    private var studyIDs: [String: Int64] = [:]
    private var outcomeIDs: [String: Int64]
    private(set) var created: (studies: [String], outcomes: [String]) = ([], [])

    init(_ registry: Registry) throws {
        self.registry = registry
        outcomeIDs = Dictionary(uniqueKeysWithValues: try registry.outcomes().map { ($0.name, $0.id) })
    }

    mutating func ids(for row: NewOutcomeRow, defaultMeasure: (NewOutcomeRow) -> String, revision: Int64) throws
        -> (study: Int64, outcome: Int64)
    {
        let studyID: Int64
        if let known = studyIDs[row.study] {
            studyID = known
        } else if let existing = try registry.studyID(row.study) {
            studyID = existing
        } else {
            studyID = try registry.addStudy(row.study, records: [], revision: revision)
            created.studies.append(row.study)
        }
        studyIDs[row.study] = studyID
        if let known = outcomeIDs[row.outcome] { return (studyID, known) }
        let outcomeID = try registry.addOutcome(row.outcome, measure: defaultMeasure(row), revision: revision)
        outcomeIDs[row.outcome] = outcomeID
        created.outcomes.append(row.outcome)
        return (studyID, outcomeID)
    }
}
