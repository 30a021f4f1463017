/// What a team member may do: screen and judge (`reviewer`), also resolve conflicts (`arbiter`), or
/// also run the team in the server: add reviewers and change roles (`lead`).
package enum ReviewerRole: String, CaseIterable, Sendable {
    case reviewer
    case arbiter
    case lead

    /// Whether this role may resolve screening conflicts, risk-of-bias and extraction
    /// discrepancies, and read everyone's notes: an arbiter, and a lead (who includes one).
    package var mayArbitrate: Bool { self != .reviewer }

    /// Whether this role may add reviewers and change roles through the server.
    package var mayLead: Bool { self == .lead }
}

/// A member of the review team.
package struct Reviewer: Equatable, Sendable {
    package let id: Int64
    package let name: String
    package let role: ReviewerRole
}

extension Registry {
    /// Adds a team member, with a password hash when they are to sign in to `serve`.
    ///
    /// The `reviewer` table predates the lead role, so a lead is written there as an arbiter (what
    /// a lead includes, and what an older livrev reading the file sees) and as a lead in
    /// `reviewer_role`.
    ///
    /// - Throws: `StoreError.reviewerExists` when the name is taken.
    package func addReviewer(_ name: String, role: ReviewerRole, passwordHash: String? = nil, revision: Int64) throws {
        if try reviewerIfExists(named: name) != nil { throw StoreError.reviewerExists(name) }
        try connection.execute(
            "INSERT INTO reviewer (revision, name, role) VALUES (?, ?, ?)", revision, name,
            (role == .lead ? .arbiter : role).rawValue)
        let id = connection.lastInsertRowID
        if role == .lead {
            try connection.execute(
                "INSERT INTO reviewer_role (revision, reviewer_id, role) VALUES (?, ?, ?)", revision, id, role.rawValue)
        }
        if let passwordHash { try setPasswordHash(passwordHash, reviewerID: id, revision: revision) }
    }

    /// Gives a team member a new role from `revision` on; earlier revisions keep the old one.
    ///
    /// - Throws: `StoreError.noSuchReviewer`.
    package func setRole(_ role: ReviewerRole, of name: String, revision: Int64) throws {
        let reviewer = try reviewer(named: name)
        guard reviewer.role != role else { return }
        try connection.execute(
            "INSERT INTO reviewer_role (revision, reviewer_id, role) VALUES (?, ?, ?)", revision, reviewer.id,
            role.rawValue)
    }

    /// Records a new password hash for a team member; the previous one stops working.
    ///
    /// - Throws: `StoreError.noSuchReviewer`.
    package func setPassword(hash: String, of name: String, revision: Int64) throws {
        try setPasswordHash(hash, reviewerID: try reviewer(named: name).id, revision: revision)
    }

    private func setPasswordHash(_ hash: String, reviewerID: Int64, revision: Int64) throws {
        try connection.execute(
            "INSERT INTO reviewer_password (revision, reviewer_id, hash) VALUES (?, ?, ?)", revision, reviewerID, hash)
    }

    /// The current password hash of the reviewer with this name; nil when they have none (or no
    /// such reviewer exists: signing in must not tell the two apart).
    package func passwordHash(of name: String) throws -> String? {
        try connection.scalarText(
            """
            SELECT p.hash FROM reviewer_password p JOIN reviewer r ON r.id = p.reviewer_id
            WHERE r.name = ? ORDER BY p.id DESC LIMIT 1
            """, name)
    }

    /// The team as of `revision`, in the order they were added.
    package func reviewers(at revision: Int64 = .max) throws -> [Reviewer] {
        try connection.prepare(Registry.reviewerQuery("r.revision <= ?1") + " ORDER BY r.id")
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
        try connection.prepare(Registry.reviewerQuery("r.revision <= ?1 AND r.name = ?2"))
            .first([revision, name], Registry.reviewer)
    }

    /// Reviewers matching `filter` (which binds the revision bound as ?1), each with the role of
    /// their latest `reviewer_role` row within the bound, else the one they were added with.
    private static func reviewerQuery(_ filter: String) -> String {
        """
        SELECT r.id, r.name, coalesce(
            (SELECT x.role FROM reviewer_role x WHERE x.reviewer_id = r.id AND x.revision <= ?1
             ORDER BY x.id DESC LIMIT 1), r.role) AS role
        FROM reviewer r WHERE \(filter)
        """
    }

    private static func reviewer(_ row: Row) throws -> Reviewer {
        try Reviewer(id: row.int64("id"), name: row.text("name") ?? "", role: row.value("role"))

    }
}
