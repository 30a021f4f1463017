import Foundation
import Testing

/// A living review replayed year by year through snapshots: every version's pooled result equals
/// metafor's cumul() at that year, read back at its snapshot even after all later data have landed.
@Suite("A living review through snapshots")
struct LivingReviewTests {
    struct Cumulative: Decodable {
        let outcome: String
        let year: [Int]
        let study: [String]
        let estimate, se, ci_lower, ci_upper, p, q, tau2, i2: [Double]
    }

    static func reference() throws -> Cumulative {
        let url = PoolSeedTests.fixtures.appendingPathComponent("seed_cumulative.json")
        return try JSONDecoder().decode(Cumulative.self, from: Data(contentsOf: url))
    }

    /// Imports the category's rows one publication year at a time, with a snapshot after each year.
    static func replay() throws -> (CommandRunner, Cumulative, [Int]) {
        let reference = try reference()
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Seeds")
        var lines: [String] = []
        for name in ["ae-counts-to-2020.csv", "ae-counts-from-2021.csv"] {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            lines += text.split(separator: "\n").dropFirst().map(String.init).filter {
                Self.fields(of: $0)[1] == reference.outcome
            }
        }
        let header = "study,outcome,label,event_name,year,events_t,n_t,events_c,n_c"
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title living --extraction single"))
        let years = Array(Set(reference.year)).sorted()
        for year in years {
            let rows = lines.filter { Int(Self.fields(of: $0)[4]) == year }
            try livrev.write("y\(year).csv", ([header] + rows).joined(separator: "\n") + "\n")
            try expectSuccess(livrev("data import y\(year).csv"))
            try expectSuccess(livrev("snapshot create y\(year)"))
        }
        return (livrev, reference, years)
    }

    /// The fields of a CSV line (quoted fields may hold commas).
    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(field); field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    @Test func eachSnapshotPoolsAsCumulAtItsYear() throws {
        let (livrev, reference, years) = try Self.replay()
        // The last row of each year is where cumul() stands when that year's snapshot was taken.
        let lastOfYear = years.map { year in reference.year.lastIndex(of: year) ?? 0 }
        let bySnapshot =
            try JSONSerialization.jsonObject(
                with: Data(
                    try livrev.run(
                        ["cumulative", "--outcome", reference.outcome, "--by", "snapshot", "--format", "json"]).stdout.utf8))
            as? [[String: Any]]
        let steps = try #require(bySnapshot)
        #expect(steps.count == years.count)
        for (step, index) in zip(steps, lastOfYear) {
            #expect(step["k"] as? Int == index + 1)
            for (key, expected) in [
                ("estimate", reference.estimate), ("ci_lower", reference.ci_lower),
                ("ci_upper", reference.ci_upper), ("tau2", reference.tau2), ("i2", reference.i2),
            ] {
                let value = (step[key] as? NSNumber)?.doubleValue ?? .nan
                #expect(
                    PoolSeedTests.close(value, expected[index]),
                    "\(step["step"] ?? "") \(key): \(value) vs cumul \(expected[index])")
            }
        }
        // After every later year has landed, an early snapshot still answers as it did.
        let early = years[2]
        let result = try livrev.run(["pool", "--outcome", reference.outcome, "--at", "y\(early)", "--format", "json"])
        let pooled = try json(result)
        let index = lastOfYear[2]
        #expect(pooled["k"] as? Int == index + 1)
        #expect(PoolSeedTests.close((pooled["estimate"] as? NSNumber)?.doubleValue ?? .nan, reference.estimate[index]))
        #expect(pooled["snapshot"] as? String == "y\(early)")
    }

    @Test func byYearFollowsCumulRowByRow() throws {
        let (livrev, reference, _) = try Self.replay()
        let result = try livrev.run(["cumulative", "--outcome", reference.outcome, "--by", "year", "--format", "json"])
        let steps = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(steps.count == reference.estimate.count)
        for (index, step) in steps.enumerated() {
            for (key, expected) in [
                ("estimate", reference.estimate), ("se", reference.se), ("p", reference.p),
                ("q", reference.q), ("tau2", reference.tau2), ("i2", reference.i2),
            ] {
                let value = (step[key] as? NSNumber)?.doubleValue ?? .nan
                #expect(
                    PoolSeedTests.close(value, expected[index]), "step \(index + 1) \(key): \(value) vs cumul \(expected[index])")
            }
        }
    }
}
