/// One bibliographic record read from a RIS, MEDLINE or CSV export, before de-duplication.
///
/// Fields hold text as written in the file (authors are not reformatted); ``RecordKeys`` derives the
/// normalized keys used to match duplicates.
package struct ImportedRecord: Equatable, Sendable {
    package var title: String
    package var abstract: String?
    /// Authors in file order, as written ("Smith J", "Smith, John").
    package var authors: [String]
    package var year: Int?
    package var journal: String?
    package var doi: String?
    package var pmid: String?
    /// Trial registry numbers such as `NCT01234567`, upper case, each once, in order of appearance.
    package var registryNumbers: [String]
    /// The 1-based line where the record starts in its file.
    package var line: Int

    package init(
        title: String, abstract: String? = nil, authors: [String] = [], year: Int? = nil,
        journal: String? = nil, doi: String? = nil, pmid: String? = nil,
        registryNumbers: [String] = [], line: Int
    ) {
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.year = year
        self.journal = journal
        self.doi = doi
        self.pmid = pmid
        self.registryNumbers = registryNumbers
        self.line = line
    }
}
