/// One bibliographic record read from an export, before de-duplication.
///
/// Fields hold text as written in the file (authors are not reformatted); ``RecordKeys`` derives the
/// normalized keys used to match duplicates. A record without a title keeps an empty `title`: it is
/// still imported (PRISMA counts every record identified) and the import says so.
package struct ImportedRecord: Equatable, Sendable {
    /// The title, or "" when the export gave none.
    package var title: String
    package var abstract: String?
    /// Authors in file order, as written ("Smith J", "Smith, John").
    package var authors: [String]
    package var year: Int?
    package var journal: String?
    package var volume: String?
    package var issue: String?
    /// The page range as written ("349-69", "e1002").
    package var pages: String?
    package var doi: String?
    package var pmid: String?
    /// Trial registry numbers such as `NCT01234567`, from the export's identifier fields, each once.
    package var registryNumbers: [String]
    /// Keywords and subject headings in file order.
    package var keywords: [String]
    /// The 1-based line where the record starts in its file.
    package var line: Int

    package init(
        title: String, abstract: String? = nil, authors: [String] = [], year: Int? = nil,
        journal: String? = nil, volume: String? = nil, issue: String? = nil, pages: String? = nil,
        doi: String? = nil, pmid: String? = nil, registryNumbers: [String] = [], keywords: [String] = [],
        line: Int
    ) {
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.year = year
        self.journal = journal
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.doi = doi
        self.pmid = pmid
        self.registryNumbers = registryNumbers
        self.keywords = keywords
        self.line = line
    }
}
