import Foundation
import Testing

@Suite("livrev simulate")
struct SimulateTests {
    /// A labelled CSV of 120 records; every tenth is an include about one topic.
    static func labelled() -> String {
        var lines = ["record_id,title,abstract,label_included"]
        for index in 0..<120 {
            let include = index % 10 == 3
            let title = include ? "Methylphenidate for ADHD in children \(index)" : "Smoking cessation study \(index)"
            let abstract =
                include
                ? "Stimulant treatment of attention deficit hyperactivity disorder, \"double-blind\", trial"
                : "Nicotine patch, bupropion and counselling in adults, cohort number \(index % 7)"
            lines.append("\(index),\"\(title)\",\"\(abstract.replacingOccurrences(of: "\"", with: "\"\""))\",\(include ? 1 : 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON has SPEC's fields, fractions in [0, 1], `stop` an object, and is the same for the same seed.
    @Test func jsonHasTheSpecFieldsAndIsDeterministic() throws {
        let livrev = try CommandRunner()
        let file = try livrev.write("labelled.csv", Self.labelled())
        let first = try livrev.run(["simulate", file, "--seed", "5", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try livrev.run(["simulate", file, "--seed", "5", "--format", "json"])
        #expect(first.stdout == again.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["records"] as? Int == 120)
        #expect(object["includes"] as? Int == 12)
        for key in ["wss95", "wss100"] {
            let value = try #require(object[key] as? Double)
            #expect(value > 0.5 && value <= 1, "\(key) = \(value)")
        }
        let recall = try #require(object["recall_at"] as? [String: Double])
        #expect(Set(recall.keys) == ["10", "25"])
        #expect(recall.values.allSatisfy { (0...1).contains($0) })
        #expect((recall["25"] ?? 0) >= (recall["10"] ?? 1))
        let stop = try #require(object["stop"] as? [String: Any])
        #expect((stop["screened"] as? Int).map { (1...120).contains($0) } == true)
        #expect((stop["recall"] as? Double).map { (0...1).contains($0) } == true)
        let last = try #require(object["screened_to_last_include"] as? Int)
        #expect(last >= 12 && last < 60)
        let priors = try #require(object["priors"] as? [Int])
        #expect(priors.count == 2 && (priors[0] - 1) % 10 == 3 && (priors[1] - 1) % 10 != 3)
    }

    /// Text fits 100 columns; --plot writes an SVG with the curve, the random line and the stop.
    @Test func textFitsAndPlotIsWritten() throws {
        let livrev = try CommandRunner()
        let file = try livrev.write("labelled.csv", Self.labelled())
        let plot = livrev.folder.appendingPathComponent("curve.svg").path
        let result = try livrev.run(["simulate", file, "--seed", "1", "--plot", plot])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("WSS@95"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.contains("class=\"recall\"") && svg.contains("class=\"random\"") && svg.contains("class=\"stop\""))
    }

    /// A label that is not 0 or 1 names file, line and column, exit 65; a missing file exits 66.
    @Test func badInputFailsWithOneClearLine() throws {
        let livrev = try CommandRunner()
        let file = try livrev.write("bad.csv", "title,abstract,label_included\nA,b,1\nC,d,yes\nE,f,0\n")
        let bad = try livrev.run(["simulate", file])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.csv:3") && bad.stderr.contains("label_included"))
        #expect(bad.stdout.isEmpty)
        let oneLabel = try livrev.write("one.csv", "title,abstract,label_included\nA,b,0\nC,d,0\n")
        #expect(try livrev.run(["simulate", oneLabel]).status == 65)
        let missing = try livrev.run(["simulate", livrev.folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 66)
        let noLabel = try livrev.write("nolabel.csv", "title,abstract\nA,b\n")
        let result = try livrev.run(["simulate", noLabel])
        #expect(result.status == 65 && result.stderr.contains("label_included"))
    }

    /// --by replays version by version: the plot marks where each version opened.
    @Test func replayByVersion() throws {
        let livrev = try CommandRunner()
        var lines = Self.labelled().split(separator: "\n").map(String.init)
        lines[0] += ",year"
        for index in 1..<lines.count { lines[index] += index <= 60 ? ",2019" : ",2021" }
        let file = try livrev.write("versions.csv", lines.joined(separator: "\n") + "\n")
        let plot = livrev.folder.appendingPathComponent("versions.svg").path
        let result = try livrev.run(["simulate", file, "--by", "year", "--plot", plot, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.contains("version 1") && svg.contains("version 2"))
        // The later version, replayed with the first one's decisions and as a review of its own.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.count == 1)
        let later = try #require(versions.first)
        #expect(later["version"] as? String == "2021")
        let rows = lines.dropFirst(61)
        #expect(later["records"] as? Int == rows.count)
        #expect(later["includes"] as? Int == rows.count { $0.hasSuffix(",1,2021") })
        let continuing = try #require(later["read_to_last_include"] as? Int)
        let alone = try #require(later["read_to_last_include_alone"] as? Int)
        // The first version taught the model the topic: the later one's 6 includes are read first.
        #expect(continuing == 6)
        #expect(alone >= 6 && alone <= rows.count)
        let text = try livrev.run(["simulate", file, "--by", "year"])
        #expect(text.stdout.contains("2021: \(continuing) vs \(alone) (\(rows.count) records"))
    }
}
