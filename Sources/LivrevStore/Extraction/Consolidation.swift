/// Where one extracted value row stands.
package enum ExtractionStatus: String, Sendable {
    /// It counts: two extractors entered identical values, an arbiter resolved it, or it was recorded directly.
    case consolidated
    /// At least two parties have entered it and they differ (one may have no such row at all).
    case conflict
    /// Only one extractor has entered it so far.
    case enteredOnce = "entered-once"
}

/// A field of an extracted value, as compared and printed.
package enum FieldValue: Equatable, Sendable {
    case integer(Int)
    case number(Double)
    case text(String)
}

/// A value two extractors must agree on: its fields in a fixed order.
package protocol ExtractedValue: Equatable, Sendable {
    var fields: [(name: String, value: FieldValue)] { get }
}

/// The rule that decides, from the facts about one key, whether it is consolidated.
///
/// The facts are each extractor's current say on the key (a value, or none: the extractor
/// entered other rows of the same group but not this one, or withdrew it) and the *base*: the
/// latest value recorded directly or by an arbiter, with its revision. The rule, in order:
///
/// 1. A base stands while every extractor value entered after it equals it (an extractor who
///    corrects a consolidated value reopens it, unless the correction agrees).
/// 2. Otherwise two or more extractors who all entered the same value consolidate it.
/// 3. Otherwise the key is in conflict when two parties (extractors, and the base) have a say,
///    and entered once when only one has.
///
/// Only values entered after the base can reopen it; a row an extractor did not enter
/// (missed or withdrawn) never overturns a recorded or resolved one.
enum Consolidation {
    /// One extractor's current say on a key.
    struct Say<Value: ExtractedValue> {
        let extractor: Int64
        let value: Value?
        let revision: Int64
    }

    /// The latest directly recorded or resolved value; `values` empty says the row does not exist.
    struct Base<Value: ExtractedValue> {
        let values: [Value]
        let revision: Int64
    }

    enum Verdict<Value: ExtractedValue> {
        case base
        case agreement(Value)
        case conflict
        case enteredOnce
        /// Nobody has a value for the key (every say is "no such row" and there is no base).
        case absent
    }

    static func judge<Value: ExtractedValue>(base: Base<Value>?, says: [Say<Value>]) -> Verdict<Value> {
        if let base {
            let newer = says.filter { $0.revision > base.revision }.compactMap(\.value)
            if newer.allSatisfy({ base.values == [$0] }) { return .base }
        }
        let values = says.map(\.value)
        if says.count >= 2, let first = values.first ?? nil, values.allSatisfy({ $0 == first }) {
            return .agreement(first)
        }
        if base == nil, !values.contains(where: { $0 != nil }) { return .absent }
        return says.count + (base == nil ? 0 : 1) >= 2 ? .conflict : .enteredOnce
    }

    /// The names of the fields on which `values` differ; `row` when some party has no such row.
    static func differingFields<Value: ExtractedValue>(_ values: [Value?]) -> [String] {
        let present = values.compactMap { $0 }
        if present.count < values.count { return ["row"] }
        var names: [String] = []
        var seen = Set<String>()
        for value in present {
            for (name, _) in value.fields where seen.insert(name).inserted { names.append(name) }
        }
        return names.filter { name in
            let cells = present.map { value in value.fields.first { $0.name == name }?.value }
            return cells.contains { $0 != cells[0] }
        }
    }
}
