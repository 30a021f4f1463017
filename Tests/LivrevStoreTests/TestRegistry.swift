import Foundation

@testable import LivrevStore

/// A registry in a fresh temporary folder, with a team of two reviewers and an arbiter.
struct TestRegistry {
    let registry: Registry
    let ana: Reviewer
    let ben: Reviewer
    let cy: Reviewer
    let search: Int64

    init(records titles: [String] = []) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        registry = try Registry.create(path: folder.appendingPathComponent("t.livrev").path, title: "T", command: "test")
        let registry = registry
        search = try registry.write(reviewer: nil, command: "setup") { revision in
            try registry.addReviewer("ana", role: .reviewer, revision: revision)
            try registry.addReviewer("ben", role: .reviewer, revision: revision)
            try registry.addReviewer("cy", role: .arbiter, revision: revision)
            return try registry.addSearch(source: "PubMed", date: "2026-01-01", query: nil, kind: .database, revision: revision)
        }
        ana = try registry.reviewer(named: "ana")
        ben = try registry.reviewer(named: "ben")
        cy = try registry.reviewer(named: "cy")
        try addRecords(titles, search: search)
    }

    func addRecords(_ titles: [String], search: Int64, year: Int? = 2020) throws {
        let registry = registry
        try registry.write(reviewer: nil, command: "import") { revision in
            var batch = RecordBatch(searchID: search, file: "test.ris")
            for (index, title) in titles.enumerated() {
                batch.append(
                    ImportedRecord(
                        title: title, abstract: nil, authors: ["Smith J"], year: year, journal: nil, doi: nil, pmid: nil,
                        registryNumbers: [], line: index + 1))
            }
            try registry.insert(batch, revision: revision)
        }
    }

    /// Records `decision` by `reviewer` as its own revision.
    func decide(
        _ record: Int64, _ decision: ScreeningDecision, by reviewer: Reviewer,
        at stage: ScreeningStage = .titleAbstract, reason: String? = nil
    ) throws {
        let registry = registry
        try registry.write(reviewer: reviewer.name, command: "decide") { revision in
            try registry.decide(
                record: record, stage: stage, decision: decision, reason: reason,
                reviewer: reviewer, revision: revision)
        }
    }

    func resolve(
        _ record: Int64, _ decision: ScreeningDecision, by reviewer: Reviewer,
        at stage: ScreeningStage = .titleAbstract, reason: String? = nil, with partner: Reviewer? = nil
    ) throws {
        let registry = registry
        try registry.write(reviewer: reviewer.name, command: "resolve") { revision in
            try registry.resolve(
                record: record, stage: stage, decision: decision, reason: reason,
                reviewer: reviewer, consensus: partner, revision: revision)
        }
    }
}
