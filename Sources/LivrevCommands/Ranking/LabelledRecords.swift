import Foundation
import LivrevStore

/// A labelled screening data set read from CSV: columns `title`, `abstract` and `label_included`
/// (1 = included, 0 = excluded); other columns are ignored, except the one `--by` names.
struct LabelledRecords {
    /// Title and abstract joined by a space, as ASReview's `TextMerger` joins them.
    var texts: [String] = []
    var includes: [Bool] = []
    /// The `--by` column's value per record, when asked for.
    var versions: [String] = []

    /// Reads `path`.
    ///
    /// - Throws: `CommandError.fileMissing` (exit 66); `ImportError` (exit 65) for a missing column,
    ///   or a label that is not 0 or 1 (file, line and column named); `CommandError.badRow` (exit 65)
    ///   for a file with no records or with only one label.
    init(path: String, versionColumn: String?) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandError.fileMissing(path) }
        let csv = try CSVReader(path: path)
        let label = try csv.requiredColumn("label_included")
        let title = csv.column("title")
        let abstract = csv.column("abstract")
        guard title != nil || abstract != nil else { throw ImportError.missingColumn(file: csv.file, name: "title") }
        let version = try versionColumn.map { try csv.requiredColumn($0) }
        var lastLine = 0
        try csv.forEach { row in
            lastLine = row.line
            let value = csv.string(label, in: row)
            guard value == "0" || value == "1" else { throw csv.invalid(label, row, expected: "0 or 1") }
            includes.append(value == "1")
            let parts = [title, abstract].map { $0.flatMap { csv.string($0, in: row) } ?? "" }
            texts.append(parts.joined(separator: " "))
            if let version { versions.append(csv.string(version, in: row) ?? "") }
        }
        guard !includes.isEmpty else { throw CommandError.badRow(file: csv.file, line: 1, message: "no records") }
        if !includes.contains(true) || !includes.contains(false) {
            throw CommandError.badRow(
                file: csv.file, line: lastLine,
                message: "label_included: a simulation needs at least one include (1) and one exclude (0)")
        }
    }

    /// The distinct `--by` values in ascending order (numbers as numbers): version `rank` is
    /// `versionNames[rank]`.
    var versionNames: [String] {
        Set(versions).sorted { a, b in
            if let x = Double(a), let y = Double(b) { return x < y }
            return a < b
        }
    }

    /// Each record's version as a rank into ``versionNames``; nil without `--by`.
    func versionRanks() -> [Int]? {
        guard !versions.isEmpty else { return nil }
        let rank = Dictionary(uniqueKeysWithValues: versionNames.enumerated().map { ($1, $0) })
        return versions.map { rank[$0] ?? 0 }
    }
}
