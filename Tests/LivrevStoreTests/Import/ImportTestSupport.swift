import Foundation

@testable import LivrevStore

/// Helpers shared by the import reader tests.
enum Fixture {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static func bom(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    /// The transcribed seed review: the repository's one copy, `Seeds/published/`.
    static let seedReview = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Seeds/published").standardized.path

    /// Writes `bytes` to a new file in a fresh temporary directory and returns its path.
    static func file(named name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("livrev-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The error `body` throws, as an ``ImportError`` (nil when it throws nothing).
    static func importError(_ body: () throws -> Void) -> ImportError? {
        do {
            try body()
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            return nil
        }
    }
}
