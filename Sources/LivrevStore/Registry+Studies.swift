import Foundation

/// How study keys are told apart: `Hare 2009`, `hare  2009` and `HARE 2009` are one study.
///
/// Two keys name the same study when they are equal after Unicode compatibility normalisation
/// (NFKC: composed and compatibility forms agree), case folding and collapsing every run of white
/// space to one space (leading and trailing space dropped). The first spelling recorded is the
/// one shown.
///
/// Source: Unicode Standard Annex #15 (normalisation forms), Unicode §3.13 (default case folding).
package enum StudyKey {
    /// The form two keys are compared in.
    package static func identity(_ key: String) -> String {
        key.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A study (trial) and the records that report it.
package struct StudyEntry: Equatable, Sendable {
    package let id: Int64
    package let key: String
    package let reports: [Int64]
}

extension Registry {
    /// Adds a study and links `records` to it as its reports.
    ///
    /// - Throws: `StoreError.studyExists` when a study has the same key (as `StudyKey` compares them),
    ///   `.noSuchRecord`, `.notLinkable`.
    @discardableResult
    package func addStudy(_ key: String, records: [Int64], revision: Int64) throws -> Int64 {
        if let existing = try studyKey(matching: key) { throw StoreError.studyExists(existing) }
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
                reports[try row.int64("record_id")] = try row.optionalInt64("study_id")
            }
        var byStudy: [Int64: [Int64]] = [:]
        for (record, study) in reports {
            if let study { byStudy[study, default: []].append(record) }
        }
        return try connection.prepare("SELECT id, key FROM study WHERE revision <= ? ORDER BY id").map([revision]) {
            let id = try $0.int64("id")
            return StudyEntry(id: id, key: try $0.text("key") ?? "", reports: (byStudy[id] ?? []).sorted())
        }
    }

    /// The id of the study with this key (as `StudyKey` compares keys), if any.
    package func studyID(_ key: String, at revision: Int64 = .max) throws -> Int64? {
        try studyMatching(key, at: revision)?.id
    }

    /// The key of the study `key` names, as first spelt, if any.
    package func studyKey(matching key: String, at revision: Int64 = .max) throws -> String? {
        try studyMatching(key, at: revision)?.key
    }

    private func studyMatching(_ key: String, at revision: Int64) throws -> (id: Int64, key: String)? {
        // The exact spelling first, through the unique index; then every key compared by identity.
        if let id = try connection.scalarInt("SELECT id FROM study WHERE key = ? AND revision <= ?", key, revision) {
            return (id, key)
        }
        let wanted = StudyKey.identity(key)
        return try connection.prepare("SELECT id, key FROM study WHERE revision <= ? ORDER BY id")
            .map([revision]) { try ($0.int64("id"), $0.text("key") ?? "") }

            .first { StudyKey.identity($0.1) == wanted }
    }

    /// Links a record after checking that it may report a study: it exists and was neither
    /// excluded nor marked a duplicate (a report of the previous version may be linked).
    private func link(record: Int64, toStudy study: Int64, revision: Int64) throws {
        let facts = try screeningFacts(only: [record])
        guard let state = facts[record: record] else { throw StoreError.noSuchRecord(record) }
        switch facts.status(of: state) {
        case .duplicate:
            throw StoreError.notLinkable(record: record, reason: "it is marked a duplicate of record \(state.duplicateOf ?? 0)")
        case .excludedTitleAbstract, .excludedFullText:
            throw StoreError.notLinkable(record: record, reason: "it was excluded")
        default: break
        }
        try connection.execute(
            "INSERT INTO study_report (revision, record_id, study_id) VALUES (?, ?, ?)", revision, record, study)
    }
}
