/// Where a search run looked: a bibliographic database, a trial register, or the previous
/// version of this review (whose included reports are carried over, not screened again).
package enum SearchKind: String, CaseIterable, Sendable {
    case database
    case register
    case previous
}

/// One search run.
package struct Search: Equatable, Sendable {
    package let id: Int64
    package let source: String
    package let date: String
    package let query: String?
    package let kind: SearchKind
}

extension Registry {
    /// Records a search run and returns its id.
    package func addSearch(source: String, date: String, query: String?, kind: SearchKind, revision: Int64) throws -> Int64 {
        try connection.execute(
            "INSERT INTO search (revision, source, searched_on, query, kind) VALUES (?, ?, ?, ?, ?)",
            revision, source, date, query, kind.rawValue)
        return connection.lastInsertRowID
    }

    /// Every search run as of `revision`, in the order they were added.
    package func searches(at revision: Int64 = .max) throws -> [Search] {
        try connection.prepare(
            "SELECT id, source, searched_on, query, kind FROM search WHERE revision <= ? ORDER BY id"
        ).map([revision]) { row in
            try Search(
                id: row.int64("id"), source: row.text("source") ?? "", date: row.text("searched_on") ?? "",
                query: row.text("query"), kind: row.value("kind"))

        }
    }

    /// The search with this id.
    ///
    /// - Throws: `StoreError.noSuchSearch`.
    package func search(id: Int64, at revision: Int64 = .max) throws -> Search {
        guard let search = try searches(at: revision).first(where: { $0.id == id }) else {
            throw StoreError.noSuchSearch(id)
        }
        return search
    }
}
