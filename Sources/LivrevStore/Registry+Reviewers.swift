/// What a team member may do: screen and judge (`reviewer`), or also resolve conflicts (`arbiter`).
package enum ReviewerRole: String, CaseIterable, Sendable {
    case reviewer
    case arbiter
}

/// A member of the review team.
package struct Reviewer: Equatable, Sendable {
    package let id: Int64
    package let name: String
    package let role: ReviewerRole
}

extension Registry {
    /// Adds a team member.
    ///
    /// - Throws: `StoreError.reviewerExists` when the name is taken.
    package func addReviewer(_ name: String, role: ReviewerRole, revision: Int64) throws {
        if try reviewerIfExists(named: name) != nil { throw StoreError.reviewerExists(name) }
        try connection.execute(
            "INSERT INTO reviewer (revision, name, role) VALUES (?, ?, ?)", revision, name, role.rawValue)
    }

    /// The team as of `revision`, in the order they were added.
    package func reviewers(at revision: Int64 = .max) throws -> [Reviewer] {
        try connection.prepare("SELECT id, name, role FROM reviewer WHERE revision <= ? ORDER BY id")
            .map([revision], Registry.reviewer)
    }

    /// The reviewer with this name.
    ///
    /// - Throws: `StoreError.noSuchReviewer`.
    package func reviewer(named name: String, at revision: Int64 = .max) throws -> Reviewer {
        guard let reviewer = try reviewerIfExists(named: name, at: revision) else {
            throw StoreError.noSuchReviewer(name)
        }
        return reviewer
    }

    private func reviewerIfExists(named name: String, at revision: Int64 = .max) throws -> Reviewer? {
        try connection.prepare("SELECT id, name, role FROM reviewer WHERE name = ? AND revision <= ?")
            .map([name, revision], Registry.reviewer).first
    }

    private static func reviewer(_ row: Statement) -> Reviewer {
        Reviewer(id: row.int64(0), name: row.text(1) ?? "", role: ReviewerRole(rawValue: row.text(2) ?? "") ?? .reviewer)
    }
}
