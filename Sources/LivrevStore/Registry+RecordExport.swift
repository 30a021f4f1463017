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
        try storedRecords(at: revision, where: { listing in status.map { listing.status == $0 } ?? true })
    }

    /// One record with every stored field.
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func storedRecord(_ id: Int64, at revision: Int64 = .max) throws -> StoredRecord {
        guard let record = try storedRecords(at: revision, where: { $0.id == id }).first else {
            throw StoreError.noSuchRecord(id)
        }
        return record
    }

    private func storedRecords(at revision: Int64, where keep: (RecordListing) -> Bool) throws -> [StoredRecord] {
        var wanted: [Int64: RecordListing] = [:]
        for listing in try records(at: revision) where keep(listing) { wanted[listing.id] = listing }
        guard !wanted.isEmpty else { return [] }
        func lines(_ text: String?) -> [String] { text.map { $0.split(separator: "\n").map(String.init) } ?? [] }
        var result: [StoredRecord] = []
        try connection.prepare(
            """
            SELECT id, title, abstract, authors, year, journal, volume, issue, pages, doi, pmid, registry_numbers,
                   keywords, search_id, source_format
            FROM record WHERE revision <= ? ORDER BY id
            """
        ).forEachRow([revision]) { row in
            guard let listing = wanted[row.int64(0)] else { return }
            let title = row.text(1) ?? ""
            result.append(
                StoredRecord(
                    id: listing.id, title: title.isEmpty ? nil : title, abstract: row.text(2), authors: lines(row.text(3)),
                    year: row.optionalInt(4), journal: row.text(5), volume: row.text(6), issue: row.text(7),
                    pages: row.text(8), doi: row.text(9), pmid: row.text(10),
                    registryIDs: row.text(11).map { $0.split(separator: " ").map(String.init) } ?? [],
                    keywords: lines(row.text(12)), search: row.int64(13), sourceFormat: row.text(14),
                    duplicateOf: listing.duplicateOf, status: listing.status))
        }
        return result
    }
}
