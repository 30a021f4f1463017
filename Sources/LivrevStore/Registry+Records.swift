/// One line of `records list`.
package struct RecordListing: Equatable, Sendable {
    package let id: Int64
    package let title: String
    package let year: Int?
    package let doi: String?
    package let pmid: String?
    package let search: Int64
    package let duplicateOf: Int64?
    package let status: RecordStatus
}

/// What a reviewer sees of a record when screening it.
package struct RecordDetail: Equatable, Sendable {
    package let id: Int64
    package let title: String
    package let abstract: String?
    package let authors: [String]
    package let year: Int?
    package let journal: String?
    package let doi: String?
    package let pmid: String?
}

/// Records of one search read and checked before a write takes the lock, each already as the values
/// it is stored with, so that the write only inserts them (`Registry.insert(_:revision:progress:)`).
package struct RecordBatch: Sendable {
    /// The record table's columns after `id` and `revision`, in its order (the order the rows are
    /// hashed in beside their inserts), read off ``fields(of:doi:searchID:file:format:)``.

    fileprivate static let columns = fields(
        of: ImportedRecord(title: "", line: 0), doi: nil, searchID: 0, file: "", format: nil
    ).map(\.column)

    /// Each column of the record table after `id` and `revision`, in its order, with its value for
    /// `record` (whose DOI is `doi`, normalized): the one list that pairs a column with its value,
    /// so that neither can shift.
    private static func fields(
        of record: ImportedRecord, doi: String?, searchID: Int64, file: String, format: ImportFormat?
    ) -> [(column: String, value: SQLValue)] {
        func lines(_ items: [String], _ separator: String) -> SQLValue {
            items.isEmpty ? .null : .text(items.joined(separator: separator))
        }
        return [
            ("search_id", .integer(searchID)), ("title", .text(record.title)), ("abstract", record.abstract.sqlValue),
            ("authors", lines(record.authors, "\n")), ("year", record.year.sqlValue),
            ("journal", record.journal.sqlValue), ("doi", doi.sqlValue),
            ("pmid", record.pmid.sqlValue), ("registry_numbers", lines(record.registryNumbers, " ")),
            ("source_file", .text(file)), ("source_line", .integer(Int64(record.line))),
            ("volume", record.volume.sqlValue), ("issue", record.issue.sqlValue), ("pages", record.pages.sqlValue),
            ("keywords", lines(record.keywords, "\n")), ("source_format", format.map { .text($0.rawValue) } ?? .null),
        ]
    }

    package let searchID: Int64
    package let file: String
    package let format: ImportFormat?
    fileprivate private(set) var rows: [[SQLValue]] = []
    /// How many records have a DOI, a PMID, an abstract (for the import's summary line).
    package private(set) var withDOI = 0, withPMID = 0, withAbstract = 0

    package init(searchID: Int64, file: String, format: ImportFormat? = nil) {
        self.searchID = searchID
        self.file = file
        self.format = format
    }

    package var count: Int { rows.count }

    /// A list column's items (authors, keywords: one per line as ``fields(of:doi:searchID:file:format:)``
    /// stores them), split on the UTF-8 bytes.
    static func items(ofLines text: String?) -> [String] {
        guard let text else { return [] }
        return text.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends one record. The DOI is normalized here, once, whatever field the reader took it from.
    package mutating func append(_ record: ImportedRecord) {
        let doi = record.doi.flatMap(RecordKeys.normalizedDOI)
        rows.append(RecordBatch.fields(of: record, doi: doi, searchID: searchID, file: file, format: format).map(\.value))
        if doi != nil { withDOI += 1 }
        if record.pmid != nil { withPMID += 1 }
        if record.abstract != nil { withAbstract += 1 }
    }
}

extension Registry {
    /// Inserts `batch` as part of `revision`, calling `progress` after each record. A second thread
    /// hashes the rows for the revision's seal meanwhile, so the seal does not read them back.
    ///
    /// - Throws: `StoreError.noSuchSearch`.
    package func insert(_ batch: RecordBatch, revision: Int64, progress: () -> Void = {}) throws {
        _ = try search(id: batch.searchID)
        let mark = try connection.scalarInt("SELECT coalesce(max(id), 0) FROM record") ?? 0
        let shape = try connection.prepare("SELECT * FROM record LIMIT 0")
        if (0..<shape.columnCount).map(shape.columnName) == ["id", "revision"] + RecordBatch.columns {
            digestsAhead["record"] = RowsDigest(
                after: mark, revision: revision, rows: batch.rows, late: Registry.lateColumns("record", shape))
        }
        let columns = ["id", "revision"] + RecordBatch.columns
        let statement = try connection.prepare(
            "INSERT INTO record (\(columns.joined(separator: ", "))) VALUES (\(columns.map { ":" + $0 }.joined(separator: ", ")))"
        )
        // Each value goes to its column's named parameter, looked up once for the whole batch.
        let id = try statement.parameterIndex("id"), revisionParameter = try statement.parameterIndex("revision")
        let parameters = try RecordBatch.columns.map(statement.parameterIndex)
        for (offset, values) in batch.rows.enumerated() {
            // Bound one by one: an array of existentials per record was a measurable share of an import.
            statement.reset()
            try statement.bind(.integer(mark + 1 + Int64(offset)), at: id)
            try statement.bind(.integer(revision), at: revisionParameter)
            for (parameter, value) in zip(parameters, values) {
                try statement.bind(value, at: parameter)
            }

            try statement.run()
            progress()
        }
    }

    /// Every record as of `revision`, in id order, with its derived status.
    package func records(at revision: Int64 = .max) throws -> [RecordListing] {
        let facts = try screeningFacts(at: revision)
        let summaries = facts.summaries
        var next = 0
        return try connection.prepare(
            "SELECT id, title, year, doi, pmid, search_id FROM record WHERE revision <= ? ORDER BY id"
        ).map([revision]) { row in
            let id = try row.int64("id")
            let summary = summaries[next]
            next += 1
            return try RecordListing(
                id: id, title: row.text("title") ?? "", year: row.optionalInt("year"), doi: row.text("doi"),
                pmid: row.text("pmid"), search: row.int64("search_id"), duplicateOf: facts[record: id]?.duplicateOf,
                status: summary.status)
        }
    }

    /// The full record, as a reviewer sees it.
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func recordDetail(_ id: Int64, at revision: Int64 = .max) throws -> RecordDetail {
        let rows = try connection.prepare(
            "SELECT title, abstract, authors, year, journal, doi, pmid FROM record WHERE id = ? AND revision <= ?"
        ).first([id, revision]) { row in
            try RecordDetail(
                id: id, title: row.text("title") ?? "", abstract: row.text("abstract"),
                authors: RecordBatch.items(ofLines: row.text("authors")),
                year: row.optionalInt("year"), journal: row.text("journal"), doi: row.text("doi"), pmid: row.text("pmid"))
        }
        guard let detail = rows else { throw StoreError.noSuchRecord(id) }
        return detail
    }
}
