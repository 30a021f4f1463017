import Foundation
import RiskOfBias

extension Registry {
    /// The consistency report: every finding, errors first, then warnings, then notes.
    package func check(at revision: Int64 = .max) throws -> [ConsistencyFinding] {
        let rows = try outcomeRows(at: revision)
        let characteristics = try characteristics(at: revision)
        var findings = try prismaArithmetic(at: revision)
        findings += Registry.armsAboveStudySize(rows, characteristics)
        findings += Registry.armsThatDiffer(rows)
        findings += Registry.duplicateRows(rows)
        findings += Registry.eventsEqualToN(rows)
        findings += Registry.nearDuplicateStudyKeys(try studies(at: revision).map(\.key))
        findings += try studiesOutsideTheReview(rows, at: revision)
        return findings.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity < $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }

    // MARK: - PRISMA

    /// The previous version's published counts must add up, and agree with the studies recorded.
    private func prismaArithmetic(at revision: Int64) throws -> [ConsistencyFinding] {
        let published = try publishedPreviousCounts(at: revision)
        var value: [String: Int] = [:]
        for (stage, count) in published { value[Registry.canonicalStage(stage)] = count }
        var findings: [ConsistencyFinding] = []
        func expect(_ left: String, minus right: String, equals result: String) {
            guard let a = value[left], let b = value[right], let c = value[result], a - b != c else { return }
            findings.append(
                ConsistencyFinding(
                    severity: .error, code: "prisma-arithmetic",
                    message: "published flow does not add up: \(left) \(a) − \(right) \(b) = \(a - b), but \(result) is \(c)",
                    rows: published.map { "\($0.stage) = \($0.count)" }))
        }
        expect("records_screened", minus: "records_excluded", equals: "reports_assessed")
        expect("reports_assessed", minus: "reports_excluded", equals: "studies_included")
        if value["records_screened"] == nil {
            expect("records_identified", minus: "records_excluded", equals: "reports_assessed")
        }
        if let stated = value["studies_included"], let previous = try prismaCounts(at: revision).previous,
            previous.studies != stated
        {
            findings.append(
                ConsistencyFinding(
                    severity: .warning, code: "prisma-previous-studies",
                    message: "the previous version states \(stated) included studies, the registry holds \(previous.studies)",
                    rows: []))
        }
        return findings
    }

    /// Synonyms of PRISMA stage names as reviews report them.
    private static func canonicalStage(_ stage: String) -> String {
        switch stage.lowercased() {
        case "excluded_after_title_abstract_screening", "records_excluded": "records_excluded"
        case "full_text_assessed", "reports_assessed": "reports_assessed"
        case "excluded_after_full_text_review", "reports_excluded": "reports_excluded"
        case "included_in_quantitative_analysis", "studies_included", "included": "studies_included"
        default: stage.lowercased()
        }
    }

    // MARK: - Denominators

    /// Arms whose n exceeds the study's randomized total (an error) or its evaluated n in that arm
    /// (a warning: reviews often analyse the randomized n), one finding per study and kind.
    private static func armsAboveStudySize(_ rows: [OutcomeRow], _ table: CharacteristicsTable) -> [ConsistencyFinding] {
        let byStudy = Dictionary(uniqueKeysWithValues: table.studies.map { ($0.study, $0.values) })
        var order: [String] = []
        var groups: [String: (severity: ConsistencyFinding.Severity, code: String, message: String, rows: [String])] = [:]
        func note(_ key: String, _ severity: ConsistencyFinding.Severity, _ code: String, _ message: String, _ row: OutcomeRow) {
            if groups[key] == nil {
                order.append(key)
                groups[key] = (severity, code, message, [])
            }
            groups[key]?.rows.append(describe(row))
        }
        for row in rows {
            guard case .dichotomous(_, let nt, _, let nc) = row.data, let values = byStudy[row.study] else { continue }
            if let randomized = values["patients_n"].flatMap({ leadingCount($0.text) }), nt + nc > randomized {
                note(
                    "\(row.study)|randomized|\(nt)|\(nc)", .error, "arm-above-randomized",
                    "\(row.study): arms \(nt) + \(nc) = \(nt + nc) exceed the \(randomized) patients randomized", row)
            }
            let evaluated = [values["evaluated_t"], values["evaluated_c"]].map { $0.flatMap { leadingCount($0.text) } }
            if let et = evaluated[0], let ec = evaluated[1], nt > et || nc > ec {
                note(
                    "\(row.study)|evaluated|\(nt)|\(nc)", .warning, "arm-above-evaluated",
                    "\(row.study): arms of \(nt)/\(nc) exceed the \(et)/\(ec) evaluated (treatment/control)", row)
            }
        }
        return order.compactMap { key in
            groups[key].map {
                ConsistencyFinding(
                    severity: $0.severity, code: $0.code, message: $0.message,
                    rows: abbreviated($0.rows))
            }
        }
    }

    /// At most three rows, then how many more.
    private static func abbreviated(_ rows: [String]) -> [String] {
        rows.count <= 3 ? rows : Array(rows.prefix(3)) + ["… and \(rows.count - 3) more row\(rows.count == 4 ? "" : "s")"]
    }

    /// The number a characteristic starts with ("34 (82)" → 34; "10+9+9" → 28), if any; nil for
    /// ratios such as "1/11", which are not patient counts.
    private static func leadingCount(_ text: String) -> Int? {
        guard !text.contains("/") else { return nil }
        let parts = text.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        let counts = parts.map { part in Int(part.prefix { $0.isNumber }) }
        if parts.count > 1, counts.allSatisfy({ $0 != nil }), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            return counts.compactMap { $0 }.reduce(0, +)
        }
        return counts.first ?? nil
    }

    /// Within one study, arms whose n differs across outcomes, and rows that use another study's denominators.
    private static func armsThatDiffer(_ rows: [OutcomeRow]) -> [ConsistencyFinding] {
        var pairs: [String: [(Int, Int, OutcomeRow)]] = [:]
        var order: [String] = []
        for row in rows {
            guard case .dichotomous(_, let nt, _, let nc) = row.data else { continue }
            if pairs[row.study] == nil { order.append(row.study) }
            pairs[row.study, default: []].append((nt, nc, row))
        }
        func mode(_ list: [(Int, Int, OutcomeRow)]) -> [Int] {
            var counts: [[Int]: Int] = [:]
            for (nt, nc, _) in list { counts[[nt, nc], default: 0] += 1 }
            return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.lexicographicallyPrecedes($1.key) == false }?
                .key ?? []
        }
        let usual = pairs.mapValues(mode)
        var findings: [ConsistencyFinding] = []
        for study in order {
            guard let list = pairs[study], let own = usual[study] else { continue }
            let odd = list.filter { [$0.0, $0.1] != own }
            guard !odd.isEmpty else { continue }
            for (nt, nc, row) in odd {
                let others = usual.filter { $0.key != study && $0.value == [nt, nc] }.keys.sorted()
                if !others.isEmpty {
                    findings.append(
                        ConsistencyFinding(
                            severity: .warning, code: "borrowed-denominators",
                            message:
                                "\(study): a row uses \(nt)/\(nc), the denominators of \(others.joined(separator: " and ")), "
                                + "not its own \(own[0])/\(own[1])",
                            rows: [describe(row)]))
                }
            }
            findings.append(
                ConsistencyFinding(
                    severity: .warning, code: "arm-n-differs",
                    message: "\(study): arm sizes differ across rows (usually \(own[0]) vs \(own[1]))",
                    rows: abbreviated(odd.map { describe($0.2) })))
        }
        return findings
    }

    // MARK: - Rows

    private static func duplicateRows(_ rows: [OutcomeRow]) -> [ConsistencyFinding] {
        var groups: [String: [OutcomeRow]] = [:]
        var order: [String] = []
        for row in rows {
            guard let event = row.eventName, !event.isEmpty else { continue }
            let key = [row.study, row.outcome, event.lowercased()].joined(separator: "\u{0}")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.compactMap { key in
            guard let group = groups[key], group.count > 1, let first = group.first else { return nil }
            let identical = group.allSatisfy { $0.data == first.data }
            return ConsistencyFinding(
                severity: identical ? .error : .warning, code: identical ? "duplicate-rows" : "repeated-event",
                message: identical
                    ? "\(first.study): the same row appears \(group.count) times in \(first.outcome) (double counting)"
                    : "\(first.study): '\(first.eventName ?? "")' appears \(group.count) times in \(first.outcome) with different counts",
                rows: group.map(describe))
        }
    }

    private static func eventsEqualToN(_ rows: [OutcomeRow]) -> [ConsistencyFinding] {
        rows.compactMap { row in
            guard case .dichotomous(let et, let nt, let ec, let nc) = row.data, (et == nt && nt > 0) || (ec == nc && nc > 0)
            else { return nil }
            return ConsistencyFinding(
                severity: .warning, code: "events-equal-n",
                message: "\(row.study): every patient of an arm had the event (check the denominator)", rows: [describe(row)])
        }
    }

    // MARK: - Studies

    /// Study keys that differ by at most two letters and have the same year: likely one trial spelt twice.
    private static func nearDuplicateStudyKeys(_ keys: [String]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for (i, a) in keys.enumerated() {
            for b in keys[(i + 1)...] {
                let (nameA, yearA) = splitKey(a)
                let (nameB, yearB) = splitKey(b)
                guard yearA == yearB, nameA != nameB, min(nameA.count, nameB.count) >= 5,
                    editDistance(nameA.lowercased(), nameB.lowercased()) <= 2
                else { continue }
                findings.append(
                    ConsistencyFinding(
                        severity: .warning, code: "near-duplicate-study",
                        message: "study keys '\(a)' and '\(b)' differ by a letter or two: one trial spelt twice?", rows: [a, b]))
            }
        }
        return findings
    }

    private func studiesOutsideTheReview(_ rows: [OutcomeRow], at revision: Int64) throws -> [ConsistencyFinding] {
        let facts = try screeningFacts(at: revision)
        let included = Set(
            facts.records.compactMap { record -> Int64? in
                let status = facts.status(of: record)
                return status == .included || status == .previousVersion ? record.studyID : nil
            })
        let withData = Set(rows.map(\.study))
        var findings: [ConsistencyFinding] = []
        let judged = Set(try RiskOfBiasTool.allCases.flatMap { try riskOfBiasDomains(tool: $0, at: revision).map(\.study) })
        for study in try studies(at: revision) {
            let inReview = included.contains(study.id) || withData.contains(study.key)
            if judged.contains(study.key), !inReview {
                findings.append(
                    ConsistencyFinding(
                        severity: .warning, code: "rob-outside-review",
                        message: "\(study.key) has risk-of-bias judgements but no included report and no outcome data",
                        rows: [study.key]))
            } else if withData.contains(study.key), !included.contains(study.id), !facts.records.isEmpty {
                // Only where the review screens in livrev: a registry of outcome data alone has no flow to disagree with.
                findings.append(
                    ConsistencyFinding(
                        severity: .warning, code: "data-outside-review",
                        message: "\(study.key) has outcome data but no included report: PRISMA does not count it",
                        rows: [study.key]))
            } else if included.contains(study.id), !withData.contains(study.key), !rows.isEmpty {
                findings.append(
                    ConsistencyFinding(
                        severity: .info, code: "study-without-data",
                        message: "\(study.key) is included but has no outcome rows", rows: [study.key]))
            }
        }
        return findings
    }

    // MARK: - Helpers

    private static func describe(_ row: OutcomeRow) -> String {
        var text = "\(row.study)"
        if let label = row.label, !label.isEmpty { text += " (\(label))" }
        text += " · \(row.outcome)"
        if let event = row.eventName, !event.isEmpty { text += " · \(event)" }
        switch row.data {
        case .dichotomous(let et, let nt, let ec, let nc): text += ": \(et)/\(nt) vs \(ec)/\(nc)"
        case .singleArm(let events, let n): text += ": \(events)/\(n)"
        case .ratio(let measure, let estimate, let lower, let upper): text += ": \(measure) \(estimate) [\(lower), \(upper)]"
        case .effect(let yi, let sei): text += ": yi \(yi), se \(sei)"
        }
        if let file = row.sourceFile, let line = row.sourceLine { text += " (\((file as NSString).lastPathComponent):\(line))" }
        return text
    }

    private static func splitKey(_ key: String) -> (String, String) {
        let parts = key.split(separator: " ")
        guard let last = parts.last, last.count == 4, Int(last) != nil else { return (key, "") }
        return (parts.dropLast().joined(separator: " "), String(last))
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
