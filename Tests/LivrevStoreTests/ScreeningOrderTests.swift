import Testing

@testable import LivrevStore

@Suite("Ranked screening order")
struct ScreeningOrderTests {
    /// Titles: every fourth about ADHD stimulants (the includes), the rest about other topics.
    static let titles = (1...40).map { index in
        index % 4 == 1
            ? "Methylphenidate stimulant treatment for ADHD in children, trial \(index)"
            : ["Smoking cessation with nicotine patch", "Citizen trust in e-government", "Clonidine analgesia surgery"][
                index % 3] + " study \(index)"
    }

    /// Ana and ben agree on records 1–8 (1 and 5 include), so the model has final decisions.
    static func review() throws -> TestRegistry {
        let review = try TestRegistry(records: titles)
        for record in Int64(1)...8 {
            let decision: ScreeningDecision = record % 4 == 1 ? .include : .exclude
            try review.decide(record, decision, by: review.ana)
            try review.decide(record, decision, by: review.ben)
        }
        return review
    }

    /// With an agreed include and exclude, ana is offered the ADHD records first.
    @Test func rankedOrderPutsLikelyIncludesFirst() throws {
        let review = try Self.review()
        let queue = try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana)
        #expect(queue.count == 32)
        #expect(Set(queue.prefix(8)) == [9, 13, 17, 21, 25, 29, 33, 37])
        #expect(try review.registry.nextRecord(stage: .titleAbstract, reviewer: review.ana) == queue.first)
        #expect(try review.registry.nextRecord(stage: .titleAbstract, reviewer: review.ana, order: .imported) == 9)
        #expect(try review.registry.nextRecord(stage: .titleAbstract, reviewer: review.ana, skipping: [queue[0]]) == queue[1])
    }

    /// Before there is an include and an exclude to learn from, the order is the imported one.
    @Test func importedOrderUntilBothClassesAreKnown() throws {
        let review = try TestRegistry(records: Self.titles)
        try review.decide(1, .include, by: review.ana)
        try review.decide(1, .include, by: review.ben)
        #expect(try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana, limit: 3) == [2, 3, 4])
        // Ana's own exclude is enough to start ranking for her, not for ben.
        try review.decide(2, .exclude, by: review.ana)
        #expect(try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ben, limit: 2) == [2, 3])
        #expect(try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana).first == 5)
    }

    /// Blind means blind: ana's whole ranked queue is the same whether ben voted include or exclude
    /// (or maybe) on records ana has not screened yet.
    @Test func rankingForAnaIgnoresBensUndisclosedVotes() throws {
        var queues: [[Int64]] = []
        for decision in ScreeningDecision.allCases {
            let review = try Self.review()
            try review.decide(12, .include, by: review.ana)  // ana's own, undisclosed to ben
            for record in Int64(9)...24 { try review.decide(record, decision, by: review.ben) }
            queues.append(try review.registry.rankedQueue(stage: .titleAbstract, reviewer: review.ana))
        }
        #expect(queues[0].count == 31)
        #expect(queues[1] == queues[0])
        #expect(queues[2] == queues[0])
    }

    /// Final decisions of an earlier version rank an update's records.
    @Test func anUpdatesRecordsAreRankedByEarlierDecisions() throws {
        let review = try Self.review()
        for record in Int64(9)...40 {
            let decision: ScreeningDecision = record % 4 == 1 ? .include : .exclude
            try review.decide(record, decision, by: review.ana)
            try review.decide(record, decision, by: review.ben)
        }
        try review.addRecords(
            ["Cell therapy costs", "Dexmethylphenidate for ADHD stimulant treatment in children", "Nicotine gum"],
            search: review.search)
        #expect(try review.registry.nextRecord(stage: .titleAbstract, reviewer: review.ben) == 42)
    }
}
