/// One value row: its group (study and outcome; or study) and its item in the group (label; or
/// characteristic name). An extractor who entered any row of a group has extracted the group, so
/// a row of it they did not enter is a row they missed.
struct ExtractionKey: Hashable {
    let group: [String]
    let item: String?
}

/// Where a fact sits in history, for "the order the data were imported": revision, then table, then id.
struct FactPosition: Comparable {
    let revision: Int64
    let table: Int
    let id: Int64

    static func < (lhs: FactPosition, rhs: FactPosition) -> Bool {
        (lhs.revision, lhs.table, lhs.id) < (rhs.revision, rhs.table, rhs.id)
    }
}

/// Every extraction fact of one kind (outcome rows or characteristics) as of one revision, and what
/// `Consolidation` makes of each key.
struct ExtractionLedger<Value: ExtractedValue> {
    struct Entry {
        let id: Int64
        let revision: Int64
        let extractor: Int64
        let key: ExtractionKey
        /// nil: the extractor withdrew the row.
        let value: Value?
    }

    struct Resolution {
        let id: Int64
        let revision: Int64
        let key: ExtractionKey
        /// nil: the arbiter ruled that the row does not exist.
        let value: Value?
    }

    /// What was recorded directly (single mode, `--final`) for a key: its values and latest revision.
    struct Recorded {
        var values: [Value]
        var revision: Int64
        var position: FactPosition
    }

    /// One key's facts and verdict.
    struct KeyState {
        let key: ExtractionKey
        let verdict: Consolidation.Verdict<Value>
        /// Each party's current say, in extractor id order.
        let says: [Consolidation.Say<Value>]
        let base: Consolidation.Base<Value>?
        /// The resolution that is the base, when the base is a resolution rather than a recorded value.
        let resolution: Resolution?
        /// The earliest current entry holding the agreed value, for `.agreement`.
        let agreedEntry: Entry?
        /// The key's first fact: where a consolidated row derived from it sorts.
        let position: FactPosition

        /// The fields on which the parties (extractors, and the base when there is one) differ.
        var differingFields: [String] {
            var values = says.map(\.value)
            if let base { values.append(base.values.first) }
            return Consolidation.differingFields(values)
        }
    }

    /// Every key with at least one entry or resolution, in the order of its first fact.
    let states: [KeyState]
    /// Per extractor and key, the first value that extractor entered (for agreement "the first time").
    let firstValues: [Int64: [ExtractionKey: Value]]
    /// Per extractor, the groups they entered any row of.
    let groupsEntered: [Int64: Set<[String]>]

    /// - Parameters: facts in id order (entries and resolutions), and the recorded values per key.
    init(entries: [Entry], resolutions: [Resolution], recorded: [ExtractionKey: Recorded]) {
        var current: [ExtractionKey: [Int64: Entry]] = [:]
        var first: [Int64: [ExtractionKey: Value]] = [:]
        var everEntered: [Int64: Set<[String]>] = [:]
        var position: [ExtractionKey: FactPosition] = [:]
        var order: [ExtractionKey] = []
        func saw(_ key: ExtractionKey, at place: FactPosition) {
            if let known = position[key] {
                if place < known { position[key] = place }
            } else {
                position[key] = place
                order.append(key)
            }
        }
        for entry in entries {
            current[entry.key, default: [:]][entry.extractor] = entry
            if let value = entry.value, first[entry.extractor]?[entry.key] == nil {
                first[entry.extractor, default: [:]][entry.key] = value
                everEntered[entry.extractor, default: []].insert(entry.key.group)
            }
            saw(entry.key, at: FactPosition(revision: entry.revision, table: 1, id: entry.id))
        }
        var latestResolution: [ExtractionKey: Resolution] = [:]
        for resolution in resolutions {
            latestResolution[resolution.key] = resolution
            saw(resolution.key, at: FactPosition(revision: resolution.revision, table: 2, id: resolution.id))
        }
        for (key, record) in recorded where position[key] != nil { saw(key, at: record.position) }
        // Who currently has a row in each group: they are parties to every key of it.
        var groupMembers: [[String]: Set<Int64>] = [:]
        for (key, byExtractor) in current {
            for (extractor, entry) in byExtractor where entry.value != nil {
                groupMembers[key.group, default: []].insert(extractor)
            }
        }
        states = order.sorted { (position[$0] ?? .origin) < (position[$1] ?? .origin) }.map { key in
            let entries = current[key] ?? [:]
            let says = (groupMembers[key.group] ?? []).sorted().map { extractor in
                let entry = entries[extractor]
                return Consolidation.Say(extractor: extractor, value: entry?.value, revision: entry?.revision ?? 0)
            }
            var base: Consolidation.Base<Value>?
            var baseResolution: Resolution?
            let resolution = latestResolution[key]
            let record = recorded[key]
            if let resolution, resolution.revision >= (record?.revision ?? 0) {
                base = Consolidation.Base(values: resolution.value.map { [$0] } ?? [], revision: resolution.revision)
                baseResolution = resolution
            } else if let record {
                base = Consolidation.Base(values: record.values, revision: record.revision)
            }
            let verdict = Consolidation.judge(base: base, says: says)
            var agreed: Entry?
            if case .agreement = verdict {
                agreed = entries.values.filter { $0.value != nil }.min { $0.id < $1.id }
            }
            return KeyState(
                key: key, verdict: verdict, says: says, base: base, resolution: baseResolution, agreedEntry: agreed,
                position: position[key] ?? .origin)
        }
        firstValues = first
        groupsEntered = everEntered
    }
}

extension FactPosition {
    fileprivate static let origin = FactPosition(revision: 0, table: 0, id: 0)
}
