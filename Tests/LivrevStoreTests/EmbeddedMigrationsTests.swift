import Foundation
import Testing

@testable import LivrevStore

@Suite("Embedded migrations")
struct EmbeddedMigrationsTests {
    /// The EmbedResources plugin compiles Schema/ into LivrevStore: every `NNN_name.sql`, in order,
    /// byte for byte, so that a binary copied alone migrates a registry exactly as the folder says.
    @Test func theBinaryCarriesSchemaExactly() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schema").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count >= 10)
        #expect(files.map { String($0.dropLast(4)) } == Migration.embedded.map(\.identifier))
        for (file, migration) in zip(files, Migration.embedded) {
            let bytes = try Data(contentsOf: schema.appendingPathComponent(file))
            #expect(Data(migration.sql.utf8) == bytes, "\(file) differs from its embedded copy")
        }
    }
}
