extension RecordBatch {
    /// Reads a whole export for search `searchID`: the format from its content (`format`, when
    /// given, must agree), every record converted to what is stored, before any lock is taken.
    ///
    /// - Returns: the batch, and the warnings and notes to show the user (encoding, a misleading
    ///   file name, untitled records).
    /// - Throws: `ImportError` naming the file, line and field; `.noRecords` for a file without one.
    package static func read(file: String, searchID: Int64, format: ImportFormat? = nil) throws -> (RecordBatch, [String]) {
        let source = try ImportSource(path: file)
        let sniffed = try FormatSniffer.sniff(source)
        if let format, format != sniffed.format {
            throw ImportError.formatContradiction(file: file, content: sniffed.format.displayName, given: format.displayName)
        }
        var notes: [String] = []
        if source.encoding != .utf8 {
            notes.append("warning: \(file): read as \(source.encoding.rawValue), not UTF-8")
        }
        if source.replacedCharacters > 0 {
            notes.append("warning: \(file): \(source.replacedCharacters) characters could not be decoded (U+FFFD)")
        }
        if let expected = ImportFormat.formats(forExtensionOf: file), !expected.contains(sniffed.format),
            let ext = ImportFormat.fileExtension(of: file)
        {
            notes.append("note: this file is \(sniffed.format.displayName); it was named .\(ext)")
        }
        var batch = RecordBatch(searchID: searchID, file: file, format: sniffed.format)
        let reader = try sniffed.format.reader(source: source, sniffed: sniffed)
        while let record = try reader.next() {
            if record.title.isEmpty {
                notes.append("warning: \(file):\(record.line): record has no title; imported as untitled")
            }
            batch.append(record)
        }
        if batch.count == 0 { throw ImportError.noRecords(file: file, format: sniffed.format.displayName) }
        return (batch, notes)
    }

    /// The import's summary: what was stored, and how much of it can be matched and screened.
    package func summary(search source: String) -> String {
        "Imported \(count) records from \(file) into search \(searchID) (\(source))\n"
            + "  \(withDOI) with a DOI, \(withPMID) with a PMID, \(withAbstract) with an abstract"
    }
}
