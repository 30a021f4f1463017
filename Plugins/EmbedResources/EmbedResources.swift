import Foundation
import PackagePlugin

/// Embeds the top-level resource folders in the binary at build time, so that `livrev` works when
/// copied alone: `Schema/NNN_name.sql` becomes `Migration.embedded` in LivrevStore, and `Seeds/`
/// (its `.csv` and `.ris` files) becomes `EmbeddedSeeds.files` in LivrevCommands. The generated Swift
/// lives in the build directory and is written again whenever one of those files changes; a file
/// added to or removed from a folder is seen the next time SwiftPM plans the build (after
/// `touch Package.swift` at the latest).
@main
struct EmbedResources: BuildToolPlugin {
    /// Which folder each target carries, and as what.
    private static let embeddings: [String: (folder: String, kind: String, output: String)] = [
        "LivrevStore": ("Schema", "migrations", "EmbeddedMigrations.swift"),
        "LivrevCommands": ("Seeds", "seeds", "EmbeddedSeeds.swift"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let embedding = Self.embeddings[target.name] else { return [] }
        let folder = context.package.directoryURL.appending(path: embedding.folder)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { Self.isEmbedded($0.lastPathComponent, kind: embedding.kind) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: embedding.output)
        return [
            .buildCommand(
                displayName: "Embedding the \(embedding.folder) folder in \(target.name)",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [embedding.kind, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    /// Migrations are `NNN_name.sql`; seeds are the folder's `.csv` and `.ris` files (not its README).
    private static func isEmbedded(_ name: String, kind: String) -> Bool {
        if kind == "migrations" {
            return name.hasSuffix(".sql") && name.prefix(4).dropLast().allSatisfy(\.isNumber) && name.dropFirst(3).first == "_"
        }
        return name.hasSuffix(".csv") || name.hasSuffix(".ris")
    }
}
