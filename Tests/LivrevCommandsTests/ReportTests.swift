import Foundation
import Testing

/// `livrev report`: one self-contained, reproducible HTML file.
@Suite("The HTML report")
struct ReportTests {
    static func report(_ livrev: CommandRunner, _ extra: [String] = []) throws -> (path: String, html: String) {
        let path = livrev.folder.appendingPathComponent("\(UUID().uuidString)-report.html").path
        let result = try livrev.run(["report", "--out", path] + extra)
        try expectSuccess(result)
        #expect(result.stdout.isEmpty, "the report goes to the file, not stdout")
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func theReportIsOneSelfContainedWellFormedFile() throws {
        let livrev = try DemoRegistry.get()
        let (_, html) = try Self.report(livrev)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http"), "no URL at all: nothing is fetched, not even a namespace")
        #expect(!html.contains("src=") && !html.contains("<link"))
        let xml = try ParsedXML(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(xml.root == "html")
    }

    @Test func theReportHoldsThePrismaDiagramEveryOutcomeAndItsFigures() throws {
        let livrev = try DemoRegistry.get()
        let (_, html) = try Self.report(livrev)
        #expect(html.contains("<h1>Intravenous mesenchymal stem cells"))
        #expect(html.contains("Current state (revision "))
        #expect(html.contains("class=\"prisma-box\""), "the PRISMA SVG is inline")
        let outcomes = try #require(JSONSerialization.jsonObject(with: Data(try livrev("outcome list --format json").stdout.utf8))
            as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(outcomes.count == 21)
        for outcome in outcomes {
            let escaped = outcome.replacingOccurrences(of: "&", with: "&amp;")
            #expect(html.contains("<h3>\(escaped)</h3>"), "heading for \(outcome)")
        }
        #expect(html.components(separatedBy: "class=\"pooled-diamond\"").count - 1 == 21, "a forest per outcome")
        #expect(html.components(separatedBy: "class=\"funnel-region\"").count - 1 == 15, "a funnel per outcome with k ≥ 3")
        #expect(html.components(separatedBy: "class=\"study-row\"").count - 1 >= 44)
        #expect(html.contains("Egger&apos;s regression test") || html.contains("Egger's regression test"))
        #expect(html.contains("class=\"rob-row\"") && html.contains("class=\"summary-bar\""))
        #expect(html.contains("Characteristics of included studies") && html.contains("Hare 2009"))
        #expect(html.contains("Consistency check") && html.contains("Epicum 2019"), "check findings name the near-duplicate key")
        #expect(html.contains("Changes since published-2025"))
    }

    @Test func theSameRegistryGivesTheSameBytes() throws {
        let livrev = try DemoRegistry.get()
        let first = try Self.report(livrev).html
        let second = try Self.report(livrev).html
        #expect(first == second)
        let atSnapshot = try Self.report(livrev, ["--at", "published-2025"]).html
        #expect(atSnapshot.contains("Snapshot published-2025 (revision "))
        #expect(!atSnapshot.contains("Changes since"), "nothing earlier than the first snapshot")
    }
}
