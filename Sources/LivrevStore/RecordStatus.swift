/// Where a record stands in the review, derived from its facts (never stored).
package enum RecordStatus: String, CaseIterable, Sendable {
    case previousVersion = "previous-version"
    case duplicate
    case awaitingTitleAbstract = "awaiting-title-abstract"
    case conflictTitleAbstract = "conflict-title-abstract"
    case excludedTitleAbstract = "excluded-title-abstract"
    case notRetrieved = "not-retrieved"
    case awaitingFullText = "awaiting-full-text"
    case conflictFullText = "conflict-full-text"
    case excludedFullText = "excluded-full-text"
    case included
}

/// The facts of one record that screening and PRISMA need.
package struct RecordFacts: Sendable {
    package let id: Int64
    package let searchID: Int64
    package var duplicateOf: Int64?
    package var titleAbstract = StageFacts()
    package var fullText = StageFacts()
    package var notRetrieved = false
    package var studyID: Int64?

    package init(id: Int64, searchID: Int64) {
        self.id = id
        self.searchID = searchID
    }

    package subscript(stage: ScreeningStage) -> StageFacts {
        get { stage == .titleAbstract ? titleAbstract : fullText }
        set {
            if stage == .titleAbstract { titleAbstract = newValue } else { fullText = newValue }
        }
    }

    /// The record's status, given the kind of search it came from and the reviewers required per record.
    package func status(searchKind: SearchKind, required: Int) -> RecordStatus {
        if duplicateOf != nil { return .duplicate }
        if searchKind == .previous { return .previousVersion }
        switch titleAbstract.outcome(required: required) {
        case .awaiting: return .awaitingTitleAbstract
        case .conflict: return .conflictTitleAbstract
        case .decided(let decision, _):
            if !decision.movesOn { return .excludedTitleAbstract }
        }
        if notRetrieved { return .notRetrieved }
        switch fullText.outcome(required: required) {
        case .awaiting: return .awaitingFullText
        case .conflict: return .conflictFullText
        case .decided(let decision, _): return decision.movesOn ? .included : .excludedFullText
        }
    }
}
