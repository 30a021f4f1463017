/// A reader that yields ``ImportedRecord``s one at a time, whatever the file format.
///
/// Each reader streams its source, so a caller can insert records as they come without holding the
/// file.
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

/// The bibliographic export formats `livrev import` reads.
///
/// The format is read from the content (``FormatSniffer``); the extension and `--format` are hints.
/// Sources: RIS format specification (2011); NLM "MEDLINE/PubMed Data Element (Field)
/// Descriptions"; RFC 4180 (CSV); Clarivate "Web of Science Core Collection field tags"; the
/// Cochrane Library's plain-text export; EndNote's XML export (`xml/records/record`).
package enum ImportFormat: String, CaseIterable, Sendable {
    case ris
    case medline
    case csv
    case wos
    case cochrane
    case endnoteXML = "endnote-xml"

    /// The name users know the format by.
    package var displayName: String {
        switch self {
        case .ris: "RIS"
        case .medline: "MEDLINE"
        case .csv: "CSV"
        case .wos: "Web of Science plain text"
        case .cochrane: "Cochrane plain text"
        case .endnoteXML: "EndNote XML"
        }
    }

    /// Every format, as error messages list them.
    package static let supportedList =
        "RIS, MEDLINE/PubMed (incl. PMC), CSV/TSV, Web of Science plain text, Cochrane plain text and EndNote XML"

    /// The format a path's extension suggests (case-insensitive), or nil when it suggests none.
    package init?(path: String) {
        guard let formats = Self.formats(forExtensionOf: path) else { return nil }
        self = formats[0]
    }

    /// The extension of `path` (lower case, without the dot), or nil.
    package static func fileExtension(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return path[path.index(after: dot)...].lowercased()
    }

    /// The formats a file with this extension may hold, most likely first; nil for an unknown extension.
    package static func formats(forExtensionOf path: String) -> [ImportFormat]? {
        switch fileExtension(of: path) {
        case "ris": [.ris]
        case "nbib", "medline": [.medline]
        case "txt": [.medline, .wos, .cochrane]
        case "ciw": [.wos]
        case "csv", "tsv", "tab": [.csv]
        case "xml": [.endnoteXML]
        default: nil
        }
    }

    /// Opens `path`, reads the format from its content, and returns a reader for it.
    package func reader(path: String) throws(ImportError) -> any ImportedRecordReader {
        let source = try ImportSource(path: path)
        return try reader(source: source, sniffed: FormatSniffer.sniff(source))
    }

    /// This format's reader over `source`, with what the sniffer found (the CSV delimiter).
    package func reader(source: ImportSource, sniffed: SniffedFormat) throws(ImportError) -> any ImportedRecordReader {
        let lines = try source.lines()
        switch self {
        case .ris: return RISReader(lines: lines)
        case .medline: return MedlineReader(lines: lines)
        case .csv: return try CSVRecordReader(lines: lines, delimiter: sniffed.delimiter)
        case .wos: return WebOfScienceReader(lines: lines)
        case .cochrane: return CochraneReader(lines: lines)
        case .endnoteXML: return try EndNoteXMLReader(lines: lines)
        }
    }
}
