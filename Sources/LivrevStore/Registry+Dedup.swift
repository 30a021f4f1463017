/// A record that de-duplication marks (or would mark) as a duplicate of an earlier one.
package struct DuplicateMark: Equatable, Sendable {
    package let record: Int64
    package let duplicateOf: Int64
    package let reason: String
    /// How closely the pair matched, 0–1 (title similarity; 1 for a shared identifier).
    package let score: Double

    package init(record: Int64, duplicateOf: Int64, reason: String, score: Double = 1) {
        self.record = record
        self.duplicateOf = duplicateOf
        self.reason = reason
        self.score = score
    }
}

extension Registry {
    /// Finds duplicates among records not yet marked, by ``DuplicateFinder``'s rules.
    ///
    /// Records that match are grouped (transitively); the earliest record of a group is kept and
    /// every later one is marked a duplicate of it. A record whose mark was undone is never marked
    /// again and links no group. Register numbers link only register records to each other: several
    /// journal reports of one trial share its NCT number, and they are reports of one study, not
    /// duplicates.
    package func findDuplicates(at revision: Int64 = .max) throws -> [DuplicateMark] {
        var marked: [Int64: Int64?] = [:]  // record → current mark (nil inside: undone, so keep it)
        try connection.prepare("SELECT record_id, duplicate_of FROM duplicate_mark WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                marked[try row.int64("record_id")] = try row.optionalInt64("duplicate_of")
            }
        var records: [DedupRecord] = []
        try connection.prepare(
            """
            SELECT r.id, r.title, r.authors, r.year, r.journal, r.volume, r.pages, r.doi, r.pmid, r.registry_numbers,
                   s.kind
            FROM record r JOIN search s ON s.id = r.search_id WHERE r.revision <= ? ORDER BY r.id
            """
        ).forEachRow([revision]) { row in
            let id = try row.int64("id")
            if case .some(.none) = marked[id] { return }  // undone: distinct for good
            records.append(
                try DedupRecord(
                    id: id, title: row.text("title") ?? "",
                    authors: RecordBatch.items(ofLines: row.text("authors")),
                    year: row.optionalInt("year"), journal: row.text("journal"), volume: row.text("volume"),
                    pages: row.text("pages"), doi: row.text("doi").flatMap { $0.isEmpty ? nil : $0 },
                    pmid: row.text("pmid").flatMap { $0.isEmpty ? nil : $0 },
                    registerNumbers: row.text("registry_numbers")?.split(separator: " ").map(String.init) ?? [],
                    fromRegister: row.value("kind", as: SearchKind.self) == .register))

        }
        let pairs = DuplicateFinder(records: records).pairs()
        var parent = Array(records.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var link: [Int: DuplicateFinder.Pair] = [:]
        for pair in pairs {
            let (x, y) = (root(pair.first), root(pair.second))
            if x != y { parent[max(x, y)] = min(x, y) }
            if link[pair.second] == nil { link[pair.second] = pair }
        }
        var marks: [DuplicateMark] = []
        for index in records.indices {
            let keeper = root(index)
            guard keeper != index, marked[records[index].id] == nil, let pair = link[index] else { continue }
            marks.append(
                DuplicateMark(
                    record: records[index].id, duplicateOf: records[keeper].id, reason: pair.reason, score: pair.score))
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
