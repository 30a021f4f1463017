import Foundation
import Testing

@testable import LivrevStore

@Suite("Embedded migrations")
struct EmbeddedMigrationsTests {
    /// The binary carries Schema/ as generated Swift; this fails when someone edits Schema/
    /// without rerunning scripts/embed-resources.sh.
    @Test func embeddedMigrationsMatchSchemaFolder() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schema").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == Migration.embedded.map(\.identifier))
        for (file, migration) in zip(files, Migration.embedded) {
            let text = try String(contentsOf: schema.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.normalized(text) == Self.normalized(migration.sql), "\(file) differs from its embedded copy")
        }
    }

    private static func normalized(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .reversed().drop(while: \.isEmpty).reversed()
    }
}
