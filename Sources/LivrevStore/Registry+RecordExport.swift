/// Every stored field of one record, as `records show` and `records export` print it.
package struct StoredRecord: Equatable, Sendable {
    package let id: Int64
    /// Nil when the export gave the record no title.
    package let title: String?
    package let abstract: String?
    package let authors: [String]
    package let year: Int?
    package let journal: String?
    package let volume: String?
    package let issue: String?
    package let pages: String?
    package let doi: String?
    package let pmid: String?
    package let registryIDs: [String]
    package let keywords: [String]
    package let search: Int64
    /// The format the record was read from (`ris`, `medline`, …); nil for records imported before
    /// the registry recorded it.
    package let sourceFormat: String?
    package let duplicateOf: Int64?
    package let status: RecordStatus
}

extension Registry {
    /// Every record as of `revision` in id order, every stored field, optionally only those with `status`.
    package func storedRecords(at revision: Int64 = .max, status: RecordStatus? = nil) throws -> [StoredRecord] {
        var wanted: [Int64: RecordListing] = [:]
        for listing in try records(at: revision) where status.map({ listing.status == $0 }) ?? true {
            wanted[listing.id] = listing
        }
        guard !wanted.isEmpty else { return [] }
        return try storedRecords(at: revision, only: nil) { id in wanted[id].map { ($0.duplicateOf, $0.status) } }
    }

    /// One record with every stored field. Reads that record's rows only (a server shows one per
    /// `next`, on a registry of any size).
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func storedRecord(_ id: Int64, at revision: Int64 = .max) throws -> StoredRecord {
        let facts = try screeningFacts(at: revision, only: [id])
        guard let record = facts[record: id],
            let stored = try storedRecords(
                at: revision, only: id, { _ in (record.duplicateOf, facts.status(of: record)) }
            ).first
        else { throw StoreError.noSuchRecord(id) }
        return stored
    }

    /// The records as of `revision` (only record `only`, when given) for which `listing` gives the
    /// duplicate mark and status, in id order.
    private func storedRecords(
        at revision: Int64, only: Int64?, _ listing: (Int64) -> (duplicateOf: Int64?, status: RecordStatus)?
    ) throws -> [StoredRecord] {
        var result: [StoredRecord] = []
        try connection.prepare(
            """
            SELECT id, title, abstract, authors, year, journal, volume, issue, pages, doi, pmid, registry_numbers,
                   keywords, search_id, source_format
            FROM record WHERE revision <= ?\(only == nil ? "" : " AND id = ?") ORDER BY id
            """
        ).forEachRow(only.map { [revision, $0] as [SQLBindable] } ?? [revision]) { row in
            let id = try row.int64("id")
            guard let (duplicateOf, status) = listing(id) else { return }
            let title = try row.text("title") ?? ""
            result.append(
                try StoredRecord(
                    id: id, title: title.isEmpty ? nil : title, abstract: row.text("abstract"),
                    authors: RecordBatch.items(ofLines: row.text("authors")), year: row.optionalInt("year"),
                    journal: row.text("journal"),
                    volume: row.text("volume"), issue: row.text("issue"), pages: row.text("pages"), doi: row.text("doi"),
                    pmid: row.text("pmid"),
                    registryIDs: row.text("registry_numbers").map { $0.split(separator: " ").map(String.init) } ?? [],
                    keywords: RecordBatch.items(ofLines: row.text("keywords")), search: row.int64("search_id"),
                    sourceFormat: row.text("source_format"), duplicateOf: duplicateOf, status: status))
        }
        return result
    }
}
