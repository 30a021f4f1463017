import Foundation

/// A characteristic's value: the text as typed, and the number when the text is one.
package struct CharacteristicValue: Equatable, Sendable {
    package let text: String
    package let number: Double?

    /// Keeps `text` verbatim and reads it as a number only when all of it is one ("60", "6.5", "-2").
    package init(_ text: String) {
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.number = trimmed.isEmpty ? nil : Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    }
}

/// The characteristics of every study, as a table.
package struct CharacteristicsTable: Sendable {
    /// Characteristic names in the order they were first recorded.
    package let names: [String]
    /// Per study (in study order): its key and its values by name.
    package let studies: [(study: String, values: [String: CharacteristicValue])]
}

extension Registry {
    /// Records characteristics of a study; a later value for the same name supersedes the earlier one.
    ///
    /// - Throws: `StoreError.noSuchStudy`.
    package func setCharacteristics(study key: String, values: [(name: String, value: String)], revision: Int64) throws {
        guard let study = try studyID(key) else { throw StoreError.noSuchStudy(key) }
        let insert = try connection.prepare(
            "INSERT INTO characteristic (revision, study_id, name, value_text, value_number) VALUES (?, ?, ?, ?, ?)")
        for (name, text) in values {
            let value = CharacteristicValue(text)
            try insert.run([revision, study, name, value.text, value.number])
        }
    }

    /// Every study's characteristics as of `revision`.
    package func characteristics(at revision: Int64 = .max) throws -> CharacteristicsTable {
        var names: [String] = []
        var seen = Set<String>()
        var values: [Int64: [String: CharacteristicValue]] = [:]
        try connection.prepare(
            "SELECT study_id, name, value_text FROM characteristic WHERE revision <= ? ORDER BY id"
        ).forEachRow([revision]) { row in
            let name = row.text(1) ?? ""
            if seen.insert(name).inserted { names.append(name) }
            values[row.int64(0), default: [:]][name] = CharacteristicValue(row.text(2) ?? "")
        }
        let studies = try studies(at: revision).map { ($0.key, values[$0.id] ?? [:]) }
        return CharacteristicsTable(names: names, studies: studies)
    }
}
