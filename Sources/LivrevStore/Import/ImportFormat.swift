/// A reader that yields ``ImportedRecord``s one at a time, whatever the file format.
///
/// ``RISReader``, ``MedlineReader`` and ``CSVRecordReader`` conform; each streams its file in
/// fixed-size chunks, so a caller can insert records as they come without holding the file.
package protocol ImportedRecordReader {
    /// The next record, or nil at the end of the file.
    func next() throws(ImportError) -> ImportedRecord?
}

extension ImportedRecordReader {
    /// Reads every record into an array (for small files and tests).
    package func readAll() throws(ImportError) -> [ImportedRecord] {
        var records: [ImportedRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }
}

/// The bibliographic export formats `livrev import` reads, chosen by file extension.
///
/// Sources: RIS format specification (`.ris`), NLM MEDLINE/PubMed display format (`.nbib`,
/// `.medline`, PubMed's `.txt` export), RFC 4180 (`.csv`).
package enum ImportFormat: String, CaseIterable, Sendable {
    case ris
    case medline
    case csv

    /// The format for a path's extension (case-insensitive), or nil when it is not one of ours.
    package init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "ris": self = .ris
        case "nbib", "medline", "txt": self = .medline
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Opens `path` with this format's reader.
    package func reader(path: String) throws(ImportError) -> any ImportedRecordReader {
        switch self {
        case .ris: return try RISReader(path: path)
        case .medline: return try MedlineReader(path: path)
        case .csv: return try CSVRecordReader(path: path)
        }
    }
}
