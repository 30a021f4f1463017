import Foundation
import LivrevStore
import Synchronization

/// The screening queues every reviewer draws from, kept in memory so that `next` costs a walk
/// over a list instead of re-ranking the registry per request.
///
/// Per stage: the records awaiting a vote in the shared ranked order (`rankedQueue(stage:
/// reviewer: nil)`, trained on disclosed outcomes only), who has voted on each (that a vote exists
/// may show; its value is never read here), and reservations: a record handed to one reviewer is
/// held for them for `reservation` seconds, so that concurrent screeners get different records
/// (while there are enough) and no record gets a third vote. A background refresh rebuilds the lists whenever the registry's
/// head revision moves (a CLI import, a decision typed at a terminal), so new records reach
/// everyone's queue without a restart; the server's own decisions update the lists at once.
///
/// Blinding by construction: nothing here depends on the value of anyone's vote before both are
/// in. The order is shared; the filter for reviewer A reads only A's votes, the number of votes,
/// and reservations.
final class ScreeningQueues: Sendable {
    /// What the last refresh read, plus what the server wrote since.
    private struct State {
        var head: Int64 = -1
        var ranked: [ScreeningStage: [Int64]] = [:]
        /// stage → record → ids of the reviewers with a current vote there.
        var voters: [ScreeningStage: [Int64: Set<Int64>]] = [:]
        /// Votes the server recorded or withdrew after `head`, replayed over the next refresh.
        var recent: [(revision: Int64, stage: ScreeningStage, record: Int64, reviewer: Int64, voted: Bool)] = []
        /// stage → record → who holds it (at most two), until when.
        var holds: [ScreeningStage: [Int64: [Int64: ContinuousClock.Instant]]] = [:]
        var team: [String: Reviewer] = [:]
        /// Revisions the server itself wrote after `head` (votes, withdrawals, resolutions, notes).
        var own: Set<Int64> = []
        var rebuilt = ContinuousClock.now

        mutating func apply(stage: ScreeningStage, record: Int64, reviewer: Int64, voted: Bool) {
            if voted {
                voters[stage, default: [:]][record, default: []].insert(reviewer)
            } else {
                voters[stage, default: [:]][record]?.remove(reviewer)
            }
        }
    }

    private let state = Mutex(State())
    /// Keeps the records' features between rebuilds, so that a rebuild featurises again only when
    /// the set of records changed (an import).
    private let ranking = Ranking()
    private let connections: RegistryConnections
    let reservation: Duration

    init(connections: RegistryConnections, reservation: Duration) throws {
        self.connections = connections
        self.reservation = reservation
        try refresh()
    }

    // MARK: - Reading

    /// The team member signed in as `name`, as of the last refresh.
    func reviewer(named name: String) -> Reviewer? {
        state.withLock { $0.team[name] }
    }

    /// The next record for `reviewer` at `stage`, reserved for them; nil when none is left.
    ///
    /// A record they already hold comes back until they decide it or the hold lapses. Else the
    /// first record of the shared order that they have not voted on, that has fewer than two
    /// votes and that nobody else holds; failing that (the end of the queue), the first whose
    /// votes and other holders still leave room for them, so that nobody idles while a record
    /// they must screen too is open in a colleague's browser.
    func next(stage: ScreeningStage, reviewer: Int64) -> Int64? {
        let now = ContinuousClock.now
        return state.withLock { state in
            let voters = state.voters[stage] ?? [:]
            var holds = (state.holds[stage] ?? [:]).compactMapValues { holders in
                let live = holders.filter { $0.value > now }
                return live.isEmpty ? nil : live
            }
            defer { state.holds[stage] = holds }
            if let held = holds.first(where: { $0.value[reviewer] != nil })?.key,
                !(voters[held]?.contains(reviewer) ?? false)
            {
                holds[held]?[reviewer] = now + reservation
                return held
            }
            func room(_ record: Int64, sharing: Bool) -> Bool {
                let votes = voters[record] ?? []
                guard !votes.contains(reviewer) else { return false }
                let others = (holds[record] ?? [:]).keys.filter { $0 != reviewer }.count
                return sharing
                    ? votes.count + others < Registry.reviewersPerRecord
                    : others == 0 && votes.count < Registry.reviewersPerRecord
            }
            let ranked = state.ranked[stage] ?? []
            guard
                let found = ranked.first(where: { room($0, sharing: false) }) ?? ranked.first(where: { room($0, sharing: true) })
            else { return nil }
            for record in holds.keys { holds[record]?[reviewer] = nil }
            holds = holds.filter { !$0.value.isEmpty }
            holds[found, default: [:]][reviewer] = now + reservation
            return found
        }
    }

    /// How far `reviewer` is at `stage`: the records they voted on, and those still waiting for them.
    func progress(stage: ScreeningStage, reviewer: Int64) -> (decided: Int, remaining: Int) {
        state.withLock { state in
            let voters = state.voters[stage] ?? [:]
            let decided = voters.values.filter { $0.contains(reviewer) }.count
            let remaining = (state.ranked[stage] ?? []).filter { record in
                let votes = voters[record] ?? []
                return !votes.contains(reviewer) && votes.count < Registry.reviewersPerRecord
            }.count
            return (decided, remaining)
        }
    }

    /// How many records each reviewer has a current vote on at `stage` (reviewer id → count).
    func votesPerReviewer(stage: ScreeningStage) -> [Int64: Int] {
        state.withLock { state in
            var counts: [Int64: Int] = [:]
            for voters in (state.voters[stage] ?? [:]).values {
                for reviewer in voters { counts[reviewer, default: 0] += 1 }
            }
            return counts
        }
    }

    // MARK: - Writing

    /// Notes a vote the server just recorded (or, with `voted: false`, withdrew) as `revision`, and
    /// releases the voter's hold on the record.
    func recorded(stage: ScreeningStage, record: Int64, reviewer: Int64, voted: Bool, revision: Int64) {
        state.withLock { state in
            state.apply(stage: stage, record: record, reviewer: reviewer, voted: voted)
            state.recent.append((revision, stage, record, reviewer, voted))
            state.own.insert(revision)
            state.holds[stage]?[record]?[reviewer] = nil
        }
    }

    /// Notes a revision the server wrote that is not a vote (a resolution, a note).
    func recorded(revision: Int64) {
        _ = state.withLock { $0.own.insert(revision) }
    }

    // MARK: - Refreshing

    /// Rebuilds the lists when the registry's head revision moved since the last refresh: at once
    /// when someone else wrote (the CLI), else at most every `ownWritesEvery` (the server's own
    /// votes are in the lists already; a rebuild re-ranks and moves records on to full text).
    ///
    /// - Returns: whether it rebuilt them.
    @discardableResult
    func refresh(ownWritesEvery: Duration = .zero) throws -> Bool {
        let (known, own, rebuilt) = state.withLock { ($0.head, $0.own, $0.rebuilt) }
        let fresh: State? = try connections.readNow { registry in
            let head = try registry.headRevision()
            guard head != known else { return nil }
            // Revision ids are consecutive: all of (known, head] are the server's own when it wrote that many.
            let onlyOwn = own.filter { $0 > known && $0 <= head }.count == Int(head - known)
            guard !onlyOwn || ContinuousClock.now - rebuilt >= ownWritesEvery else { return nil }
            var fresh = State()
            fresh.head = head
            let facts = try registry.screeningFacts(at: head)
            for stage in ScreeningStage.allCases {
                fresh.ranked[stage] = try ranking.ranker.rankedQueue(in: registry, stage: stage, reviewer: nil)
                var voters: [Int64: Set<Int64>] = [:]
                for record in facts.records where !record[stage].votes.isEmpty {
                    voters[record.id] = Set(record[stage].votes.map(\.reviewerID))
                }
                fresh.voters[stage] = voters
            }
            for reviewer in try registry.reviewers(at: head) { fresh.team[reviewer.name] = reviewer }
            return fresh
        }
        guard var fresh else { return false }
        state.withLock { state in
            // The server's own writes that the rebuild may not have seen yet.
            fresh.recent = state.recent.filter { $0.revision > fresh.head }
            fresh.own = state.own.filter { $0 > fresh.head }
            for vote in fresh.recent {
                fresh.apply(stage: vote.stage, record: vote.record, reviewer: vote.reviewer, voted: vote.voted)
            }
            fresh.holds = state.holds
            state = fresh
        }
        return true
    }
}

/// The queues' ranker. Used only inside `RegistryConnections.readNow`, whose serial queue runs one
/// body at a time, so it is never touched from two threads at once.
private final class Ranking: @unchecked Sendable {
    let ranker = ScreeningRanker()
}
