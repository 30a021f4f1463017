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

extension CharacteristicValue: ExtractedValue {
    /// Two extractors agree on a value when both are the same number ("60" and "60.0"), or the same
    /// text once surrounding spaces are set aside.
    package static func == (lhs: CharacteristicValue, rhs: CharacteristicValue) -> Bool {
        if let left = lhs.number, let right = rhs.number { return left == right }
        return lhs.text.trimmingCharacters(in: .whitespaces) == rhs.text.trimmingCharacters(in: .whitespaces)
    }

    package var fields: [(name: String, value: FieldValue)] {
        [("value", number.map(FieldValue.number) ?? .text(text.trimmingCharacters(in: .whitespaces)))]
    }
}

extension Registry {
    /// Records characteristics of a study as consolidated values (single-mode extraction, or
    /// `--final`); a later value for the same name supersedes the earlier one.
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

    /// Every study's consolidated characteristics as of `revision` (see `characteristicExtraction`).
    package func characteristics(at revision: Int64 = .max) throws -> CharacteristicsTable {
        try characteristicExtraction(at: revision).table
    }

    /// The characteristics recorded directly (single mode, `--final`) as of `revision`: the latest
    /// value per (study, name) with its row id and revision, in id order of their first row.
    func recordedCharacteristics(at revision: Int64) throws -> [(
        study: String, name: String, value: CharacteristicValue, revision: Int64, position: FactPosition
    )] {
        var latest: [ExtractionKey: (CharacteristicValue, Int64)] = [:]
        var first: [(ExtractionKey, FactPosition)] = []
        try connection.prepare(
            """
            SELECT c.id, c.revision, s.key, c.name, c.value_text FROM characteristic c JOIN study s ON s.id = c.study_id
            WHERE c.revision <= ? ORDER BY c.id
            """
        ).forEachRow([revision]) { row in
            let name = try row.text("name") ?? ""
            let key = ExtractionKey(group: [try row.text("key") ?? "", name], item: name)
            let position = try FactPosition(revision: row.int64("revision"), table: 0, id: row.int64("id"))
            if latest[key] == nil { first.append((key, position)) }
            latest[key] = (CharacteristicValue(try row.text("value_text") ?? ""), position.revision)

        }
        return first.compactMap { key, position in
            latest[key].map { (key.group[0], key.item ?? "", $0.0, $0.1, position) }
        }
    }
}
