import Foundation
import Testing

/// Single-arm proportions and generic rows through the CLI, against metafor
/// (scripts/reference/pool_proportions_generic_cli.R).
@Suite("Pooling proportions and generic rows")
struct PoolKindsTests {
    static func reference(_ key: String) throws -> [String: Any] {
        let data = try Data(contentsOf: PoolSeedTests.fixtures.appendingPathComponent("proportions_generic.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(all[key] as? [String: Any])
    }

    static func registry(importing fixture: String) throws -> CommandRunner {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title kinds --extraction single"))
        let text = try String(contentsOf: PoolSeedTests.fixtures.appendingPathComponent(fixture), encoding: .utf8)
        try livrev.write(fixture, text)
        try expectSuccess(livrev("data import \(fixture)"))
        return livrev
    }

    static func expectMatches(_ pooled: [String: Any], _ expected: [String: Any]) {
        for key in ["k", "estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "q", "pi_lower", "pi_upper"] {
            let ours = (pooled[key] as? NSNumber)?.doubleValue ?? .nan
            let theirs = (expected[key] as? NSNumber)?.doubleValue ?? .nan
            #expect(PoolSeedTests.close(ours, theirs), "\(key): \(ours) vs metafor \(theirs)")
        }
    }

    @Test(arguments: ["PLO", "PFT"])
    func proportionsPoolAndBackTransformAsMetafor(measure: String) throws {
        let livrev = try Self.registry(importing: "pritz1997.csv")
        let expected = try Self.reference(measure.lowercased())
        Self.expectMatches(try json(livrev("pool --outcome Remission --measure \(measure) --format json")), expected)
        let back = try #require(expected["back"] as? [String: Double])
        // Lines wrap at 100 columns, a continuation indented under its line.
        let text = try livrev("pool --outcome Remission --measure \(measure)").stdout
            .replacingOccurrences(of: "\n    ", with: " ")
        let proportion = String(
            format: "proportion = %.4f (%.4f to %.4f)", back["estimate"] ?? 0, back["lower"] ?? 0, back["upper"] ?? 0)
        #expect(text.contains(proportion), "\(text)")
    }

    @Test func ratioRowsWithConfidenceIntervalsPoolOnTheLogScale() throws {
        let livrev = try Self.registry(importing: "bcg_generic.csv")
        let pooled = try json(livrev("pool --outcome TB --format json"))
        #expect(pooled["measure"] as? String == "RR")
        Self.expectMatches(pooled, try Self.reference("generic"))
    }

    @Test func aSingleArmOutcomeIsNotPooledAsAnOddsRatio() throws {
        let livrev = try Self.registry(importing: "pritz1997.csv")
        let result = try livrev("pool --outcome Remission --measure OR")
        #expect(result.status == 65)
        #expect(result.stderr == "Error: outcome 'Remission' has single-arm counts (use PLO or PFT); it cannot be pooled as OR\n")
    }
}
