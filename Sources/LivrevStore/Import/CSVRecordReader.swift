/// Reads bibliographic records from a CSV or TSV export, as ``ImportedRecord``s.
///
/// The header row is the first row with a title column (``RecordColumns``), so preamble lines
/// before it (Embase's search query) are skipped; the other fields are found by the names each tool
/// writes. Cells Excel protects as formulas (`="0001234"`, CINAHL) read as their text. Authors are
/// split as the tool wrote them (``AuthorList``). DOIs come from the DOI column, else from a link
/// column that holds one; PMIDs from the PMID column (`PUBMED 123` and PubMed links too); registry
/// numbers from the registry columns (`NCT Number`, `Other IDs`, `Clinical Trial Numbers`) and
/// register links. A row without a title is kept with an empty title. Source: RFC 4180 for the CSV
/// layer (see ``CSVReader``).
package final class CSVRecordReader: ImportedRecordReader {
    private let csv: CSVReader
    private let columns: RecordColumns

    /// Reads records CSV from memory; `file` names it in errors.
    package convenience init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) throws(ImportError) {
        try self.init(lines: LineReader(bytes: bytes, file: file, chunkSize: chunkSize), delimiter: 0x2C)
    }

    /// Reads the records CSV file at `path` (comma-separated).
    package convenience init(path: String) throws(ImportError) {
        try self.init(lines: LineReader(path: path), delimiter: 0x2C)
    }

    /// Reads records from `lines` split at `delimiter`; throws when no row within the first 50 is a
    /// header with a title column.
    package init(lines: LineReader, delimiter: UInt8) throws(ImportError) {
        csv = try CSVReader(lines: lines, delimiter: delimiter, isHeader: RecordColumns.isHeader)
        guard let columns = RecordColumns(csv.header.names) else {
            throw ImportError.missingColumn(file: csv.file, name: "title")
        }
        self.columns = columns
    }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        guard let row = try csv.next() else { return nil }
        func cell(_ index: Int?) -> String? {
            guard let index else { return nil }
            var text = row[index].trimmingSpaces
            if text.hasPrefix("=\""), text.hasSuffix("\""), text.count >= 3 {
                text = String(text.dropFirst(2).dropLast()).replacingOccurrences("\"\"", with: "\"")
            }
            if text.contains(where: \.isNewline) {
                // A line break inside a cell reads as a space, as RIS and MEDLINE continuation lines do.
                text = text.split(whereSeparator: \.isNewline).map(\.trimmingSpaces).filter { !$0.isEmpty }
                    .joined(separator: " ")
            }
            return text.isEmpty ? nil : text
        }
        var registryNumbers: [String] = []
        for index in columns.registry + columns.links {
            for number in Identifiers.registryNumbers(in: cell(index) ?? "") where !registryNumbers.contains(number) {
                registryNumbers.append(number)
            }
        }
        var journal = cell(columns.journal)
        var year = (cell(columns.year) ?? cell(columns.date)).flatMap { ByteText.year(in: $0.utf8) }
        var volume = cell(columns.volume), issue = cell(columns.issue)
        var pages = cell(columns.pages) ?? Identifiers.pages(start: cell(columns.startPage), end: cell(columns.endPage))
        if columns.journalIsCitation, let source = journal, let citation = Citation(source) {
            journal = citation.journal
            year = year ?? citation.year
            volume = volume ?? citation.volume
            issue = issue ?? citation.issue
            pages = pages ?? citation.pages
        }
        let doi =
            cell(columns.doi) ?? columns.links.lazy.compactMap { cell($0).flatMap(Identifiers.doi(inLink:)) }.first
        let pmid = cell(columns.pmid).flatMap { ByteText.allDigits($0.utf8) ? $0 : Identifiers.labelledPMID($0) }
        let keywords =
            columns.keywords.compactMap(cell).flatMap { $0.split(separator: ";").map { $0.trimmingSpaces } }
            .filter { !$0.isEmpty }
        return ImportedRecord(
            title: cell(columns.title) ?? "",
            abstract: cell(columns.abstract),
            authors: cell(columns.authors).map(AuthorList.split) ?? [],
            year: year,
            journal: journal,
            volume: volume,
            issue: issue,
            pages: pages,
            doi: doi,
            pmid: pmid,
            registryNumbers: registryNumbers,
            keywords: keywords,
            line: row.line)
    }
}

/// Embase's `Source` citation: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014".
struct Citation {
    let journal: String
    let year: Int?
    let volume, issue, pages: String?

    init?(_ text: String) {
        guard let open = text.range(of: " ("), text[open.upperBound...].prefix(5).last == ")",
            let year = Int(text[open.upperBound...].prefix(4))
        else { return nil }
        journal = String(text[..<open.lowerBound])
        self.year = year
        let rest = text[open.upperBound...].dropFirst(5).drop(while: { $0 == " " })
        let numbers = rest.prefix(while: { $0 != " " && $0 != "(" && $0 != "." })
        let parts = numbers.split(separator: ":", maxSplits: 1)
        volume = parts.first.map(String.init)
        issue = parts.count > 1 ? String(parts[1]) : nil
        if let pagesOpen = rest.firstIndex(of: "("), let pagesClose = rest[pagesOpen...].firstIndex(of: ")") {
            pages = String(rest[rest.index(after: pagesOpen)..<pagesClose])
        } else {
            pages = nil
        }
    }
}

extension String {
    /// The string with every `target` replaced by `replacement` (Foundation-free).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
