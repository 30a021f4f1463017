import CSQLite

private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A compiled SQL statement: bind, step, read columns, reset.
///
/// Rows are read by column name (``Row``) in `forEachRow` and `map`; long inserts bind their
/// parameters by name (`:title`, ``bind(named:)``), so that a column added cannot shift the others.
///
/// Source: https://www.sqlite.org/c3ref/stmt.html
package final class Statement {
    fileprivate let handle: OpaquePointer
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
    package func forEachRow(_ arguments: [SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        let row = Row(statement: self)
        while try step() {
            try body(row)
        }
        sqlite3_reset(handle)
    }

    /// Binds `arguments` and maps every row.
    package func map<T>(_ arguments: [SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(arguments) { result.append(try transform($0)) }
        return result
    }

    /// Binds `arguments` and maps the first row, or returns nil when there is none.
    package func first<T>(_ arguments: [SQLBindable] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try transform(Row(statement: self))
    }

    // MARK: - Named parameters

    /// The index of the parameter `:name` (`name` without its colon), to bind at.
    ///
    /// - Throws: `SQLiteError` naming the parameter and the SQL when the statement has no such parameter.
    ///
    /// Source: https://www.sqlite.org/c3ref/bind_parameter_index.html
    package func parameterIndex(_ name: String) throws -> Int32 {
        let index = sqlite3_bind_parameter_index(handle, ":" + name)
        guard index > 0 else {
            throw SQLiteError(resultCode: SQLITE_RANGE, message: "no parameter :\(name) in the statement", sql: sql)
        }
        return index
    }

    /// Resets the statement and binds each value to the parameter `:name` of its key, so that the
    /// order of the statement's parameters does not matter and a column added shifts no other.
    ///
    /// - Throws: `SQLiteError` when a key names no parameter, or a parameter is left without a value.
    package func bind(named arguments: [String: SQLBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (name, argument) in arguments {
            try bind(argument.sqlValue, at: parameterIndex(name))
        }
        let count = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == count else {
            let unbound = (1...count).compactMap { sqlite3_bind_parameter_name(handle, Int32($0)).map(String.init(cString:)) }
                .filter { arguments[String($0.dropFirst())] == nil }
            throw SQLiteError(
                resultCode: SQLITE_RANGE, message: "no value for \(unbound.joined(separator: ", "))", sql: sql)
        }
    }

    /// Binds `arguments` by name (``bind(named:)``) and steps to completion.
    package func run(named arguments: [String: SQLBindable]) throws {
        try bind(named: arguments)
        try run()
    }

    // MARK: - Columns of the result

    package var columnCount: Int32 { sqlite3_column_count(handle) }

    package func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    /// Column name → index in the result, built once per prepared statement (at its first read by
    /// name); -1 for a name two columns share.
    private lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for index in 0..<columnCount {
            let name = columnName(index)
            indexes[name] = indexes[name] == nil ? index : -1
        }
        return indexes
    }()

    /// The index of the result column `name`.
    ///
    /// - Throws: `SQLiteError` naming the column, the result's columns and the SQL when the result has
    ///   no such column or two of that name: a misspelt name fails loudly at its first read.
    fileprivate func columnIndex(_ name: String) throws -> Int32 {
        guard let index = columnIndexes[name], index >= 0 else {
            let problem = columnIndexes[name] == nil ? "no column" : "two columns"
            let names = (0..<columnCount).map(columnName).joined(separator: ", ")
            throw SQLiteError(
                resultCode: SQLITE_ERROR, message: "\(problem) named \(name) in the result (\(names))", sql: sql)
        }
        return index
    }

    fileprivate func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    fileprivate func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    fileprivate func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    fileprivate func text(at index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's storage class and, for text and blobs, its bytes (valid only inside `body`).
    fileprivate func withRawColumn<T>(at index: Int32, _ body: (Int32, UnsafeRawBufferPointer) -> T) -> T {
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
}

@available(*, unavailable)
extension Statement: Sendable {}

/// The current row of a statement's result, read by column name, as GRDB's `Row`:
///
///     try statement.map([revision]) { row in
///         try RecordListing(id: row.int64("id"), title: row.text("title") ?? "", year: row.optionalInt("year"), …)
///     }
///
/// The names are the result's column names (`SELECT count(*) AS n` names an expression). A name the
/// result lacks throws `SQLiteError` naming it and the SQL. A row is valid only inside the closure it
/// is passed to; it reads whatever row the statement is on.
package struct Row {
    fileprivate let statement: Statement

    package func isNull(_ name: String) throws -> Bool {
        statement.isNull(at: try statement.columnIndex(name))
    }

    package func int64(_ name: String) throws -> Int64 {
        statement.int64(at: try statement.columnIndex(name))
    }

    package func optionalInt64(_ name: String) throws -> Int64? {
        let index = try statement.columnIndex(name)
        return statement.isNull(at: index) ? nil : statement.int64(at: index)
    }

    package func int(_ name: String) throws -> Int {
        Int(try int64(name))
    }

    package func optionalInt(_ name: String) throws -> Int? {
        try optionalInt64(name).map { Int($0) }
    }

    /// An integer column holding 0 or 1.
    package func bool(_ name: String) throws -> Bool {
        try int64(name) != 0
    }

    package func double(_ name: String) throws -> Double {
        statement.double(at: try statement.columnIndex(name))
    }

    package func optionalDouble(_ name: String) throws -> Double? {
        let index = try statement.columnIndex(name)
        return statement.isNull(at: index) ? nil : statement.double(at: index)
    }

    /// The column as text, or nil when NULL.
    package func text(_ name: String) throws -> String? {
        statement.text(at: try statement.columnIndex(name))
    }

    /// Calls `body` with the column's storage class and, for text and blobs, its bytes, without
    /// copying them (valid only inside `body`).
    package func withRawColumn<T>(_ name: String, _ body: (Int32, UnsafeRawBufferPointer) -> T) throws -> T {
        statement.withRawColumn(at: try statement.columnIndex(name), body)
    }

    /// The column's text as the case of `T` whose raw value it is: the one mapping from a stored word
    /// (`'include'`, `'full-text'`, `'arbiter'`) to its Swift enum.
    ///
    /// - Throws: `SQLiteError` naming the column, the value and the SQL when the text is no case of `T`
    ///   (or NULL).
    package func value<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        guard let value = try optionalValue(name, as: T.self) else { throw mismatch(name, nil, T.self) }
        return value
    }

    /// ``value(_:as:)``, or nil when the column is NULL.
    package func optionalValue<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let text = try text(name) else { return nil }
        guard let value = T(rawValue: text) else { throw mismatch(name, text, T.self) }
        return value
    }

    private func mismatch(_ name: String, _ text: String?, _ type: Any.Type) -> SQLiteError {
        SQLiteError(
            resultCode: SQLITE_MISMATCH,
            message: text.map { "column \(name) holds '\($0)', not a \(type)" } ?? "column \(name) is NULL, not a \(type)",
            sql: statement.sql)
    }

    // MARK: - Every column, by position

    // For code that walks all the columns of a result without knowing them (the revision seals hash
    // every column of a table; a scalar query reads its one column). A known column is read by name.

    package var columnCount: Int32 { statement.columnCount }

    package func columnName(at index: Int32) -> String { statement.columnName(index) }

    package func isNull(at index: Int32) -> Bool { statement.isNull(at: index) }

    package func int64(at index: Int32) -> Int64 { statement.int64(at: index) }

    package func double(at index: Int32) -> Double { statement.double(at: index) }

    package func text(at index: Int32) -> String? { statement.text(at: index) }

    /// The column as the storage class SQLite holds it in.
    package func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement.handle, index) {
        case SQLITE_INTEGER: return .integer(int64(at: index))
        case SQLITE_FLOAT: return .real(double(at: index))
        case SQLITE_TEXT: return .text(text(at: index) ?? "")
        case SQLITE_BLOB: return withRawColumn(at: index) { _, bytes in .blob(Array(bytes)) }
        default: return .null
        }
    }

    /// Calls `body` with the column's storage class and, for text and blobs, its bytes (valid only inside `body`):
    /// the canonical form the revision seals hash, without building Swift strings.
    package func withRawColumn<T>(at index: Int32, _ body: (Int32, UnsafeRawBufferPointer) -> T) -> T {
        statement.withRawColumn(at: index, body)
    }
}
