import CSQLite
import LivrevRanking

/// The feature cache (`Schema/012_feature_cache.sql`): the TF-IDF rows of the last set of records
/// ranked, as the arrays `TextFeatures` holds, so that a ranking in a new process reads them
/// instead of weighting millions of term entries again.
///
/// Weighting depends on the whole set of records ranked (document frequencies, the columns'
/// numbering), so the cache is for one set: the record ids it was made from are stored with it
/// and compared with the ids asked for. Records are facts, never edited, so the same ids give the
/// same rows; an import or a duplicate mark changes the set, and the next ranking weights the new
/// set (from the term cache) and replaces the cache. Like the term cache it is derived data
/// outside the seals, written when the write lock is free at once, and checked by `verify`
/// (`featureCacheDisagreement()`).
extension Registry {
    /// The part numbers of `feature_rows`, one array each.
    private enum FeaturePart: Int64, CaseIterable {
        case records = 1, rowStart, privateMass, columns, values
    }

    /// Parts larger than this are not cached (SQLite's default limit on a value is 10⁹ bytes): a
    /// corpus of some 300,000 records.
    private static let largestFeaturePart = 1 << 29

    /// The TF-IDF rows of the records `ids` (ascending): from the feature cache when it holds this
    /// very set, else weighted from their term counts (`termCounts(of:)`) and, when the write lock
    /// is free at once, cached for the next ranking.
    ///
    /// - Throws: `SQLiteError` from reading the registry.
    func textFeatures(of ids: [Int64]) throws -> TextFeatures {
        if let cached = try cachedFeatures(of: ids) { return cached }
        let features = TextFeatures(termCounts: try termCounts(of: ids))
        try storeFeatures(features, of: ids)
        return features
    }

    /// Whether the file has the feature cache (one opened read-only before migration 012 has not).
    private func hasFeatureCache() throws -> Bool {
        // The parts are in this machine's byte order, which the format says is little-endian.
        guard 1.littleEndian == 1 else { return false }
        return try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'feature_rows'") == 1
    }

    /// The cached rows when they were made by this version from exactly the records `ids` (or, with
    /// `ids` nil, from whichever records they were made from) and hold together; else nil.
    private func cachedFeatures(of ids: [Int64]?) throws -> (records: [Int64], features: TextFeatures)? {
        guard try hasFeatureCache() else { return nil }
        var result: (records: [Int64], features: TextFeatures)?
        // One read transaction, so that every part comes from the same write.
        try connection.withMemoryMappedReads { result = try readFeatures(of: ids) }
        return result
    }

    private func cachedFeatures(of ids: [Int64]) throws -> TextFeatures? {
        try cachedFeatures(of: Optional(ids))?.features
    }

    private func readFeatures(of ids: [Int64]?) throws -> (records: [Int64], features: TextFeatures)? {
        let head = try connection.prepare(
            "SELECT term_count, shared_term_count FROM feature_rows_head WHERE featuriser = ? AND weighting = ?"
        ).first([TermCounts.featuriserVersion, TextFeatures.weightingVersion]) { row in
            (terms: try row.int("term_count"), shared: try row.int("shared_term_count"))
        }
        let blobs = try connection.scalarInt(
            "SELECT count(*) FROM feature_rows WHERE typeof(bytes) = 'blob' AND part BETWEEN ? AND ?",
            FeaturePart.records.rawValue, FeaturePart.values.rawValue)
        guard let head, blobs == Int64(FeaturePart.allCases.count) else { return nil }
        func part<T: BitwiseCopyable>(_ part: FeaturePart, as type: T.Type) throws -> [T]? {
            try connection.blobArray(of: type, table: "feature_rows", column: "bytes", row: part.rawValue)
        }
        guard let records = try part(.records, as: Int64.self), ids == nil || records == ids,
            let rowStart = try part(.rowStart, as: Int.self),
            let privateMass = try part(.privateMass, as: Double.self), let columns = try part(.columns, as: Int32.self),
            let values = try part(.values, as: Float.self), rowStart.count == records.count + 1,
            let features = TextFeatures(
                rowStart: rowStart, columns: columns, values: values, privateMass: privateMass,
                termCount: head.terms, sharedTermCount: head.shared)
        else { return nil }
        return (records, features)
    }

    /// Replaces the cache with `features`, the rows of the records `ids`, when the write lock is free
    /// at once (a reader never waits for it; a read-only registry skips it).
    private func storeFeatures(_ features: TextFeatures, of ids: [Int64]) throws {
        guard try hasFeatureCache(), features.columns.count * 4 <= Self.largestFeaturePart else { return }
        _ = try connection.inTransactionIfFree {
            try connection.execute("DELETE FROM feature_rows_head")
            try connection.execute("DELETE FROM feature_rows")
            try connection.execute(
                "INSERT INTO feature_rows_head (featuriser, weighting, term_count, shared_term_count) VALUES (?, ?, ?, ?)",
                TermCounts.featuriserVersion, TextFeatures.weightingVersion, features.termCount, features.sharedTermCount)
            let insert = try connection.prepare("INSERT INTO feature_rows (part, bytes) VALUES (?, ?)")
            for part in FeaturePart.allCases {
                let bytes: SQLValue
                switch part {
                case .records: bytes = ids.blobValue
                case .rowStart: bytes = features.rowStart.blobValue
                case .privateMass: bytes = features.privateMass.blobValue
                case .columns: bytes = features.columns.blobValue
                case .values: bytes = features.values.blobValue
                }
                try insert.run([part.rawValue, bytes])
            }
            return .commit
        }
    }

    /// Compares the feature cache with the rows of its records weighted afresh from their texts:
    /// the first disagreement, or nil.
    func featureCacheDisagreement() throws -> String? {
        guard try hasFeatureCache(),
            try connection.scalarInt(
                "SELECT count(*) FROM feature_rows_head WHERE featuriser = ? AND weighting = ?",
                TermCounts.featuriserVersion, TextFeatures.weightingVersion) != 0
        else { return nil }
        guard let (records, cached) = try cachedFeatures(of: nil) else { return "its rows do not hold together" }
        let fresh = TextFeatures(texts: try screeningTexts(of: records))
        return cached == fresh ? nil : "its rows differ from those of its records' texts"
    }
}
