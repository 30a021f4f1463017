import Foundation
import Testing

@Suite("livrev screen progress")
struct ScreenProgressTests {
    /// 750 records; both reviewers include every third of the first 30 and exclude the next 700,
    /// which is the R case "ten includes then 700 excludes of 750": p = 0.02770083102493073
    /// (scripts/reference/stopping_rule.R, Tests/LivrevRankingTests/Fixtures/stopping_rule.csv).
    @Test func stoppingRuleMatchesTheReferenceAndSaysYouMayStop() throws {
        let livrev = try CommandRunner()
        let records = (1...750).map { "Record number \($0) about something,An abstract." }
        try livrev.write("records.csv", "title,abstract\n" + records.joined(separator: "\n") + "\n")
        let decisions = (1...730).map { "\($0),\($0 <= 30 && $0 % 3 == 1 ? "include" : "exclude")" }
        try livrev.write("decisions.csv", "record,decision\n" + decisions.joined(separator: "\n") + "\n")
        for line in [
            "init --title P", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-01",
            "import records records.csv --search 1", "screen import decisions.csv --stage title-abstract --as ana",
            "screen import decisions.csv --stage title-abstract --as ben",
        ] {
            let result = try livrev(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        let json = try livrev("screen progress --stage title-abstract --format json")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["records"] as? Int == 750)
        #expect(object["screened"] as? Int == 730)
        #expect(object["includes"] as? Int == 10)
        #expect(object["awaiting"] as? Int == 20)
        let rule = try #require(object["stopping_rule"] as? [String: Any])
        let p = try #require(rule["p_value"] as? Double)
        #expect(abs(p - 0.02770083102493073) < 1e-12)
        #expect(rule["passes"] as? Bool == true)
        let heuristic = try #require(object["heuristic"] as? [String: Any])
        #expect(heuristic["consecutive_excludes"] as? Int == 702)
        let text = try livrev("screen progress --stage title-abstract")
        #expect(text.stdout.contains("You can stop here: recall ≥ 95% with 95% confidence."))
        #expect(text.stdout.contains("Heuristic (no guarantee of recall): 702 consecutive excludes"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // At 99% confidence the same data are not enough (p must fall below 0.01).
        let strict = try livrev("screen progress --stage title-abstract --confidence 0.99")
        #expect(strict.stdout.contains("Keep screening"))
        #expect(try livrev("screen progress --stage title-abstract --confidence 1.5").status == 64)
    }

    /// One `screen import` is one revision: the rule reads its decisions in the file's order, not
    /// by record id. The same 730 decisions listed last record first end on the ten includes.
    @Test func decisionsOfOneImportKeepTheFilesOrder() throws {
        let livrev = try CommandRunner()
        let records = (1...750).map { "Record number \($0) about something,An abstract." }
        try livrev.write("records.csv", "title,abstract\n" + records.joined(separator: "\n") + "\n")
        let decisions = (1...730).reversed().map { "\($0),\($0 <= 30 && $0 % 3 == 1 ? "include" : "exclude")" }
        try livrev.write("decisions.csv", "record,decision\n" + decisions.joined(separator: "\n") + "\n")
        for line in [
            "init --title P", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-01",
            "import records records.csv --search 1", "screen import decisions.csv --stage title-abstract --as ana",
            "screen import decisions.csv --stage title-abstract --as ben",
        ] {
            #expect(try livrev(line).status == 0, "\(line)")
        }
        let json = try livrev("screen progress --stage title-abstract --format json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let heuristic = try #require(object["heuristic"] as? [String: Any])
        #expect(heuristic["consecutive_excludes"] as? Int == 0)  // record 1, the last line, is an include
        let rule = try #require(object["stopping_rule"] as? [String: Any])
        #expect(rule["passes"] as? Bool == false)
    }
}

@Suite("The report's screening curve")
struct ReportScreeningTests {
    /// Once title-abstract decisions are final, the report shows the recall curve and the rule's p.
    @Test func reportShowsTheRecallCurve() throws {
        let livrev = try CommandRunner()
        try livrev.write("records.csv", "title,abstract\n" + (1...30).map { "Record \($0),Text." }.joined(separator: "\n") + "\n")
        try livrev.write("decisions.csv", "record,decision\n1,include\n2,exclude\n3,exclude\n4,include\n5,exclude\n")
        for line in [
            "init --title R", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-01",
            "import records records.csv --search 1", "screen import decisions.csv --stage title-abstract --as ana",
            "screen import decisions.csv --stage title-abstract --as ben",
        ] {
            #expect(try livrev(line).status == 0, "\(line)")
        }
        let path = livrev.folder.appendingPathComponent("report.html").path
        #expect(try livrev.run(["report", "--out", path]).status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<h2>Screening</h2>") || html.contains(">Screening<"))
        #expect(html.contains("5 of 30 records have a final title-abstract decision (2 moved on)"))
        #expect(html.contains("class=\"recall\"") && html.contains("class=\"random\""))
        #expect(html.contains("does not yet pass"))
    }
}
