import CSQLite

private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A compiled SQL statement: bind, step, read columns, reset.
///
/// Columns are read by index from the current row right after `step()` returned true.
///
/// Source: https://www.sqlite.org/c3ref/stmt.html
package final class Statement {
    private let handle: OpaquePointer
    private unowned let connection: Connection
    package let sql: String

    init(connection: Connection, sql: String) throws {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &pointer, nil)
        guard code == SQLITE_OK, let pointer else {
            throw connection.error(code: code, sql: sql)
        }
        self.handle = pointer
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement to run again (bindings stay until rebound).
    package func reset() {
        sqlite3_reset(handle)
    }

    /// Resets the statement and binds `arguments` to its parameters 1…n.
    package func bind(_ arguments: [SQLBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.sqlValue, at: Int32(offset + 1))
        }
    }

    /// Binds one argument.
    package func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let integer): code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real): code = sqlite3_bind_double(handle, index, real)
        case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, SQLITE_TRANSIENT)
        case .blob(let bytes) where bytes.isEmpty:
            code = sqlite3_bind_zeroblob(handle, index, 0)  // an empty blob, not NULL
        case .blob(let bytes):
            code = bytes.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
    }

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    package func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds `arguments` and steps to completion.
    package func run(_ arguments: [SQLBindable]) throws {
        try bind(arguments)
        try run()
    }

    /// Steps to completion, ignoring rows.
    package func run() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds `arguments` and calls `body` for every row.
    package func forEachRow(_ arguments: [SQLBindable] = [], _ body: (Statement) throws -> Void) throws {
        try bind(arguments)
        while try step() {
            try body(self)
        }
        sqlite3_reset(handle)
    }

    /// Binds `arguments` and maps every row.
    package func map<T>(_ arguments: [SQLBindable] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(arguments) { result.append(try transform($0)) }
        return result
    }

    // MARK: - Columns of the current row

    package var columnCount: Int32 { sqlite3_column_count(handle) }

    package func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    package func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    package func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    package func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    package func optionalInt(_ index: Int32) -> Int? {
        isNull(index) ? nil : int(index)
    }

    package func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    package func optionalDouble(_ index: Int32) -> Double? {
        isNull(index) ? nil : double(index)
    }

    /// The column as text, or nil when NULL.
    package func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's storage class and, for text and blobs, its bytes (valid only inside `body`):
    /// the canonical form the revision seals hash, without building Swift strings.
    package func withRawColumn<T>(_ index: Int32, _ body: (Int32, UnsafeRawBufferPointer) -> T) -> T {
        let type = sqlite3_column_type(handle, index)
        switch type {
        case SQLITE_TEXT:
            let pointer = sqlite3_column_text(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            return body(type, UnsafeRawBufferPointer(start: pointer, count: count))
        case SQLITE_BLOB:
            let pointer = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            return body(type, UnsafeRawBufferPointer(start: pointer, count: count))
        default:
            return body(type, UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    /// The column as the storage class SQLite holds it in.
    package func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(text(index) ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let pointer = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
