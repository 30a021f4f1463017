/// Which CSV column holds which record field, by the header names the tools write.
///
/// Names are compared case-, space- and punctuation-insensitively (`Author(s)`, `Author/s` and
/// `authors` are one name). The lists come from the tools' export documentation and templates:
/// PubMed ("PMID, Title, Authors, …, Publication Year, DOI"), Scopus ("Authors, Title, Year, Source
/// title, Volume, Issue, Page start, Page end, DOI, PubMed ID"), Web of Science tab-delimited (its
/// field tags: TI, AU, SO, PY, VL, IS, BP, EP, DI, PM, AB, DE), Embase ("Title, Author Names,
/// Source title, Publication Year", or a `Source` citation), Cochrane CENTRAL ("Author(s), Title,
/// Source, Year, PubMed ID"), Ovid, EBSCO/CINAHL ("Article Title, Author, Journal Title"), ProQuest,
/// Lens ("Author/s, Source Title, Publication Year, Start Page, End Page, PMID"), OpenAlex
/// (`display_name`, `authorships.author.display_name`, `publication_year`, `ids.pmid`), Zotero
/// ("Publication Title, Abstract Note"), Mendeley, EndNote, Rayyan (`pubmed_id`), Covidence
/// ("Published Year"), EPPI-Reviewer, Google Scholar exports ("Publication"), and
/// ClinicalTrials.gov's classic ("NCT Number, Title, Other IDs, URL") and current ("NCT Number,
/// Study Title, Study URL, Brief Summary, First Posted") CSV downloads.
struct RecordColumns {
    static let title = ["title", "articletitle", "studytitle", "documenttitle", "primarytitle", "titleprimary", "ti"]
    static let abstract = ["abstract", "abstractnote", "abstracttext", "ab", "briefsummary", "summary", "originalabstract"]
    static let authors = [
        "authors", "author", "authornames", "authorlist", "au", "authorshipsauthordisplayname",
        "authorshipsrawauthorname", "authorfullnames", "af", "firstauthor",
    ]
    static let year = ["year", "publicationyear", "publishedyear", "pubyear", "py", "yearpublished", "yr"]
    static let date = [
        "publicationdate", "datepublished", "publisheddate", "date", "pubdate", "dp", "coverdate", "firstposted",
        "studyfirstpostdate",
    ]
    static let journal = [
        "journal", "journaltitle", "sourcetitle", "publicationtitle", "journalbook", "journalname", "publication",
        "secondarytitle", "periodical", "containertitle", "primarylocationsourcedisplayname", "so", "jo", "t2", "source",
    ]
    static let volume = ["volume", "vol", "vl", "vi"]
    static let issue = ["issue", "number", "issuenumber", "no", "is", "ip"]
    static let pages = ["pages", "pagination", "pagerange", "pg", "pp"]
    static let startPage = ["pagestart", "startpage", "firstpage", "bp", "sp", "spage"]
    static let endPage = ["pageend", "endpage", "lastpage", "ep", "epage"]
    static let doi = ["doi", "di", "idsdoi", "digitalobjectidentifier", "articledoi"]
    static let links = [
        "url", "link", "links", "doiurl", "studyurl", "plink", "externalurl", "sourceurls", "ur", "openurllink",
    ]
    static let pmid = ["pmid", "pubmedid", "pubmed", "pm", "idspmid", "pmids", "medlinepmid"]
    static let keywords = [
        "keywords", "keyword", "authorkeywords", "indexkeywords", "kw", "de", "id", "manualtags", "subjects",
        "meshterms", "mesh", "mh", "subjectheadings",
    ]
    static let registry = [
        "nctnumber", "nctid", "ctgovid", "ictrpid", "clinicaltrialnumbers", "clinicaltrialnumber",
        "trialregistrationnumber", "trialregistration", "registrationnumber", "trialid", "secondaryid",
        "secondaryids", "otherids",
    ]

    /// A header name reduced to lower-case letters and digits (`Author(s)` → `authors`).
    static func normalized(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// True when `name` is one of the title columns' names.
    static func isTitleColumn(_ name: String) -> Bool {
        title.contains(normalized(name))
    }

    /// True when a row holds a title column (the header row, after any preamble).
    static func isHeader(_ names: [String]) -> Bool {
        names.count >= 1 && names.contains(where: isTitleColumn)
    }

    let title: Int
    let abstract, authors, year, date, journal, volume, issue, pages, startPage, endPage, doi, pmid: Int?
    let links, keywords, registry: [Int]
    /// True when the journal column is Embase's `Source` citation ("Journal (2014) 3:3 (152-160)").
    let journalIsCitation: Bool

    /// Finds the columns in `header`; nil when it has no title column.
    init?(_ header: [String]) {
        let names = header.map(Self.normalized)
        func first(_ candidates: [String]) -> Int? {
            for candidate in candidates { if let index = names.firstIndex(of: candidate) { return index } }
            return nil
        }
        func all(_ candidates: [String]) -> [Int] {
            names.indices.filter { candidates.contains(names[$0]) }
        }
        guard let title = first(Self.title) else { return nil }
        self.title = title
        abstract = first(Self.abstract)
        authors = first(Self.authors)
        year = first(Self.year)
        date = first(Self.date)
        journal = first(Self.journal)
        journalIsCitation = journal.map { names[$0] == "source" } ?? false
        volume = first(Self.volume)
        issue = first(Self.issue)
        pages = first(Self.pages)
        startPage = first(Self.startPage)
        endPage = first(Self.endPage)
        doi = first(Self.doi)
        pmid = first(Self.pmid)
        links = all(Self.links)
        // One keyword column: the first a tool writes (author keywords before index terms). `ID` is
        // Keywords Plus only among Web of Science's field tags (with its `UT` accession number);
        // elsewhere (OpenAlex) an `id` column is the record's identifier.
        let tagged = names.contains("ut")
        keywords = first(Self.keywords.filter { tagged || $0 != "id" }).map { [$0] } ?? []
        registry = all(Self.registry)
    }
}
