import CSQLite
import LivrevRanking

/// The term cache (`Schema/011_term_cache.sql`): each record's tokenised text, so that a ranking
/// in a new process reads term ids and counts instead of tokenising every title and abstract.
///
/// It is derived data outside the seals, as the record-state cache is: no revision column, written
/// outside revisions, checked by `verify` against the texts (`termCacheDisagreement()`). Records
/// are facts, never edited, so an entry once written never goes stale; only a tokeniser of another
/// version (`TermCounts.featuriserVersion`) ignores it.
///
/// It is filled lazily, by the first ranking that finds records without an entry, and not at
/// import: tokenising costs about as much per record as the whole import does (issue 11's
/// 50,000 records/s would halve), and a registry whose records are never ranked pays nothing.
extension Registry {
    /// Each of `ids`' term counts (ascending record ids), in that order: from the cache where it
    /// holds them, else tokenised from the records' texts and, when the write lock is free at once,
    /// added to the cache (a reader never waits for that).
    ///
    /// - Throws: `SQLiteError` from reading the registry.
    func termCounts(of ids: [Int64]) throws -> TermCounts {
        guard try hasTermCache() else { return TermCounts(texts: try screeningTexts(of: ids)) }
        let version = TermCounts.featuriserVersion
        let vocabularySize = try termVocabularySize()
        var cached = TermCounts()
        cached.reserve(records: ids.count, entries: ids.count * 128)
        var missing: [Int] = []  // positions in `ids`
        var position = 0
        try connection.prepare("SELECT record_id, terms FROM record_terms WHERE featuriser = ? ORDER BY record_id")
            .forEachRow([version]) { row in
                let id = try row.int64("record_id")
                while position < ids.count, ids[position] < id {
                    missing.append(position)
                    cached.endRecord()
                    position += 1
                }
                guard position < ids.count, ids[position] == id else { return }
                let decoded = try row.withRawColumn("terms") { type, bytes in
                    type == SQLITE_BLOB && TermCacheCoding.decode(bytes, below: vocabularySize, into: &cached)
                }
                if !decoded {
                    cached.discardOpenRecord()
                    missing.append(position)
                }
                cached.endRecord()
                position += 1
            }
        while position < ids.count {
            missing.append(position)
            cached.endRecord()
            position += 1
        }
        guard !missing.isEmpty else { return cached }
        let filled = try fillTermCache(missing.map { ids[$0] })
        var lists = TermCounts()
        lists.reserve(records: ids.count, entries: cached.ids.count + filled.ids.count)
        var next = 0
        for record in 0..<ids.count {
            if next < missing.count, missing[next] == record {
                lists.append(record: next, of: filled)
                next += 1
            } else {
                lists.append(record: record, of: cached)
            }
        }
        return lists
    }

    /// Whether the file has the term cache (one opened read-only before migration 011 has not).
    private func hasTermCache() throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'record_terms'") == 1
    }

    /// The number of term ids the current tokeniser's vocabulary holds.
    private func termVocabularySize() throws -> Int {
        Int(
            try connection.scalarInt(
                "SELECT coalesce(max(first_id + term_count), 0) FROM term_vocabulary WHERE featuriser = ?",
                TermCounts.featuriserVersion) ?? 0)
    }

    /// The current tokeniser's vocabulary: each term id's hash.
    private func termVocabulary() throws -> [UInt64] {
        var hashes: [UInt64] = []
        try connection.prepare(
            "SELECT first_id, hashes FROM term_vocabulary WHERE featuriser = ? ORDER BY first_id"
        ).forEachRow([TermCounts.featuriserVersion]) { row in
            // A chunk out of place (a hand edit) is skipped; `verify` names it.
            guard try row.int64("first_id") == Int64(hashes.count) else { return }
            try row.withRawColumn("hashes") { _, bytes in
                for offset in stride(from: 0, to: bytes.count - 7, by: 8) {
                    hashes.append(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                }
            }
        }
        return hashes
    }

    /// Tokenises the records `ids` (ascending), continuing the cached vocabulary, and caches them
    /// when the write lock is free at once and no other process has added terms meanwhile.
    private func fillTermCache(_ ids: [Int64]) throws -> TermCounts {
        let version = TermCounts.featuriserVersion
        let vocabulary = try termVocabulary()
        var counter = TermCounter(expected: vocabulary.count + ids.count * 64, hashes: vocabulary)
        var lists = TermCounts()
        lists.reserve(records: ids.count, entries: ids.count * 128)
        for text in try screeningTexts(of: ids) { counter.count(text, bigrams: true, into: &lists) }
        _ = try connection.inTransactionIfFree {
            // Another process's fill may have numbered new terms since the vocabulary was read.
            guard try termVocabularySize() == vocabulary.count else { return .rollback }
            if try connection.scalarInt("SELECT count(*) FROM term_vocabulary WHERE featuriser <> ?", version) != 0 {
                try connection.execute("DELETE FROM term_vocabulary WHERE featuriser <> ?", version)
                try connection.execute("DELETE FROM record_terms WHERE featuriser <> ?", version)
            }
            let added = counter.hashes[vocabulary.count...]
            if !added.isEmpty {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(added.count * 8)
                for hash in added { withUnsafeBytes(of: hash.littleEndian) { bytes.append(contentsOf: $0) } }
                try connection.execute(
                    "INSERT INTO term_vocabulary (featuriser, first_id, term_count, hashes) VALUES (?, ?, ?, ?)",
                    version, Int64(vocabulary.count), Int64(added.count), SQLValue.blob(bytes))
            }
            let insert = try connection.prepare(
                "INSERT OR REPLACE INTO record_terms (record_id, featuriser, terms) VALUES (?, ?, ?)")
            var bytes: [UInt8] = []
            for (record, id) in ids.enumerated() {
                bytes.removeAll(keepingCapacity: true)
                TermCacheCoding.encode(record: record, of: lists, into: &bytes)
                try insert.run([id, version, SQLValue.blob(bytes)])
            }
            return .commit
        }
        return lists
    }

    /// Compares the term cache with the records' texts tokenised afresh: the first entry that
    /// disagrees, or nil.
    func termCacheDisagreement() throws -> String? {
        guard try hasTermCache() else { return nil }
        let version = TermCounts.featuriserVersion
        var expectedFirst: Int64 = 0
        var problem: String?
        try connection.prepare(
            "SELECT first_id, term_count, length(hashes) AS bytes FROM term_vocabulary WHERE featuriser = ? ORDER BY first_id"
        ).forEachRow([version]) { row in
            guard problem == nil else { return }
            let first = try row.int64("first_id"), count = try row.int64("term_count"), bytes = try row.int64("bytes")
            if first != expectedFirst || bytes != count * 8 {
                problem = "its vocabulary's terms from id \(first) are not where the others end (\(expectedFirst))"
            }
            expectedFirst = first + count
        }
        if let problem { return problem }
        let vocabulary = try termVocabulary()
        var ids: [Int64] = []
        var cached = TermCounts()
        var malformed: Int64?
        try connection.prepare("SELECT record_id, terms FROM record_terms WHERE featuriser = ? ORDER BY record_id")
            .forEachRow([version]) { row in
                ids.append(try row.int64("record_id"))
                let decoded = try row.withRawColumn("terms") { type, bytes in
                    type == SQLITE_BLOB && TermCacheCoding.decode(bytes, below: vocabulary.count, into: &cached)
                }
                if !decoded, malformed == nil { malformed = try row.int64("record_id") }
                cached.endRecord()
            }
        if let malformed { return "record \(malformed)'s entry is not a list of known terms" }
        let known = try connection.scalarInt(
            "SELECT count(*) FROM record_terms t JOIN record r ON r.id = t.record_id WHERE t.featuriser = ?", version)
        if known != Int64(ids.count) { return "it holds entries for records that do not exist" }
        var counter = TermCounter(expected: vocabulary.count, hashes: vocabulary)
        var fresh = TermCounts()
        for text in try screeningTexts(of: ids) { counter.count(text, bigrams: true, into: &fresh) }
        for (record, id) in ids.enumerated() {
            let cachedTerms = (cached.recordStart[record]..<cached.recordStart[record + 1]).map {
                (vocabulary[Int(cached.ids[$0])], cached.counts[$0])
            }
            let freshTerms = (fresh.recordStart[record]..<fresh.recordStart[record + 1]).map {
                (counter.hashes[Int(fresh.ids[$0])], fresh.counts[$0])
            }
            if !cachedTerms.elementsEqual(freshTerms, by: ==) {
                return "record \(id)'s terms differ from its text's"
            }
        }
        return nil
    }
}

/// The term cache's blob: per term, in order, the varint `id · 2 + (count > 1)`, then the varint
/// `count` when that bit is set (most terms occur once in a record, and take one varint).
enum TermCacheCoding {
    /// Appends record `record` of `lists` to `bytes`.
    static func encode(record: Int, of lists: TermCounts, into bytes: inout [UInt8]) {
        for entry in lists.recordStart[record]..<lists.recordStart[record + 1] {
            let count = lists.counts[entry]
            appendVarint(UInt64(lists.ids[entry]) << 1 | (count > 1 ? 1 : 0), to: &bytes)
            if count > 1 { appendVarint(UInt64(count), to: &bytes) }
        }
    }

    /// Appends the terms in `bytes` to the open record of `lists`; false when `bytes` is not a
    /// well-formed entry with ids below `idLimit` (some terms may have been appended then).
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, below idLimit: Int, into lists: inout TermCounts) -> Bool {
        var position = 0
        let end = bytes.count
        while position < end {
            guard let head = readVarint(bytes, &position), head >> 1 < UInt64(idLimit) else { return false }
            var count: UInt64 = 1
            if head & 1 == 1 {
                guard let value = readVarint(bytes, &position), value > 1, value <= UInt64(Int32.max) else { return false }
                count = value
            }
            lists.append(id: Int32(head >> 1), count: Int32(count))
        }
        return true
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
