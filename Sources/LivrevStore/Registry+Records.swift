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
    /// The record table's columns after `id` and `revision`, in its order.
    fileprivate static let columns = [
        "search_id", "title", "abstract", "authors", "year", "journal", "doi", "pmid", "registry_numbers",
        "source_file", "source_line", "volume", "issue", "pages", "keywords", "source_format",
    ]

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

    /// Appends one record. The DOI is normalized here, once, whatever field the reader took it from.
    package mutating func append(_ record: ImportedRecord) {
        let registryNumbers = record.registryNumbers.isEmpty ? nil : record.registryNumbers.joined(separator: " ")
        let authors = record.authors.isEmpty ? nil : record.authors.joined(separator: "\n")
        let keywords = record.keywords.isEmpty ? nil : record.keywords.joined(separator: "\n")
        let doi = record.doi.flatMap(RecordKeys.normalizedDOI)
        rows.append([
            .integer(searchID), .text(record.title), record.abstract.sqlValue, authors.sqlValue,
            record.year.sqlValue, record.journal.sqlValue, doi.sqlValue, record.pmid.sqlValue,
            registryNumbers.sqlValue, .text(file), .integer(Int64(record.line)), record.volume.sqlValue,
            record.issue.sqlValue, record.pages.sqlValue, keywords.sqlValue,
            format.map { SQLValue.text($0.rawValue) } ?? .null,
        ])
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
        let names = RecordBatch.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: RecordBatch.columns.count + 2).joined(separator: ", ")
        let statement = try connection.prepare("INSERT INTO record (id, revision, \(names)) VALUES (\(placeholders))")
        for (offset, values) in batch.rows.enumerated() {
            // Bound one by one: an array of existentials per record was a measurable share of an import.
            statement.reset()
            try statement.bind(.integer(mark + 1 + Int64(offset)), at: 1)
            try statement.bind(.integer(revision), at: 2)
            for (index, value) in values.enumerated() {
                try statement.bind(value, at: Int32(index + 3))
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
            let id = row.int64(0)
            let summary = summaries[next]
            next += 1
            return RecordListing(
                id: id, title: row.text(1) ?? "", year: row.optionalInt(2), doi: row.text(3), pmid: row.text(4),
                search: row.int64(5), duplicateOf: facts[record: id]?.duplicateOf, status: summary.status)
        }
    }

    /// The full record, as a reviewer sees it.
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func recordDetail(_ id: Int64, at revision: Int64 = .max) throws -> RecordDetail {
        let rows = try connection.prepare(
            "SELECT title, abstract, authors, year, journal, doi, pmid FROM record WHERE id = ? AND revision <= ?"
        ).map([id, revision]) { row in
            RecordDetail(
                id: id, title: row.text(0) ?? "", abstract: row.text(1),
                authors: row.text(2).map { $0.split(separator: "\n").map(String.init) } ?? [],
                year: row.optionalInt(3), journal: row.text(4), doi: row.text(5), pmid: row.text(6))
        }
        guard let detail = rows.first else { throw StoreError.noSuchRecord(id) }
        return detail
    }
}
