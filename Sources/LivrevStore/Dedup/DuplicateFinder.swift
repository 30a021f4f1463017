/// Finds duplicate records: candidate pairs by blocking, each pair judged by rules on its fields.
///
/// Blocking (as bib-dedupe blocks) pairs records that share a DOI, a PMID, a normalised title, a
/// register number, or (first author, year), (first author, title's start) or (journal, volume, first
/// page). A pair is a
/// duplicate (rules after ASySD's and bib-dedupe's match conditions) when:
/// - it shares a PMID, unless the titles plainly differ;
/// - it shares a DOI and the titles agree (conference abstracts of one supplement share its DOI);
/// - two register records share a register number;
/// - the titles agree (≥ 0.95, Levenshtein on the compact titles), nothing contradicts (volume, pages
///   with no range start in common, authors, different DOIs), and the years are equal — or one apart when authors and journal
///   agree too (online first vs print); short titles need volume and page to match;
/// - one has no title and authors, year, volume and first page all agree;
/// - the citation agrees — journal, volume (or none on both), a page, year and first author — and the
///   titles share a fifth of their words (a translated or reworded title; not for a long page range,
///   which a supplement's abstracts share);
/// - everything agrees but a first page one digit apart (a typo; an erratum on another page is not
///   its article's duplicate), one title perhaps with a subtitle the other lacks.
/// Records that pair up are grouped; the lowest id of a group is kept.
struct DuplicateFinder {
    struct Pair {
        let first: Int, second: Int
        let reason: String
        let score: Double
    }

    let records: [DedupRecord]

    /// Every duplicate pair (indices into `records`, first < second).
    func pairs() -> [Pair] {
        var blocks: [String: [Int]] = [:]
        blocks.reserveCapacity(records.count * 4)
        for (index, record) in records.enumerated() {
            var keys: [String] = []
            if let doi = record.doi { keys.append("d" + doi) }
            if let pmid = record.pmid { keys.append("p" + pmid) }
            if let title = record.title, title.count >= 8 { keys.append("t" + title) }
            if let bare = record.bareTitle, bare.count >= 8 { keys.append("t" + bare) }
            if record.fromRegister { keys += record.registerNumbers.map { "r" + $0 } }
            if let title = record.title, title.count >= 40 { keys.append("f" + title.prefix(30)) }
            if let author = record.surnames.first {
                keys.append("a\(author)|\(record.year ?? 0)")
                // A year one apart and a typo early in the title ("eculizamab") still meet here.
                if let title = record.title, title.count >= 40 { keys.append("b\(author)|\(title.prefix(12))") }
            }
            if let volume = record.volume, let page = record.firstPage, !record.journalWords.isEmpty {
                keys.append("j\(record.journalWords.map { $0.prefix(1) }.joined())|\(volume)|\(page)")
            }
            for key in keys { blocks[key, default: []].append(index) }
        }
        var seen = Set<Int>()
        var found: [Pair] = []
        for (_, members) in blocks where members.count > 1 && members.count <= 200 {
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = members[i], b = members[j]
                    guard a != b else { continue }
                    let (low, high) = a < b ? (a, b) : (b, a)
                    guard seen.insert(low &* 1_000_003 &+ high).inserted else { continue }
                    if let (reason, score) = judge(records[low], records[high]) {
                        found.append(Pair(first: low, second: high, reason: reason, score: score))
                    }
                }
            }
        }
        return found.sorted { ($0.second, $0.first) < ($1.second, $1.first) }
    }

    /// The reason and score when `a` and `b` are one report, else nil.
    func judge(_ a: DedupRecord, _ b: DedupRecord) -> (String, Double)? {
        if let pmid = a.pmid, pmid == b.pmid, titleSimilarity(a, b, floor: 0.5).map({ $0 >= 0.5 }) ?? true {
            return ("same PMID \(pmid)", 1)
        }
        // The titles' similarity, computed at most once: only a shared DOI or the rules after the
        // volume and author checks need it.
        var similarity: Double?? = nil
        func titleScore() -> Double? {
            if let similarity { return similarity }
            let score = titleSimilarity(a, b)
            similarity = score
            return score
        }
        if let doi = a.doi, doi == b.doi {
            let title = titleScore()
            if title.map({ $0 >= 0.9 }) ?? true { return ("same DOI \(doi)", title ?? 1) }
        }
        if a.fromRegister && b.fromRegister, let number = a.registerNumbers.first(where: b.registerNumbers.contains) {
            return ("same register number \(number)", 1)
        }
        let volumeConflict = a.volume != nil && b.volume != nil && a.volume != b.volume
        let authors = authorAgreement(a, b)
        // Every rule below needs these two to hold; the title's similarity, the dearest test, comes after.
        if volumeConflict || authors == false { return nil }
        let title = titleScore()
        let pageConflict = !a.pageStarts.isEmpty && !b.pageStarts.isEmpty && a.pageStarts.isDisjoint(with: b.pageStarts)
        let yearGap = a.year.flatMap { x in b.year.map { abs(x - $0) } }
        let journal = journalAgreement(a, b)
        if pageConflict {
            // A mistyped page ("2141-2147" and "2142-2147") in an otherwise identical citation. Pages
            // further apart are another item (an erratum notice repeats its article's title).
            // The title may carry a subtitle or note on one side only ("…: Brief communication").
            guard title == 1 || Self.oneContains(a.title, b.title), authors == true, journal == true, yearGap == 0,
                a.volume != nil, Self.onePageTypo(a, b)
            else { return nil }
            return ("same title, authors, journal and volume, first page one digit apart", title == 1 ? 1 : 0.95)
        }
        if let score = Self.sameCitation(a, b, journal: journal, yearGap: yearGap) {
            return ("same journal, volume, pages, year and first author (title translated or reworded)", score)
        }
        guard var title else { return nil }  // an untitled record is left for a reviewer to judge
        let sameIssue = a.volume != nil && a.volume == b.volume && a.firstPage != nil && a.firstPage == b.firstPage
        if title < 0.95, authors == true, sameIssue, Self.oneContains(a.title, b.title) {
            title = 0.95  // "Title... N Engl J Med. 2009", "MEDICAL PROGRESS Title" and "Title"
        }
        guard title >= 0.95 else { return nil }
        if let doiA = a.doi, let doiB = b.doi, doiA != doiB, title < 1 || authors != true || yearGap != 0 { return nil }
        let shortTitle = min(a.title?.count ?? 0, b.title?.count ?? 0) < 30
        if shortTitle && !sameIssue { return nil }
        switch yearGap {
        case 0?, nil:
            return (title == 1 ? "same title, year and authors" : "near-identical title, same year and authors", title)
        case 1?:
            guard authors == true, journal == true else { return nil }
            return ("same title, authors and journal, year one apart", title)
        default:
            return nil
        }
    }

    /// 1 for equal compact titles (or bare titles), else a Levenshtein similarity (0 below `floor`);
    /// nil when one has none.
    private func titleSimilarity(_ a: DedupRecord, _ b: DedupRecord, floor: Double = 0.9) -> Double? {
        guard let x = a.title, let y = b.title else { return nil }
        if x == y { return 1 }
        let bareX = a.bareTitle ?? x, bareY = b.bareTitle ?? y
        if bareX == bareY || bareX == y || x == bareY { return 1 }
        return max(
            Self.similarity(a.titleBytes, b.titleBytes, bound: a.titleHistogram.distanceBound(b.titleHistogram), floor: floor),
            Self.similarity(a.bareBytes, b.bareBytes, bound: a.bareHistogram.distanceBound(b.bareHistogram), floor: floor))
    }

    /// The title-word overlap when two records cite one place in one journal — same journal, volume
    /// (or none), page, year and first author — and their titles share words (a translated or
    /// reworded title: ASySD matches on the citation when titles differ). Nil otherwise, and for a
    /// long page range (a supplement's abstracts share its pages).
    static func sameCitation(_ a: DedupRecord, _ b: DedupRecord, journal: Bool?, yearGap: Int?) -> Double? {
        guard journal == true, yearGap == 0, a.volume == b.volume, !a.pageStarts.isDisjoint(with: b.pageStarts),
            let page = a.firstPage, page.count >= 2, (a.pageSpan ?? 0) <= 60, (b.pageSpan ?? 0) <= 60,
            let first = a.surnames.first, let other = b.surnames.first, Self.sameSurname(first, other)
        else { return nil }
        let shared = a.words.intersection(b.words).count
        let overlap = 2 * Double(shared) / Double(max(a.words.count + b.words.count, 1))
        return overlap >= 0.2 ? overlap : nil
    }

    /// True when some page start of one is one digit off a page start of the other, same length.
    static func onePageTypo(_ a: DedupRecord, _ b: DedupRecord) -> Bool {
        a.pageStarts.contains { x in
            b.pageStarts.contains { y in x.count == y.count && x.count >= 3 && zip(x, y).filter { $0 != $1 }.count == 1 }
        }
    }

    /// One surname, or one with a particle or given name run into it ("lequintrec", "quintrec").
    static func sameSurname(_ x: String, _ y: String) -> Bool {
        x == y || (min(x.count, y.count) >= 4 && (x.hasSuffix(y) || y.hasSuffix(x)))
    }

    /// True when one compact title (of 20 characters or more) is the other with text around it.
    static func oneContains(_ x: String?, _ y: String?) -> Bool {
        guard let x, let y else { return false }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        return short.count >= 20 && (long.hasPrefix(short) || long.hasSuffix(short))
    }

    /// 1 − Levenshtein distance / longer length (Levenshtein 1966) when that is at least `floor`
    /// (by default 0.9), else 0. Only the diagonal band the floor allows is computed (Ukkonen 1985:
    /// a distance of at most d stays within d cells of the diagonal), and the loop stops as soon as a
    /// whole row exceeds it, so a pair of unrelated titles costs a few rows, not length².
    ///
    /// `bound` is a known lower bound of the distance (``TitleHistogram``): when it is already
    /// beyond the floor, no row is computed.
    static func similarity(_ x: [UInt8], _ y: [UInt8], bound: Int = 0, floor: Double = 0.9) -> Double {
        let longer = max(x.count, y.count)
        guard longer > 0 else { return 1 }
        let limit = Int((1 - floor) * Double(longer) + 1e-9)  // 1 − 0.9 is 0.0999…
        guard abs(x.count - y.count) <= limit, bound <= limit, !x.isEmpty, !y.isEmpty else { return 0 }
        let beyond = limit + 1
        var previous = (0...y.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: y.count + 1)
        for i in 1...x.count {
            let low = max(1, i - limit), high = min(y.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var best = current[low - 1]
            for j in low...high {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, beyond)
                best = min(best, current[j])
            }
            if high < y.count { current[high + 1] = beyond }
            if best > limit { return 0 }
            swap(&previous, &current)
        }
        let distance = previous[y.count]
        return distance > limit ? 0 : 1 - Double(distance) / Double(longer)
    }

    /// True when the author lists share most surnames (in any order), false when they share none,
    /// nil when one has no authors.
    private func authorAgreement(_ a: DedupRecord, _ b: DedupRecord) -> Bool? {
        guard !a.surnames.isEmpty, !b.surnames.isEmpty else { return nil }
        let (x, y) = (a.sortedSurnames, b.sortedSurnames)
        var shared = 0, i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        if shared == 0 {
            // Group authors and transliterations: compare the first surname's start; a particle or
            // a given name run into the surname ("Il Cheong, H." and "Cheong, H. I.").
            return a.surnames[0].prefix(4) == b.surnames[0].prefix(4) || Self.sameSurname(a.surnames[0], b.surnames[0])
        }
        return Double(shared) / Double(min(x.count, y.count)) >= 0.5 || a.surnames[0] == b.surnames[0]
    }

    /// True when the journals agree (equal, or one abbreviates the other word by word), false when
    /// they differ, nil when one is missing.
    private func journalAgreement(_ a: DedupRecord, _ b: DedupRecord) -> Bool? {
        let (x, y) = (a.journalKey, b.journalKey)
        guard !x.isEmpty, !y.isEmpty else { return nil }
        if x == y { return true }
        // Word by word, one abbreviating the other ("Nat Rev Nephrol"); a longer name may add a
        // section ("Nephron" and "Nephron Clinical Practice").
        return zip(x, y).allSatisfy { $0.hasPrefix($1) || $1.hasPrefix($0) } || x.joined() == y.joined()
    }
}
