/// A record that de-duplication marks (or would mark) as a duplicate of an earlier one.
package struct DuplicateMark: Equatable, Sendable {
    package let record: Int64
    package let duplicateOf: Int64
    package let reason: String
}

extension Registry {
    /// Finds duplicates among records not yet marked: same DOI, same PMID, same trial-register
    /// number between register records, or same normalized title + year + first-author surname.
    ///
    /// Records that match are grouped (transitively); the earliest record of a group is kept and
    /// every later one is marked a duplicate of it. A record whose mark was undone is never marked
    /// again. Register numbers link only register records to each other: several journal reports
    /// of one trial share its NCT number, and they are reports of one study, not duplicates.
    ///
    /// - Parameter progress: called now and then with the number of records compared so far.
    package func findDuplicates(at revision: Int64 = .max, progress: ((Int) -> Void)? = nil) throws -> [DuplicateMark] {
        var compared = 0
        var marked: [Int64: Int64?] = [:]  // record → current mark (nil inside: undone, so keep it)
        try connection.prepare("SELECT record_id, duplicate_of FROM duplicate_mark WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                marked[row.int64(0)] = row.isNull(1) ? Int64?.none : row.int64(1)
            }
        var keeperOfKey: [String: Int64] = [:]
        var marks: [DuplicateMark] = []
        let statement = try connection.prepare(
            """
            SELECT r.id, r.doi, r.pmid, r.registry_numbers, r.title, r.year, r.authors, s.kind
            FROM record r JOIN search s ON s.id = r.search_id WHERE r.revision <= ? ORDER BY r.id
            """)
        try statement.forEachRow([revision]) { row in
            compared += 1
            if compared % 512 == 0 { progress?(compared) }
            let id = row.int64(0)
            var keys: [(String, String)] = []
            if let doi = row.text(1), !doi.isEmpty { keys.append(("doi:" + doi, "same DOI \(doi)")) }
            if let pmid = row.text(2), !pmid.isEmpty { keys.append(("pmid:" + pmid, "same PMID \(pmid)")) }
            if row.text(7) == SearchKind.register.rawValue, let numbers = row.text(3) {
                for number in numbers.split(separator: " ") {
                    keys.append(("register:" + number, "same register number \(number)"))
                }
            }
            let title = RecordKeys.normalizedTitle(row.text(4) ?? "")
            let authors = row.text(6)?.split(separator: "\n").map(String.init) ?? []
            if !title.isEmpty, let surname = RecordKeys.firstAuthorSurname(authors), !surname.isEmpty {
                let year = row.optionalInt(5).map(String.init) ?? ""
                keys.append(("title:\(title)|\(year)|\(surname)", "same title, year and first author"))
            }
            let match = keys.lazy.compactMap { key, reason in keeperOfKey[key].map { ($0, reason) } }.first
            let isDistinct = marked[id].map { $0 == nil } ?? false
            let keeper: Int64
            if let (original, reason) = match, marked[id] == nil, !isDistinct {
                marks.append(DuplicateMark(record: id, duplicateOf: original, reason: reason))
                keeper = original
            } else if case .some(.some(let original)) = marked[id] {
                keeper = original
            } else {
                keeper = id
            }
            for (key, _) in keys where keeperOfKey[key] == nil {
                keeperOfKey[key] = keeper
            }
        }
        return marks
    }

    /// Writes the marks `findDuplicates` found.
    package func markDuplicates(_ marks: [DuplicateMark], revision: Int64) throws {
        let statement = try connection.prepare(
            "INSERT INTO duplicate_mark (revision, record_id, duplicate_of, reason) VALUES (?, ?, ?, ?)")
        for mark in marks {
            try statement.run([revision, mark.record, mark.duplicateOf, mark.reason])
        }
    }

    /// Undoes a duplicate mark: the record counts as distinct again, and dedup leaves it alone.
    ///
    /// - Throws: `StoreError.noSuchRecord`; `.notADuplicate` when the record is not marked.
    package func undoDuplicateMark(record id: Int64, revision: Int64) throws {
        let (record, _) = try recordFacts(id)
        guard record.duplicateOf != nil else { throw StoreError.notADuplicate(id) }
        try connection.execute(
            "INSERT INTO duplicate_mark (revision, record_id, duplicate_of, reason) VALUES (?, ?, NULL, ?)",
            revision, id, "mark undone")
    }
}
