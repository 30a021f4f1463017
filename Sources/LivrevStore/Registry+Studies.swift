/// A study (trial) and the records that report it.
package struct StudyEntry: Equatable, Sendable {
    package let id: Int64
    package let key: String
    package let reports: [Int64]
}

extension Registry {
    /// Adds a study and links `records` to it as its reports.
    ///
    /// - Throws: `StoreError.studyExists`, `.noSuchRecord`.
    @discardableResult
    package func addStudy(_ key: String, records: [Int64], revision: Int64) throws -> Int64 {
        if try studyID(key) != nil { throw StoreError.studyExists(key) }
        try connection.execute("INSERT INTO study (revision, key) VALUES (?, ?)", revision, key)
        let id = connection.lastInsertRowID
        for record in records {
            try link(record: record, toStudy: id, revision: revision)
        }
        return id
    }

    /// Links a record to an existing study (a record reports one study; linking again moves it).
    ///
    /// - Throws: `StoreError.noSuchStudy`, `.noSuchRecord`.
    package func link(record: Int64, toStudy key: String, revision: Int64) throws {
        guard let id = try studyID(key) else { throw StoreError.noSuchStudy(key) }
        try link(record: record, toStudy: id, revision: revision)
    }

    /// Unlinks a record from its study: a new fact (history keeps the link); the record reports no study.
    ///
    /// - Returns: the key of the study it was linked to.
    /// - Throws: `StoreError.noSuchRecord`; `.notLinked` when the record reports no study now.
    @discardableResult
    package func unlink(record: Int64, revision: Int64) throws -> String {
        guard try connection.scalarInt("SELECT id FROM record WHERE id = ?", record) != nil else {
            throw StoreError.noSuchRecord(record)
        }
        let key = try connection.scalarText(
            """
            SELECT s.key FROM study_report r JOIN study s ON s.id = r.study_id
            WHERE r.id = (SELECT max(id) FROM study_report WHERE record_id = ?)
            """, record)
        guard let key else { throw StoreError.notLinked(record) }
        try connection.execute(
            "INSERT INTO study_report (revision, record_id, study_id) VALUES (?, ?, NULL)", revision, record)
        return key
    }

    /// Every study as of `revision` with its current reports, in the order the studies were added.
    package func studies(at revision: Int64 = .max) throws -> [StudyEntry] {
        var reports: [Int64: Int64?] = [:]
        try connection.prepare("SELECT record_id, study_id FROM study_report WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                reports[row.int64(0)] = row.isNull(1) ? Int64?.none : row.int64(1)
            }
        var byStudy: [Int64: [Int64]] = [:]
        for (record, study) in reports {
            if let study { byStudy[study, default: []].append(record) }
        }
        return try connection.prepare("SELECT id, key FROM study WHERE revision <= ? ORDER BY id").map([revision]) {
            let id = $0.int64(0)
            return StudyEntry(id: id, key: $0.text(1) ?? "", reports: (byStudy[id] ?? []).sorted())
        }
    }

    /// The id of the study with this key, if any.
    package func studyID(_ key: String, at revision: Int64 = .max) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM study WHERE key = ? AND revision <= ?", key, revision)
    }

    private func link(record: Int64, toStudy study: Int64, revision: Int64) throws {
        guard try connection.scalarInt("SELECT id FROM record WHERE id = ?", record) != nil else {
            throw StoreError.noSuchRecord(record)
        }
        try connection.execute(
            "INSERT INTO study_report (revision, record_id, study_id) VALUES (?, ?, ?)", revision, record, study)
    }
}
