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
        let outcomes = try #require(
            JSONSerialization.jsonObject(with: Data(try livrev("outcome list --format json").stdout.utf8))
                as? [[String: Any]]
        ).compactMap { $0["name"] as? String }
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
        #expect(atSnapshot.contains("Changes since trials-to-2020"), "the demo's earlier version")
        let atFirst = try Self.report(livrev, ["--at", "trials-to-2020"]).html
        #expect(!atFirst.contains("Changes since"), "nothing earlier than the first snapshot")
    }
}

/// A review that moved on after its snapshot: the report says what changed.
@Suite("The HTML report of an updated review")
struct ReportUpdateTests {
    @Test func aNewTrialAfterTheSnapshotShowsInChangesSince() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let csv = try livrev.write(
            "new.csv", "study,outcome,events_t,n_t,events_c,n_c\nNova 2026,Infections and infestations,2,80,14,80\n")
        try expectSuccess(livrev.run(["data", "import", csv, "--final", "--as", "habiba2025"]))
        let html = try ReportTests.report(livrev).html
        #expect(html.contains("<h2>Changes since published-2025</h2>"))
        #expect(
            html.contains(
                "<tr><td>Infections and infestations</td><td>44\u{00A0}→\u{00A0}45</td>"
                    + "<td>OR 0.73 (0.54\u{00A0}to\u{00A0}0.98)</td><td>OR 0.68 (0.51\u{00A0}to\u{00A0}0.91)</td>"))
        #expect(html.contains("<tr><td>outcome rows</td><td class=\"num\">1</td>"), "the facts table counts the new row")
        #expect(html.contains("Nova 2026"), "the new trial is in the forest")
    }
}
