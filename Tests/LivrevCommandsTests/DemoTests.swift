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
        #expect(text.contains("│ Studies included in previous version of review       │\n│   (n = 23)"))
        #expect(text.contains("│ Reports of studies included in previous version of   │\n│   review (n = 23)"))
        // The pooled table fits 100 columns: outcome names and the words wrap, numbers stay whole.
        #expect(text.contains("General disorders and       36     0.289  -0.15 to 0.73   0.201"))
        #expect(text.contains("Infections and              44    -0.315  -0.61 to -0.02  0.036"))
        #expect(text.contains("treatment (significant)"))  // infections
        #expect(text.split(separator: "\n").filter { $0.count > 100 && !$0.contains(livrev.registryPath) }.isEmpty)
        #expect(text.contains("What the update changed"))
        // The job, step by step: the arbiter's resolutions and the extraction discrepancy are shown.
        #expect(text.contains("$ livrev resolve 35 exclude --stage title-abstract --as habiba2025"))
        #expect(text.contains("$ livrev resolve 37 exclude --stage full-text --as habiba2025"))
        #expect(text.contains("  ben  2/45 vs 0/46, 2022"))
        #expect(text.contains("scripted"))
        #expect(text.contains("Left open: 0 screening conflicts, 0 extraction discrepancies."))
        #expect(text.contains("ERROR [prisma-arithmetic]"))
        // A second run into the same named file is refused rather than overwriting it.
        let again = try livrev.run(["demo", "--db", livrev.registryPath])
        #expect(again.status == 73)
    }

    /// Every PRISMA box of the update holds a number that follows from Seeds/ by construction: two
    /// exports of 14 records sharing three DOIs, two registrations; ten cited papers that are not
    /// trials of IV MSCs excluded on their abstracts (one after a conflict); one registration with
    /// nothing to retrieve; an intrathecal study and an uncontrolled one excluded on full text; 13
    /// new trials in 14 reports (one registration reports its trial); 23 trials before 2021.
    @Test func prismaOfTheUpdateHasTheSeedsNumbersInEveryBox() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let result = try livrev("prisma --format json")
        let prisma = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let identification = try #require(prisma["identification"] as? [String: [String: Int]])
        #expect(identification["databases"] == ["Embase": 14, "Scopus": 14])
        #expect(identification["registers"] == ["ClinicalTrials.gov": 2])
        #expect(prisma["duplicates_removed"] as? Int == 3)
        #expect(prisma["records_screened"] as? Int == 27)
        #expect(prisma["records_excluded"] as? Int == 10)
        #expect(prisma["reports_sought"] as? Int == 17)
        #expect(prisma["reports_not_retrieved"] as? Int == 1)
        #expect(prisma["reports_assessed"] as? Int == 16)
        #expect(prisma["reports_excluded"] as? [String: Int] == ["not randomized": 1, "wrong route": 1])
        #expect(prisma["studies_included"] as? Int == 13)
        #expect(prisma["reports_included"] as? Int == 14)
        #expect(prisma["previous"] as? [String: Int] == ["studies": 23, "reports": 23])
        #expect(prisma["total"] as? [String: Int] == ["studies": 36, "reports": 37])
        // Nothing is left open, and the two screeners' blinded votes are in the log under their names.
        let pending = try #require(prisma["pending"] as? [String: Int])
        #expect(pending.values.allSatisfy { $0 == 0 }, "\(pending)")
        #expect(try livrev("data conflicts --format json").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let agreement = try livrev("agreement --stage full-text --format json").stdout
        #expect(agreement.contains("\"ana\"") && agreement.contains("\"ben\""))
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

    /// The EmbedResources plugin compiles Seeds/ into the binary (the demo runs from a copied binary
    /// alone): every `.csv` and `.ris` file, byte for byte.
    @Test func theBinaryCarriesSeedsExactly() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter {
            $0.hasSuffix(".csv") || $0.hasSuffix(".ris")
        }
        #expect(files.count > 10)
        #expect(Set(files) == Set(EmbeddedSeeds.files.keys))
        for file in files {
            let bytes = try Data(contentsOf: seeds.appendingPathComponent(file))
            #expect(Data((EmbeddedSeeds.files[file] ?? "").utf8) == bytes, "\(file) differs from its embedded copy")
        }
    }
}
