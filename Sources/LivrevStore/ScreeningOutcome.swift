/// The two screening stages of PRISMA 2020.
package enum ScreeningStage: String, CaseIterable, Sendable {
    case titleAbstract = "title-abstract"
    case fullText = "full-text"

    /// The decisions a reviewer may record at this stage (`maybe` only at title-abstract).
    package var decisions: [ScreeningDecision] {
        self == .titleAbstract ? [.include, .exclude, .maybe] : [.include, .exclude]
    }
}

/// A reviewer's vote on one record.
package enum ScreeningDecision: String, CaseIterable, Sendable {
    case include
    case exclude
    case maybe

    /// `maybe` counts as include for moving on to full text.
    package var movesOn: Bool { self != .exclude }
}

/// One reviewer's current vote at one stage.
package struct Vote: Equatable, Sendable {
    package let reviewerID: Int64
    package let decision: ScreeningDecision
    package let reason: String?
}

/// Everything recorded about one record at one stage: the current vote of each reviewer
/// (a later vote by the same reviewer replaces the earlier one) and the resolution, if any.
package struct StageFacts: Equatable, Sendable {
    package var votes: [Vote] = []
    package var resolution: Vote?

    /// Records `vote` as its reviewer's current one.
    mutating func supersede(with vote: Vote) {
        if let index = votes.firstIndex(where: { $0.reviewerID == vote.reviewerID }) {
            votes[index] = vote
        } else {
            votes.append(vote)
        }
    }

    /// Removes the reviewer's current vote (a withdrawal; the vote stays in history).
    mutating func withdraw(reviewerID: Int64) {
        votes.removeAll { $0.reviewerID == reviewerID }
    }

    /// What the votes add up to when `required` reviewers must decide each record.
    ///
    /// A resolution is final. Otherwise the stage waits until `required` reviewers have voted;
    /// then it is decided when all agree on excluding or all agree on moving on (include and
    /// maybe agree: both move on), and in conflict when some exclude and others do not.
    /// Agreed exclusions carry the reason of the reviewer who was added to the team first.
    package func outcome(required: Int) -> StageOutcome {
        if let resolution {
            return .decided(resolution.decision, reason: resolution.reason)
        }
        guard votes.count >= required else { return .awaiting(votes: votes.count) }
        let excluding = votes.filter { $0.decision == .exclude }
        if excluding.isEmpty {
            let allMaybe = votes.allSatisfy { $0.decision == .maybe }
            return .decided(allMaybe ? .maybe : .include, reason: nil)
        }
        if excluding.count == votes.count {
            let first = excluding.min { $0.reviewerID < $1.reviewerID }
            return .decided(.exclude, reason: first?.reason)
        }
        return .conflict
    }
}

/// Where a record stands at one stage.
package enum StageOutcome: Equatable, Sendable {
    /// Fewer than the required reviewers have voted.
    case awaiting(votes: Int)
    /// Reviewers disagree and nobody has resolved it.
    case conflict
    /// Agreed or resolved.
    case decided(ScreeningDecision, reason: String?)

    package var decision: ScreeningDecision? {
        if case .decided(let decision, _) = self { return decision }
        return nil
    }
}
