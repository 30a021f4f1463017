import CSQLite
import Dispatch
import Synchronization

/// What `verify` found.
package enum SealCheck: Equatable, Sendable {
    /// Every revision's seal matches its rows and the chain is whole.
    case intact(revisions: Int)
    /// The first revision whose rows (or seal) no longer match.
    case broken(revision: Int64, reason: String)
}

/// The digest of rows a write inserts with ids `mark + 1 …`, computed on a second thread from the
/// values it binds while it inserts them, so that sealing a big import need not read it back
/// (`seal` uses it only when the table's new rows are exactly these).
final class RowsDigest: Sendable {
    let mark: Int64
    let count: Int
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<String>("")

    init(after mark: Int64, revision: Int64, rows: [[SQLValue]], late: [Int32: [UInt8]]) {
        self.mark = mark
        count = rows.count
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var hash = BLAKE2b()
            for (offset, values) in rows.enumerated() {
                Registry.feed(id: mark + 1 + Int64(offset), revision: revision, values: values, late: late, into: &hash)
            }
            let digest = hash.finalize()
            result.withLock { $0 = digest }
            done.signal()
        }
    }

    /// The digest, once the second thread has it.
    var digest: String {
        done.wait()
        done.signal()
        return result.withLock { $0 }
    }
}

extension Registry {
    /// Tables whose rows belong to a revision (every fact table and the revision table's dependants),
    /// sorted by name. The seal table itself is left out.
    func sealedTables() throws -> [String] {
        try connection.prepare(
            """
            SELECT m.name FROM sqlite_master m
            WHERE m.type = 'table' AND m.name NOT IN ('revision', 'revision_seal', 'livrev_migrations')
              AND m.name NOT LIKE 'sqlite_%'
              AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'revision')
            ORDER BY m.name
            """
        ).map { try $0.text("name") ?? "" }
    }

    /// The highest row id of every sealed table, taken before a revision writes.
    func highWaterMarks() throws -> [(table: String, id: Int64)] {
        try sealedTables().map { ($0, try connection.scalarInt("SELECT coalesce(max(id), 0) FROM \"\($0)\"") ?? 0) }
    }

    /// Seals `revision`: BLAKE2b over the previous seal, the revision row, and per table the digest
    /// of the rows added since `marks`.
    func seal(revision: Int64, since marks: [(table: String, id: Int64)]) throws {
        var digests: [(String, String)] = []
        for (table, mark) in marks {
            if let ahead = digestsAhead[table], ahead.mark == mark,
                try connection.scalarInt("SELECT coalesce(max(id), 0) FROM \"\(table)\"") == mark + Int64(ahead.count)
            {
                // Exactly the rows hashed beside their inserts, and no other: no need to read them back.
                if ahead.count > 0 { digests.append((table, ahead.digest)) }
                continue
            }
            var hash = BLAKE2b()
            var rows = 0
            let statement = try connection.prepare("SELECT * FROM \"\(table)\" WHERE id > ? ORDER BY id")
            let late = Registry.lateColumns(table, statement)
            try statement.forEachRow([mark]) { row in
                Registry.feed(row, late: late, into: &hash)
                rows += 1
            }
            if rows > 0 { digests.append((table, hash.finalize())) }
        }
        let previous =
            try connection.scalarText(
                "SELECT hash FROM revision_seal WHERE revision < ? ORDER BY revision DESC LIMIT 1", revision) ?? ""
        let value = try sealValue(revision: revision, previous: previous, digests: digests)
        try connection.execute("INSERT INTO revision_seal (revision, hash) VALUES (?, ?)", revision, value)
    }

    /// Recomputes every seal in order and names the first revision that no longer matches.
    package func verifySeals() throws -> SealCheck {
        var digests: [Int64: [(String, String)]] = [:]
        for table in try sealedTables() {
            var current: Int64?
            var hash = BLAKE2b()
            let statement = try connection.prepare("SELECT * FROM \"\(table)\" ORDER BY id")
            let late = Registry.lateColumns(table, statement)
            try statement.forEachRow { row in
                let revision = try row.int64("revision")
                if revision != current {
                    if let current { digests[current, default: []].append((table, hash.finalize())) }
                    current = revision
                    hash = BLAKE2b()
                }
                Registry.feed(row, late: late, into: &hash)
            }
            if let current { digests[current, default: []].append((table, hash.finalize())) }
        }
        var stored: [Int64: String] = [:]
        try connection.prepare("SELECT revision, hash FROM revision_seal").forEachRow {
            stored[try $0.int64("revision")] = try $0.text("hash")
        }
        let revisions = try connection.prepare("SELECT id FROM revision ORDER BY id").map { try $0.int64("id") }
        let known = Set(revisions)
        if let orphan = digests.keys.filter({ !known.contains($0) }).min() {
            return .broken(revision: orphan, reason: "rows name revision \(orphan), which does not exist")
        }
        var previous = ""
        for revision in revisions {
            guard let seal = stored[revision] else {
                return .broken(revision: revision, reason: "revision \(revision) has no seal")
            }
            let expected = try sealValue(
                revision: revision, previous: previous,
                digests: (digests[revision] ?? []).sorted { $0.0 < $1.0 })
            guard seal == expected else {
                return .broken(revision: revision, reason: "its rows no longer match the seal written with them")
            }
            previous = seal
        }
        return .intact(revisions: revisions.count)
    }

    private func sealValue(revision: Int64, previous: String, digests: [(String, String)]) throws -> String {
        var hash = BLAKE2b()
        hash.update(previous)
        try connection.prepare("SELECT * FROM revision WHERE id = ?").forEachRow([revision]) {
            Registry.feed($0, late: [:], into: &hash)
        }
        for (table, digest) in digests {
            hash.update("\u{1}\(table)\u{2}\(digest)")
        }
        return hash.finalize()
    }

    /// Columns that migrations added to a table after it could hold rows (`ALTER TABLE … ADD COLUMN`).
    /// Old rows read NULL there; feeding that NULL would change the seals they were written with.
    private static let columnsAddedLater: [String: Set<String>] = [
        "record": ["volume", "issue", "pages", "keywords", "source_format"]
    ]

    /// The indices of `table`'s columns that ``columnsAddedLater`` lists, in `statement`'s result.
    static func lateColumns(_ table: String, _ statement: Statement) -> [Int32: [UInt8]] {
        guard let names = columnsAddedLater[table] else { return [:] }
        var late: [Int32: [UInt8]] = [:]
        for column in 0..<statement.columnCount where names.contains(statement.columnName(column)) {
            late[column] = Array((statement.columnName(column) + "=").utf8)
        }
        return late
    }

    /// A row in a canonical byte form: each value tagged with its storage class (N, I, R, T, B), then
    /// its decimal text (integers), bit pattern (reals) or byte length and bytes (text, blobs). A
    /// column added by a later migration is left out while NULL and otherwise preceded by its name.
    ///
    /// This walks every column of `SELECT *` by position, knowing none of them: the canonical form is
    /// the table's column order, so here a row is read by index rather than by name.
    private static func feed(_ row: Row, late: [Int32: [UInt8]], into hash: inout BLAKE2b) {
        feed(columns: row.columnCount, late: late, into: &hash, isNull: row.isNull(at:)) { column, hash in
            row.withRawColumn(at: column) { type, value in
                switch type {
                case SQLITE_INTEGER: hash.sealInteger(row.int64(at: column))
                case SQLITE_FLOAT: hash.sealReal(row.double(at: column))

                case SQLITE_TEXT, SQLITE_BLOB:
                    hash.sealBytes(value.assumingMemoryBound(to: UInt8.self), text: type == SQLITE_TEXT)
                default: hash.sealNull()
                }
            }
        }
    }

    /// The same canonical form for a row not yet stored: `id`, `revision`, then `values` as they
    /// will be bound. Text is fed up to its first NUL, as SQLite stores a string bound without a length.
    static func feed(id: Int64, revision: Int64, values: [SQLValue], late: [Int32: [UInt8]], into hash: inout BLAKE2b) {
        func isNull(_ column: Int32) -> Bool {
            column >= 2 && values[Int(column) - 2] == .null
        }
        feed(columns: Int32(values.count + 2), late: late, into: &hash, isNull: isNull) { column, hash in
            guard column >= 2 else { return hash.sealInteger(column == 0 ? id : revision) }
            switch values[Int(column) - 2] {
            case .null: hash.sealNull()
            case .integer(let integer): hash.sealInteger(integer)
            case .real(let real): hash.sealReal(real)
            case .text(var text):
                text.withUTF8 { bytes in
                    let end = bytes.firstIndex(of: 0) ?? bytes.count
                    hash.sealBytes(UnsafeBufferPointer(rebasing: bytes[..<end]), text: true)
                }
            case .blob(let bytes): bytes.withUnsafeBufferPointer { hash.sealBytes($0, text: false) }
            }
        }
    }

    /// The rule both forms share: late columns left out while NULL, each value closed by `;`, each row by a newline.
    private static func feed(
        columns: Int32, late: [Int32: [UInt8]], into hash: inout BLAKE2b, isNull: (Int32) -> Bool,
        value: (Int32, inout BLAKE2b) -> Void
    ) {
        for column in 0..<columns {
            if !late.isEmpty, let name = late[column] {
                if isNull(column) { continue }
                hash.update(name)
            }
            value(column, &hash)
            hash.update(byte: 0x3B)  // ;
        }
        hash.update(byte: 0x0A)
    }
}

extension BLAKE2b {
    fileprivate mutating func sealNull() {
        update(byte: 0x4E)  // N
    }

    fileprivate mutating func sealInteger(_ value: Int64) {
        update(byte: 0x49)  // I
        update(decimal: value)
    }

    fileprivate mutating func sealReal(_ value: Double) {
        update(byte: 0x52)  // R
        update(String(value.bitPattern))
    }

    fileprivate mutating func sealBytes(_ bytes: UnsafeBufferPointer<UInt8>, text: Bool) {
        update(byte: text ? 0x54 : 0x42)  // T, B
        update(decimal: Int64(bytes.count))
        update(byte: 0x3A)  // :
        update(bytes)
    }
}
