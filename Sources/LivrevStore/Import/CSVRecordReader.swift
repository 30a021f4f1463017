/// Reads bibliographic records from a CSV file with a `title` column, as ``ImportedRecord``s.
///
/// Columns (any order, names case-insensitive): `title` (required, non-empty in each row) and the
/// optional `abstract`, `authors` (separated by `;`; `first_author` is read when there is no
/// `authors`), `year`, `journal`, `doi` and `pmid`. Registry numbers (`NCT` + 8 digits) are collected
/// from every cell of the row. Source: RFC 4180 for the CSV layer (see ``CSVReader``).
package final class CSVRecordReader: ImportedRecordReader {
    private let csv: CSVReader
    private let title: CSVColumn
    private let abstract, authors, year, journal, doi, pmid: CSVColumn?

    /// Reads records CSV from memory; `file` names it in errors.
    package convenience init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) throws(ImportError) {
        try self.init(csv: CSVReader(bytes: bytes, file: file, chunkSize: chunkSize))
    }

    /// Reads the records CSV file at `path`.
    package convenience init(path: String) throws(ImportError) {
        try self.init(csv: CSVReader(path: path))
    }

    /// Reads records from an open CSV reader; throws when its header has no `title` column.
    package init(csv: CSVReader) throws(ImportError) {
        self.csv = csv
        title = try csv.requiredColumn("title")
        abstract = csv.column("abstract")
        authors = csv.column("authors") ?? csv.column("first_author")
        year = csv.column("year")
        journal = csv.column("journal")
        doi = csv.column("doi")
        pmid = csv.column("pmid")
    }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        guard let row = try csv.next() else { return nil }
        guard let titleText = csv.string(title, in: row) else {
            throw ImportError.missingField(file: csv.file, line: row.line, field: "title")
        }
        var registryNumbers: [String] = []
        for cell in row.fields {
            var cell = cell
            cell.withUTF8 { ByteText.collectRegistryNumbers(in: $0, into: &registryNumbers) }
        }
        let authorList =
            authors.flatMap { csv.string($0, in: row) }?
            .split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } ?? []
        return ImportedRecord(
            title: titleText,
            abstract: abstract.flatMap { csv.string($0, in: row) },
            authors: authorList,
            year: try year.flatMap { column throws(ImportError) in try csv.int(column, in: row) },
            journal: journal.flatMap { csv.string($0, in: row) },
            doi: doi.flatMap { csv.string($0, in: row) },
            pmid: pmid.flatMap { csv.string($0, in: row) },
            registryNumbers: registryNumbers,
            line: row.line)
    }
}
