import Foundation
import Testing

/// `pool --subgroup` on the demo against metafor: each level's pooled estimate and the QM test
/// for subgroup differences (scripts/reference/subgroup_seed_cli.R).
@Suite("Subgroups")
struct SubgroupTests {
    @Test func levelsAndTheirDifferenceTestAgreeWithMetafor() throws {
        let data = try Data(contentsOf: PoolSeedTests.fixtures.appendingPathComponent("seed_subgroup.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let result = try livrev.run([
            "pool", "--outcome", expected["outcome"] as? String ?? "", "--subgroup", "phase",
            "--format", "json",
        ])
        let ours = try json(result)
        let test = try #require(ours["test"] as? [String: Any])
        for key in ["qm", "p"] {
            let value = (test[key] as? NSNumber)?.doubleValue ?? .nan
            #expect(PoolSeedTests.close(value, (expected[key] as? NSNumber)?.doubleValue ?? .nan), "\(key)")
        }
        #expect(test["df"] as? Int == expected["df"] as? Int)
        let ourLevels = try #require(ours["levels"] as? [[String: Any]])
        let theirLevels = try #require(expected["levels"] as? [[String: Any]])
        #expect(ourLevels.map { $0["level"] as? String } == theirLevels.map { $0["level"] as? String })
        for (level, reference) in zip(ourLevels, theirLevels) {
            #expect(level["k"] as? Int == reference["k"] as? Int)
            for key in ["estimate", "ci_lower", "ci_upper", "tau2"] {
                let value = (level[key] as? NSNumber)?.doubleValue ?? .nan
                #expect(
                    PoolSeedTests.close(value, (reference[key] as? NSNumber)?.doubleValue ?? .nan),
                    "\(level["level"] ?? "") \(key)")
            }
        }
    }

    @Test func anUnknownCharacteristicIsNamed() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let result = try livrev.run(["pool", "--outcome", "SAEs deaths", "--subgroup", "colour"])
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("Error: no study characteristic 'colour' (recorded: year, reference, country"))
    }
}
