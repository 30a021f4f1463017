/// A kind of vote that is cast blind: each reviewer's vote stays hidden from everybody else until
/// the required number of reviewers have voted on the same item (or the item was resolved).
///
/// Adding a dually-entered fact (extraction, say) means adding one entry to `BlindVote.kinds`.
package struct BlindVote: Sendable {
    /// The fact table holding the votes (with `revision` and `reviewer_id` columns).
    let table: String
    /// The columns that name the item voted on.
    let item: [String]
    /// The table whose rows settle the item (a resolution), keyed by the same columns.
    let settledBy: String

    /// Screening decisions per (record, stage) and risk-of-bias judgements per (study, tool, domain).
    package static let kinds = [
        BlindVote(table: "decision", item: ["record_id", "stage"], settledBy: "resolution"),
        BlindVote(table: "rob_judgement", item: ["study_id", "tool", "domain"], settledBy: "rob_resolution"),
    ]
}

extension Registry {
    /// The revisions that hold a vote `viewer` may not see yet: a vote of somebody else on an item
    /// that fewer than `reviewersPerRecord` reviewers have voted on and nobody has resolved.
    ///
    /// Disclosure is judged at the head: once both votes are in, every past vote on the item shows,
    /// in every snapshot. Without a viewer (no `--as`), every undisclosed vote is withheld.
    ///
    /// That a vote exists may show (who and when, as Covidence's "awaiting other reviewer");
    /// what it says may not: its revision's command line is what `log` withholds.
    package func withheldRevisions(for viewer: String?) throws -> Set<Int64> {
        var withheld: Set<Int64> = []
        for kind in BlindVote.kinds {
            let columns = kind.item.joined(separator: ", ")
            let match = kind.item.map { "s.\($0) = v.\($0)" }.joined(separator: " AND ")
            let join = kind.item.map { "o.\($0) = v.\($0)" }.joined(separator: " AND ")
            let sql = """
                WITH open_item AS (
                    SELECT \(columns) FROM \(kind.table) GROUP BY \(columns)
                    HAVING count(DISTINCT reviewer_id) < \(Registry.reviewersPerRecord)
                )
                SELECT DISTINCT v.revision FROM \(kind.table) v
                JOIN open_item o ON \(join)
                JOIN reviewer r ON r.id = v.reviewer_id
                WHERE r.name IS NOT ?
                  AND NOT EXISTS (SELECT 1 FROM \(kind.settledBy) s WHERE \(match))
                """
            try connection.prepare(sql).forEachRow([viewer]) { withheld.insert(try $0.int64("revision")) }

        }
        return withheld
    }
}
