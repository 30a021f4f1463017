import Foundation
import Testing

@testable import LivrevCommands

/// `livrev demo`: the bundled review, built from Seeds/, says what a newcomer needs on one screen.
@Suite("The demo")
struct DemoTests {
    @Test func buildsTheSeedReviewAndPrintsPrismaPoolingAndChecks() throws {
        let livrev = try CommandRunner()
        let result = try livrev.run(["demo", "--db", livrev.registryPath])
        try expectSuccess(result)
        let text = result.stdout
        // The box wraps at 100 columns, keeping "(n = …)" whole.
        #expect(text.contains("│ Studies included in previous version of review       │\n│   (n = 36)"))
        #expect(text.contains("│ Reports of studies included in previous version of   │\n│   review (n = 36)"))
        // The pooled table fits 100 columns: outcome names and the words wrap, numbers stay whole.
        #expect(text.contains("General disorders and       36     0.289  -0.15 to 0.73   0.201"))
        #expect(text.contains("Infections and              44    -0.315  -0.61 to -0.02  0.036"))
        #expect(text.contains("treatment (significant)"))  // infections
        #expect(text.split(separator: "\n").filter { $0.count > 100 && !$0.contains(livrev.registryPath) }.isEmpty)
        #expect(text.contains("What the trials published after 2020 changed"))
        #expect(text.contains("ERROR [prisma-arithmetic]"))
        // A second run into the same named file is refused rather than overwriting it.
        let again = try livrev.run(["demo", "--db", livrev.registryPath])
        #expect(again.status == 73)
    }

    @Test func checkNamesThePapersInconsistencies() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let result = try livrev("check --format json")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        func messages(_ code: String) -> [String] {
            findings.filter { $0["code"] as? String == code }.compactMap { $0["message"] as? String }
        }
        #expect(
            messages("prisma-arithmetic").first?.contains("207 − reports_excluded 169 = 38, but studies_included is 36") == true)
        #expect(messages("arm-n-differs").contains { $0.hasPrefix("Averyanov 2020") })
        #expect(messages("borrowed-denominators").contains { $0.hasPrefix("Zang 2022") && $0.contains("Perico 2023") })
        #expect(messages("repeated-event").contains { $0.contains("Lin 2017: 'Gastrointestinal; bleeding'") })
        #expect(messages("near-duplicate-study").contains { $0.contains("'Ercicum 2019' and 'Epicum 2019'") })
        #expect(messages("events-equal-n").contains { $0.hasPrefix("Averyanov 2020") })
        #expect(messages("arm-above-evaluated").contains { $0.hasPrefix("Weiss 2013") })
        #expect(try livrev("check --strict").status == 1)
    }

    /// The binary carries Seeds/ as generated Swift; this fails when someone edits Seeds/
    /// without rerunning scripts/embed-resources.sh.
    @Test func embeddedSeedsMatchTheSeedsFolder() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter {
            $0.hasSuffix(".csv") || $0.hasSuffix(".ris")
        }
        #expect(Set(files) == Set(EmbeddedSeeds.files.keys))
        for file in files {
            let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
            let trimmed = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
            #expect(
                trimmed == EmbeddedSeeds.files[file]?.trimmingCharacters(in: .newlines), "\(file) differs from its embedded copy")
        }
    }
}
