import Foundation
import Testing

/// Blinding by construction: two registries that differ only in the value of ben's undisclosed
/// votes give ana the same bytes, page and API alike.
@Suite("Serve blinding", .serialized)
struct ServeBlindingTests {
    /// Everything ana sees while screening the records ben has not voted on, and then the next
    /// record (one ben voted on), before she votes on any record ben voted on.
    static func transcript(bensVote: String) throws -> [String] {
        let livrev = try ServeAPITests.team(records: 6)
        for record in 4...6 {
            try expectSuccess(livrev("screen decide \(record) \(bensVote) --stage title-abstract --as ben"))
        }
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        var seen: [String] = []
        func look() throws {
            for path in ServeBlindingTests.pathsAnaReads {
                let response = try ana.get(path)
                // The page's CSRF token is the session's own, random by design: not compared.
                let text = response.text.replacingOccurrences(
                    of: #"<meta name="csrf" content="[0-9a-f]{64}">"#, with: "<meta name=\"csrf\">",
                    options: .regularExpression)
                seen.append("\(path) \(response.status)\n\(text)")
            }
        }
        for _ in 0..<3 {
            try look()
            let record = try #require(try ana.nextRecord())
            #expect(record <= 3)
            #expect(try ana.decide(record, "include").status == 200)
        }
        try look()
        #expect(try ana.nextRecord() == 4)
        return seen
    }

    static let pathsAnaReads = [
        "/api/me", "/api/screen/next?stage=title-abstract", "/api/screen/progress?stage=title-abstract",
        "/api/prisma", "/api/agreement?stage=title-abstract", "/api/conflicts?stage=title-abstract",
        "/api/screen/next?stage=full-text", "/screen?stage=title-abstract", "/screen?stage=full-text", "/dashboard",
    ]

    @Test func anasResponsesDoNotDependOnBensUndisclosedVotes() throws {
        let including = try Self.transcript(bensVote: "include")
        let excluding = try Self.transcript(bensVote: "exclude")
        #expect(including.count == 4 * Self.pathsAnaReads.count)
        for (a, b) in zip(including, excluding) { #expect(a == b) }
    }
}
