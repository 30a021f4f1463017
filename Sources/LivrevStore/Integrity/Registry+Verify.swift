/// What `verify` proves about a registry file.
package struct Verification: Sendable {
    /// The number of revisions whose seals were recomputed.
    package let revisions: Int
    /// The latest revision and its seal (what a team publishes).
    package let headRevision: Int64
    package let headSeal: String?
    /// The revision whose seal is the published one asked about, when one was given and found.
    package let publishedRevision: Int64?
}

/// Why `verify` failed: the first thing found that no longer holds.
package enum IntegrityFailure: Error, Equatable, CustomStringConvertible {
    /// SQLite's own integrity check found damaged pages or indexes.
    case damaged(String)
    /// A revision's rows no longer match its seal.
    case tampered(revision: Int64, reason: String)
    /// A derived table disagrees with a rebuild from the facts.
    case derived(table: String, reason: String)
    /// The published seal is not in the chain: history after it was cut off or rewritten.
    case sealNotInHistory(String)

    package var description: String {
        switch self {
        case .damaged(let detail): "the registry file is damaged: \(detail)"
        case .tampered(let revision, let reason): "revision \(revision) was changed outside livrev: \(reason)"
        case .derived(let table, let reason): "\(table) was changed outside livrev: \(reason)"
        case .sealNotInHistory(let seal):
            "seal \(seal) is not in this registry's history: revisions were cut off or rewritten since it was published"
        }
    }
}

/// A table derived from the facts (a cache), with how to check it against a rebuild. Add an entry
/// here for every new cache, so that a hand edit to it fails `verify` as an edit to a fact does.
struct DerivedTable: Sendable {
    let name: String
    /// A description of the first disagreement with a rebuild from the facts, or nil.
    let check: @Sendable (Registry) throws -> String?

    static let all = [
        DerivedTable(name: "the record-state cache", check: { try $0.recordStateDisagreement() }),
        DerivedTable(name: "the term cache", check: { try $0.termCacheDisagreement() }),
        DerivedTable(name: "the feature cache", check: { try $0.featureCacheDisagreement() }),
    ]
}

extension Registry {
    /// Proves the file holds what livrev wrote: SQLite's integrity check, every seal recomputed in
    /// order, every derived table against a rebuild, and, given `publishedSeal`, that the chain
    /// still holds that seal (so a history cut off or rewritten with recomputed seals is caught).
    ///
    /// - Throws: `IntegrityFailure` naming the first thing that no longer holds.
    package func verify(publishedSeal: String? = nil) throws -> Verification {
        let problems = try connection.prepare("PRAGMA integrity_check(5)").map { try $0.text("integrity_check") ?? "" }

        guard problems == ["ok"] else { throw IntegrityFailure.damaged(problems.joined(separator: "; ")) }
        switch try verifySeals() {
        case .broken(let revision, let reason): throw IntegrityFailure.tampered(revision: revision, reason: reason)
        case .intact(let revisions):
            for table in DerivedTable.all {
                if let reason = try table.check(self) { throw IntegrityFailure.derived(table: table.name, reason: reason) }
            }
            let head = try headRevision()
            let headSeal = try connection.scalarText("SELECT hash FROM revision_seal WHERE revision = ?", head)
            var published: Int64?
            if let seal = publishedSeal?.lowercased() {
                guard let revision = try connection.scalarInt("SELECT revision FROM revision_seal WHERE hash = ?", seal)
                else { throw IntegrityFailure.sealNotInHistory(seal) }
                published = revision
            }
            return Verification(revisions: revisions, headRevision: head, headSeal: headSeal, publishedRevision: published)
        }
    }

    /// The seal of `revision`.
    package func seal(of revision: Int64) throws -> String? {
        try connection.scalarText("SELECT hash FROM revision_seal WHERE revision = ?", revision)
    }

    /// Compares the record-state cache, when it claims to be current, with the states derived from the facts.
    func recordStateDisagreement() throws -> String? {
        let head = try headRevision()
        let asOf = try connection.scalarInt("SELECT as_of FROM record_state_head") ?? 0
        guard asOf == head else {
            // A stale cache is never read (reads derive from the facts) and the next write rebuilds it.
            return asOf > head ? "it claims revision \(asOf), beyond the head \(head)" : nil
        }
        let cached = try recordSummaries(at: .max)
        let derived = try screeningFacts().summaries
        guard cached.count == derived.count else {
            return "it holds \(cached.count) records, the facts \(derived.count)"
        }
        for (a, b) in zip(cached, derived) where a != b {
            return "record \(b.id) is cached as \(a.status.rawValue), its facts say \(b.status.rawValue)"
        }
        return nil
    }
}
