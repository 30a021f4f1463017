/// How often two extractors entered the same values the first time, over the rows of the groups
/// (a study's outcome, or a study's characteristics) that both extracted.
///
/// For example, ana and ben both extracted Hare 2009's fever rows a and b, and ben also row c:
/// three rows, `row` agreed on two of three, and `events_t` compared on a and b.
package struct ExtractionAgreement: Equatable, Sendable {
    /// A field: how many rows compared it, and on how many the two first entries were identical.
    package struct Field: Equatable, Sendable {
        package let name: String
        package let compared: Int
        package let agreed: Int
        package var proportion: Double? { compared == 0 ? nil : Double(agreed) / Double(compared) }
    }

    /// `outcome data` or `characteristics`.
    package let data: String
    package let first: String
    package let second: String
    /// Rows either of them entered, in groups both extracted.
    package let rows: Int
    /// Rows both entered with identical values the first time.
    package let identical: Int
    /// `row` (both entered it), then each value field (outcome data) or each characteristic.
    package let fields: [Field]

    package var proportion: Double? { rows == 0 ? nil : Double(identical) / Double(rows) }
}

/// What agreement needs from a ledger: each extractor's first values and the groups they extracted.
struct AgreementFacts<Value: ExtractedValue>: Sendable {
    let firstValues: [Int64: [ExtractionKey: Value]]
    let groupsEntered: [Int64: Set<[String]>]

    init() {
        firstValues = [:]
        groupsEntered = [:]
    }

    init(_ ledger: ExtractionLedger<Value>) {
        firstValues = ledger.firstValues
        groupsEntered = ledger.groupsEntered
    }

    /// One `ExtractionAgreement` per pair of extractors who both extracted some group, in id order.
    ///
    /// - Parameter fieldsByItem: true for characteristics (each characteristic is a field), false
    ///   for outcome data (each value column is).
    func pairs(data: String, names: [Int64: String], fieldsByItem: Bool) -> [ExtractionAgreement] {
        let extractors = groupsEntered.keys.sorted()
        var results: [ExtractionAgreement] = []
        for (index, a) in extractors.enumerated() {
            for b in extractors[(index + 1)...] {
                let shared = (groupsEntered[a] ?? []).intersection(groupsEntered[b] ?? [])
                guard !shared.isEmpty else { continue }
                let firstA = firstValues[a] ?? [:]
                let firstB = firstValues[b] ?? [:]
                let keys = Set(firstA.keys).union(firstB.keys).filter { shared.contains($0.group) }
                var order: [String] = ["row"]
                var counts: [String: (compared: Int, agreed: Int)] = [:]
                func count(_ name: String, _ agreed: Bool) {
                    if counts[name] == nil, name != "row" { order.append(name) }
                    let known = counts[name] ?? (0, 0)
                    counts[name] = (known.compared + 1, known.agreed + (agreed ? 1 : 0))
                }
                var identical = 0
                for key in keys.sorted(by: { $0.sortText < $1.sortText }) {
                    let (x, y) = (firstA[key], firstB[key])
                    count("row", x != nil && y != nil)
                    guard let x, let y else { continue }
                    if x == y { identical += 1 }
                    if fieldsByItem {
                        count(key.item ?? "", x == y)
                    } else {
                        var names: [String] = []
                        for (name, _) in x.fields + y.fields where !names.contains(name) { names.append(name) }
                        for name in names {
                            count(name, x.fields.first { $0.name == name }?.value == y.fields.first { $0.name == name }?.value)
                        }
                    }
                }
                results.append(
                    ExtractionAgreement(
                        data: data, first: names[a] ?? "?", second: names[b] ?? "?", rows: keys.count,
                        identical: identical,
                        fields: order.map {
                            .init(name: $0, compared: counts[$0]?.compared ?? 0, agreed: counts[$0]?.agreed ?? 0)
                        }))
            }
        }
        return results
    }
}

extension Registry {
    /// Extraction agreement as of `revision`: outcome data, then characteristics, one entry per pair.
    package func extractionAgreement(at revision: Int64 = .max) throws -> [ExtractionAgreement] {
        let names = Dictionary(uniqueKeysWithValues: try reviewers(at: revision).map { ($0.id, $0.name) })
        return try outcomeExtraction(at: revision).agreementFacts.pairs(
            data: "outcome data", names: names, fieldsByItem: false)
            + characteristicExtraction(at: revision).agreementFacts.pairs(
                data: "characteristics", names: names, fieldsByItem: true)
    }
}

extension ExtractionKey {
    fileprivate var sortText: String { (group + [item ?? ""]).joined(separator: "\u{0}") }
}
