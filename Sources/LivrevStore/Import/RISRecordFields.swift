/// The fields of one RIS record while it is being read, kept as bytes until the record ends.
///
/// Choices follow the RIS specification's tag meanings (Research Information Systems, "RIS Format
/// Specifications", 2011) and what EndNote, Scopus, Cochrane and Ovid write: title `TI`, else `T1`,
/// `CT`, `BT`, `ST`; abstract `AB`, else `N2`; authors `AU` and `A1` in order; year from `PY`, else
/// `Y1`, `DA`, `Y2`; journal `JF`, else `JO`, `T2`, `JA`, `J2`, `J1`; volume `VL`; issue `IS`, else
/// `CP`; pages `SP` (with `EP`); keywords `KW` (EndNote writes further keywords as untagged lines).
/// DOI from `DO`, else `DI`, else an `M3` that holds one, else one inside a link (`UR`, `L1`–`L3`,
/// `LK`). PMID from a `PMID-` line, Cochrane's `C3  - PUBMED n`, Scopus's digit `C2`, Embase's
/// digit `C5` (its "Medline PMID", also on the MEDLINE records it exports), or a digit `AN`
/// when the record's database (`DB`/`DP`) names PubMed, MEDLINE or NLM — never another database's
/// accession number. Trial registry numbers from the identifier tags only (`AN`, `C3`, links).
struct RecordFields {
    /// Where untagged continuation lines go.
    private enum Slot { case none, title, t1, abstract, n2, author, keyword, jf, jo, t2, ja }

    private(set) var line = 0
    private var slot = Slot.none
    private var title: [UInt8] = [], t1: [UInt8] = [], otherTitle: [UInt8] = [], abstract: [UInt8] = []
    private var n2: [UInt8] = []
    private var jf: [UInt8] = [], jo: [UInt8] = [], t2: [UInt8] = [], ja: [UInt8] = [], j2: [UInt8] = []
    private var authors: [String] = [], keywords: [String] = []
    private var pyYear: Int?, y1Year: Int?, daYear: Int?
    private var volume: String?, issue: String?, startPage: String?, endPage: String?
    private var doi: String?, diDOI: String?, m3DOI: String?, urlDOI: String?
    private var accession: String?, c2: String?, c5: String?, pmid: String?, database: [UInt8] = []
    private var registryNumbers: [String] = []

    /// Clears everything for a record starting at `line`.
    mutating func start(line: Int) {
        self = RecordFields()
        self.line = line
    }

    /// Records one tag line's (trimmed) value.
    mutating func take(tag: UInt16, value: UnsafeBufferPointer<UInt8>) {
        slot = .none
        switch tag {
        case RISTag.TI: if title.isEmpty { title.append(contentsOf: value); slot = .title }
        case RISTag.T1: if t1.isEmpty { t1.append(contentsOf: value); slot = .t1 }
        case RISTag.CT, RISTag.BT, RISTag.ST: if otherTitle.isEmpty { otherTitle.append(contentsOf: value) }
        case RISTag.AB: Self.join(value, to: &abstract); slot = .abstract
        case RISTag.N2: Self.join(value, to: &n2); slot = .n2
        case RISTag.AU, RISTag.A1:
            if !value.isEmpty { authors.append(ByteText.string(value)); slot = .author }
        case RISTag.KW:
            if !value.isEmpty { keywords.append(ByteText.string(value)) }
            slot = .keyword
        case RISTag.PY: if pyYear == nil { pyYear = ByteText.year(in: value) }
        case RISTag.Y1: if y1Year == nil { y1Year = ByteText.year(in: value) }
        case RISTag.DA, RISTag.Y2: if daYear == nil { daYear = ByteText.year(in: value) }
        case RISTag.VL: if volume == nil { volume = ByteText.string(Array(value)) }
        case RISTag.IS, RISTag.CP: if issue == nil { issue = ByteText.string(Array(value)) }
        case RISTag.SP: if startPage == nil { startPage = ByteText.string(Array(value)) }
        case RISTag.EP: if endPage == nil { endPage = ByteText.string(Array(value)) }
        case RISTag.DO: if doi == nil && !value.isEmpty { doi = ByteText.string(value) }
        case RISTag.DI: if diDOI == nil { diDOI = ByteText.embeddedDOI(in: value) }
        case RISTag.M3: if m3DOI == nil { m3DOI = ByteText.embeddedDOI(in: value) }
        case RISTag.UR, RISTag.L1, RISTag.L2, RISTag.L3, RISTag.LK:
            if urlDOI == nil { urlDOI = Identifiers.doi(inLink: value) }
            Identifiers.collectRegistryNumbers(inLink: value, into: &registryNumbers)
        case RISTag.JF: if jf.isEmpty { jf.append(contentsOf: value); slot = .jf }
        case RISTag.JO: if jo.isEmpty { jo.append(contentsOf: value); slot = .jo }
        case RISTag.T2: if t2.isEmpty { t2.append(contentsOf: value); slot = .t2 }
        case RISTag.JA: if ja.isEmpty { ja.append(contentsOf: value); slot = .ja }
        case RISTag.J2, RISTag.J1: if j2.isEmpty { j2.append(contentsOf: value) }
        case RISTag.AN:
            if accession == nil && ByteText.allDigits(value) { accession = ByteText.string(value) }
            Identifiers.collectRegistryNumbers(in: value, into: &registryNumbers)
        case RISTag.DB, RISTag.DP:
            if !database.isEmpty { database.append(0x20) }
            database.append(contentsOf: value)
        case RISTag.C2: if c2 == nil && ByteText.allDigits(value) { c2 = ByteText.string(value) }
        case RISTag.C5: if c5 == nil && ByteText.allDigits(value) { c5 = ByteText.string(value) }
        case RISTag.C3:
            if pmid == nil { pmid = Identifiers.labelledPMID(value) }
            Identifiers.collectRegistryNumbers(in: value, into: &registryNumbers)
        case RISTag.PMID: if pmid == nil && ByteText.allDigits(value) { pmid = ByteText.string(value) }
        default: break
        }
    }

    /// Appends an untagged line to the field the previous tag line started.
    mutating func continueField(with text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        switch slot {
        case .none: break
        case .title: Self.join(text, to: &title)
        case .t1: Self.join(text, to: &t1)
        case .abstract: Self.join(text, to: &abstract)
        case .n2: Self.join(text, to: &n2)
        case .jf: Self.join(text, to: &jf)
        case .jo: Self.join(text, to: &jo)
        case .t2: Self.join(text, to: &t2)
        case .ja: Self.join(text, to: &ja)
        case .author: authors[authors.count - 1] += " " + ByteText.string(text)
        case .keyword: keywords.append(ByteText.string(text))
        }
    }

    /// The finished record (its title is empty when the record has none).
    func finish() -> ImportedRecord {
        let journal = [jf, jo, t2, ja, j2].first(where: { !$0.isEmpty }).flatMap(ByteText.string)
        let titled = [title, t1, otherTitle].first(where: { !$0.isEmpty }) ?? []
        let fromDatabase = Identifiers.namesPubMed(database)
        return ImportedRecord(
            title: ByteText.string(titled) ?? "",
            abstract: ByteText.string(abstract.isEmpty ? n2 : abstract),
            authors: authors,
            year: pyYear ?? y1Year ?? daYear,
            journal: journal,
            volume: volume,
            issue: issue,
            pages: Identifiers.pages(start: startPage, end: endPage),
            doi: doi ?? diDOI ?? m3DOI ?? urlDOI,
            pmid: pmid ?? (fromDatabase ? accession : nil) ?? (fromDatabase || Identifiers.namesScopus(database) ? c2 : nil)
                ?? (fromDatabase || Identifiers.namesEmbase(database) ? c5 : nil),
            registryNumbers: registryNumbers,
            keywords: keywords,
            line: line)
    }

    private static func join(_ text: UnsafeBufferPointer<UInt8>, to field: inout [UInt8]) {
        guard !text.isEmpty else { return }
        if !field.isEmpty { field.append(0x20) }
        field.append(contentsOf: text)
    }
}

/// RIS tag codes, `first byte << 8 | second byte`.
enum RISTag {
    static func code(_ text: StaticString) -> UInt16 {
        let pointer = text.utf8Start
        return UInt16(pointer[0]) << 8 | UInt16(pointer[1])
    }
    static let TY = code("TY"), ER = code("ER"), TI = code("TI"), T1 = code("T1"), AB = code("AB")
    static let N2 = code("N2"), AU = code("AU"), A1 = code("A1"), PY = code("PY"), Y1 = code("Y1")
    static let DA = code("DA"), DO = code("DO"), UR = code("UR"), L3 = code("L3"), JF = code("JF")
    static let JO = code("JO"), T2 = code("T2"), JA = code("JA"), AN = code("AN"), CT = code("CT")
    static let BT = code("BT"), ST = code("ST"), KW = code("KW"), Y2 = code("Y2"), VL = code("VL")
    static let IS = code("IS"), CP = code("CP"), SP = code("SP"), EP = code("EP"), DI = code("DI")
    static let M3 = code("M3"), L1 = code("L1"), L2 = code("L2"), LK = code("LK"), J2 = code("J2")
    static let J1 = code("J1"), DB = code("DB"), DP = code("DP"), C2 = code("C2"), C3 = code("C3")
    static let C5 = code("C5")
    /// Not a RIS tag: stands for a `PMID-` line.
    static let PMID: UInt16 = 0xFFFF
}
