/// Each record's distinct terms, as ids into a vocabulary of term hashes, with their counts: what
/// tokenising gives before any weighting, and what a registry caches so that a new process need not
/// tokenise again (`TextFeatures(termCounts:settings:)` weights them).
///
/// Record `r` holds entries `recordStart[r] ..< recordStart[r + 1]` of `ids` and `counts`, its
/// terms in order of first appearance in its text (unigrams, then bigrams). Ids are any labels
/// below `idCount`, distinct within a record and the same term's in every record.
package struct TermCounts: Sendable, Equatable {
    /// The tokeniser's version: a cache of term counts made by another version is not read.
    /// Bump it with any change to the terms a text gives (`Tokenizer`, the hash, the bigrams).
    package static let featuriserVersion: Int64 = 1

    package private(set) var recordStart = [0]
    package private(set) var ids: [Int32] = []
    package private(set) var counts: [Int32] = []
    /// One more than the largest id.
    package private(set) var idCount = 0

    package init() {}

    /// Tokenises `texts`, one per record, in order; ids in order of first appearance.
    package init(texts: [String], settings: TextFeatureSettings = TextFeatureSettings()) {
        var counter = TermCounter(expected: texts.count * 64)
        recordStart.reserveCapacity(texts.count + 1)
        for text in texts { counter.count(text, bigrams: settings.bigrams, into: &self) }
    }

    package var count: Int { recordStart.count - 1 }

    package mutating func reserve(records: Int, entries: Int) {
        recordStart.reserveCapacity(recordStart.count + records)
        ids.reserveCapacity(ids.count + entries)
        counts.reserveCapacity(counts.count + entries)
    }

    /// Adds one record's term: call for each of its terms, then `endRecord()`.
    @inline(__always)
    package mutating func append(id: Int32, count: Int32) {
        ids.append(id)
        counts.append(count)
        if Int(id) >= idCount { idCount = Int(id) + 1 }
    }

    /// Closes the record whose terms were appended since the last call.
    @inline(__always)
    package mutating func endRecord() {
        recordStart.append(ids.count)
    }

    /// Appends record `record` of `other`.
    package mutating func append(record: Int, of other: TermCounts) {
        for entry in other.recordStart[record]..<other.recordStart[record + 1] {
            append(id: other.ids[entry], count: other.counts[entry])
        }
        endRecord()
    }

    /// Drops the terms appended since the last `endRecord()`.
    package mutating func discardOpenRecord() {
        let start = recordStart[recordStart.count - 1]
        ids.removeSubrange(start...)
        counts.removeSubrange(start...)
    }

    /// Increments the count of entry `entry` of the open record.
    @inline(__always)
    fileprivate mutating func incrementCount(at entry: Int) {
        counts[entry] += 1
    }
}

/// Tokenises texts into `TermCounts`, numbering term hashes in order of first appearance,
/// continuing a vocabulary it was given (so a registry can add records to the ones it cached).
package struct TermCounter {
    private var table: TermTable
    /// Each id's term hash.
    package private(set) var hashes: [UInt64] = []
    /// The last record each id was seen in (a running number), and where its count is in it.
    private var lastSeen: [Int32] = []
    private var slot: [Int32] = []
    private var record: Int32 = 0
    private var terms: [UInt64] = []

    /// A counter for about `expected` distinct terms, continuing `hashes` (ids `0 ..< hashes.count`).
    package init(expected: Int = 1 << 12, hashes: [UInt64] = []) {
        table = TermTable(expected: max(expected, hashes.count))
        for (id, hash) in hashes.enumerated() { _ = table.id(of: hash, next: Int32(id)) }
        self.hashes = hashes
        lastSeen = Array(repeating: -1, count: hashes.count)
        slot = Array(repeating: 0, count: hashes.count)
    }

    /// Appends `text`'s distinct terms and their counts as one record of `lists`.
    package mutating func count(_ text: String, bigrams: Bool, into lists: inout TermCounts) {
        terms.removeAll(keepingCapacity: true)
        Tokenizer.appendTerms(of: text, bigrams: bigrams, to: &terms)
        let start = lists.ids.count
        for term in terms {
            let id = Int(table.id(of: term, next: Int32(hashes.count)))
            if id == hashes.count {
                hashes.append(term)
                lastSeen.append(-1)
                slot.append(0)
            }
            if lastSeen[id] == record {
                lists.incrementCount(at: start + Int(slot[id]))
            } else {
                lastSeen[id] = record
                slot[id] = Int32(lists.ids.count - start)
                lists.append(id: Int32(id), count: 1)
            }
        }
        lists.endRecord()
        record += 1
    }
}
