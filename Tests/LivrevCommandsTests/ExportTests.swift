import Foundation
import Testing

/// `livrev export --metafor DIR`: data a sceptic can rerun in R.
@Suite("Export for metafor")
struct ExportTests {
    @Test func oneCSVPerOutcomeWithTheRightRowsAndAScriptNamingEveryOutcome() throws {
        let livrev = try DemoRegistry.get()
        let folder = livrev.folder.appendingPathComponent("\(UUID().uuidString)-metafor").path
        let result = try livrev.run(["export", "--metafor", folder])
        try expectSuccess(result)
        #expect(result.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let csvs = files.filter { $0.hasSuffix(".csv") && $0 != "livrev-results.csv" }
        #expect(csvs.count == 21)
        #expect(files.contains("reproduce.R") && files.contains("livrev-results.csv"))
        func lines(_ name: String) throws -> [Substring] {
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
        }
        let infections = try #require(csvs.first { $0.hasSuffix("-infections-and-infestations.csv") })
        let rows = try lines(infections)
        #expect(rows.first == "study,label,ai,n1i,ci,n2i")
        #expect(rows.count == 1 + 44)
        #expect(rows.contains("Hare 2009,,11,34,5,19"))
        let proportions = try #require(csvs.first { $0.hasSuffix("-cohort-macce.csv") })
        #expect(try lines(proportions) == ["study,label,xi,ni", "JCM cohort 2024,,5,2504"])
        let hazards = try #require(csvs.first { $0.hasSuffix("-cohort-macce-hazard-per-year-of-age.csv") })
        #expect(try lines(hazards).first == "study,label,yi,vi")

        let script = try String(contentsOfFile: folder + "/reproduce.R", encoding: .utf8)
        let pooled = try #require(
            JSONSerialization.jsonObject(with: Data(try livrev("pool --all --format json").stdout.utf8))
                as? [[String: Any]])
        for outcome in pooled.compactMap({ $0["outcome"] as? String }) {
            #expect(script.contains("\"\(outcome)\""), "the script names \(outcome)")
        }
        #expect(script.contains("method = \"DL\", test = \"z\""))
        #expect(script.contains("add = 1/2, to = \"only0\", drop00 = FALSE"))
        for call in ["escalc(", "rma(", "regtest(", "ranktest(", "fsn(", "predict(", "quit(status"] {
            #expect(script.contains(call))
        }
        // livrev's own numbers travel with the script, at full precision.
        let results = try lines("livrev-results.csv")
        let infectionsEstimate = try #require(results.first { $0.hasPrefix("Infections and infestations,estimate,") })
        let estimate = try #require(Double(infectionsEstimate.split(separator: ",").last.map(String.init) ?? ""))
        // Compare with the JSON's own digits (JSONSerialization may round the last bit).
        let json = try livrev.run(["pool", "--outcome", "Infections and infestations", "--format", "json"]).stdout
        let token = try #require(json.split(separator: "\n").first { $0.contains("\"estimate\":") })
        let digits = token.split(separator: ":").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,")) } ?? ""
        #expect(estimate == Double(digits))
    }

    /// `--exclude-rob high` leaves the same studies out of the CSV that `pool` leaves out, so R pools
    /// the rows livrev pooled and livrev's numbers in the export are those of `pool --exclude-rob high`.
    @Test func excludingHighRiskOfBiasExportsOnlyTheRowsPooled() throws {
        let livrev = try DemoRegistry.get()
        let folder = livrev.folder.appendingPathComponent("\(UUID().uuidString)-metafor").path
        let outcome = "Infections and infestations"
        try expectSuccess(
            livrev.run(["export", "--metafor", folder, "--outcome", outcome, "--exclude-rob", "high"]))
        let pooled = try #require(
            JSONSerialization.jsonObject(
                with: Data(
                    try livrev.run(["pool", "--outcome", outcome, "--exclude-rob", "high", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let k = try #require(pooled["k"] as? Int)
        #expect(k < 44, "the demo has infections rows from studies at high risk of bias")
        let csv = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix("-infections-and-infestations.csv") }
        )
        let rows = try String(contentsOfFile: folder + "/" + csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + k)
        let results = try String(contentsOfFile: folder + "/livrev-results.csv", encoding: .utf8).split(separator: "\n")
        let line = try #require(results.first { $0.hasPrefix("\(outcome),estimate,") })
        let estimate = try #require(Double(line.split(separator: ",").last.map(String.init) ?? ""))
        let expected = try #require(pooled["estimate"] as? Double)
        #expect(abs(estimate - expected) <= 1e-12 * max(1, abs(expected)))
    }

    @Test func optionsReachTheScript() throws {
        let livrev = try DemoRegistry.get()
        let folder = livrev.folder.appendingPathComponent("\(UUID().uuidString)-metafor").path
        try expectSuccess(
            livrev.run([
                "export", "--metafor", folder, "--outcome", "Infections and infestations",
                "--method", "REML", "--ci", "hksj", "--correction", "all",
            ]))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.filter { $0.hasSuffix(".csv") }.count == 2, "one outcome and livrev-results.csv")
        let script = try String(contentsOfFile: folder + "/reproduce.R", encoding: .utf8)
        #expect(script.contains("method = \"REML\", test = \"knha\""))
        #expect(script.contains("to = \"all\""))
    }
}
