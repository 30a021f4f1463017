/// The PRISMA 2020 flow counts, derived from the screening facts (nothing typed in but the
/// previous version's published counts).
///
/// The new-studies column counts records of database and register searches; reports carried
/// over from the previous version (a search of kind `previous`) fill the previous-version boxes.
/// Work still under way is counted apart (`pending`), so that
/// identified − duplicates = screened + awaiting title-abstract + title-abstract conflicts, and
/// sought = not retrieved + assessed + awaiting full text + full-text conflicts.
///
/// Source: Page MJ et al. (2021). The PRISMA 2020 statement. BMJ 372:n71. doi:10.1136/bmj.n71
package struct PrismaCounts: Equatable, Sendable {
    /// Records identified per database, in the order the sources were first searched.
    package var databases: [(source: String, records: Int)] = []
    /// Records identified per register.
    package var registers: [(source: String, records: Int)] = []
    package var duplicatesRemoved = 0
    package var recordsScreened = 0
    package var recordsExcluded = 0
    package var reportsSought = 0
    package var reportsNotRetrieved = 0
    package var reportsAssessed = 0
    /// Full-text exclusions per recorded reason, most frequent first.
    package var reportsExcluded: [(reason: String, reports: Int)] = []
    /// New studies: studies with an included report and no report in the previous version.
    package var studiesIncluded = 0
    /// Reports included in this round.
    package var reportsIncluded = 0
    /// The previous version's studies and reports, when the registry has one.
    package var previous: (studies: Int, reports: Int)?
    package var pending = Pending()
    /// The previous version's flow counts as published, in the order they were recorded.
    package var publishedPrevious: [(stage: String, count: Int)] = []

    package struct Pending: Equatable, Sendable {
        package var awaitingTitleAbstract = 0
        package var titleAbstractConflicts = 0
        package var awaitingFullText = 0
        package var fullTextConflicts = 0
        /// Included reports not yet linked to a study (each counted as a study of its own).
        package var includedWithoutStudy = 0
    }

    package var totalStudies: Int { studiesIncluded + (previous?.studies ?? 0) }
    package var totalReports: Int { reportsIncluded + (previous?.reports ?? 0) }

    package static func == (lhs: PrismaCounts, rhs: PrismaCounts) -> Bool {
        lhs.databases.map { "\($0.source)=\($0.records)" } == rhs.databases.map { "\($0.source)=\($0.records)" }
            && lhs.registers.map { "\($0.source)=\($0.records)" } == rhs.registers.map { "\($0.source)=\($0.records)" }
            && lhs.reportsExcluded.map { "\($0.reason)=\($0.reports)" }
                == rhs.reportsExcluded.map { "\($0.reason)=\($0.reports)" }
            && lhs.previous?.studies == rhs.previous?.studies && lhs.previous?.reports == rhs.previous?.reports
            && lhs.publishedPrevious.map { "\($0.stage)=\($0.count)" } == rhs.publishedPrevious.map { "\($0.stage)=\($0.count)" }
            && [
                lhs.duplicatesRemoved, lhs.recordsScreened, lhs.recordsExcluded, lhs.reportsSought,
                lhs.reportsNotRetrieved, lhs.reportsAssessed, lhs.studiesIncluded, lhs.reportsIncluded,
            ]
                == [
                    rhs.duplicatesRemoved, rhs.recordsScreened, rhs.recordsExcluded, rhs.reportsSought,
                    rhs.reportsNotRetrieved, rhs.reportsAssessed, rhs.studiesIncluded, rhs.reportsIncluded,
                ]
            && lhs.pending == rhs.pending
    }
}

extension Registry {
    /// PRISMA 2020 counts as of `revision`.
    ///
    /// With `previous`, the revision of the snapshot that was the previous version, the
    /// previous-version boxes hold what was included then, and the new-studies column counts only
    /// the records added since; otherwise the previous version is the registry's `previous` search.
    package func prismaCounts(at revision: Int64 = .max, previous: Int64? = nil) throws -> PrismaCounts {
        if let previous {
            return try prismaCounts(at: revision, since: previous)
        }
        return try prismaCounts(at: revision, newRecordsAfter: 0)
    }

    /// The counts of records with ids above `firstNew` (all of them for 0), with the registry's own previous version.
    private func prismaCounts(at revision: Int64, newRecordsAfter firstNew: Int64) throws -> PrismaCounts {
        let searches = try searches(at: revision)
        let kinds = Dictionary(uniqueKeysWithValues: searches.map { ($0.id, $0.kind) })
        var counts = PrismaCounts()
        var identified: [Int64: Int] = [:]
        var reasons: [String: Int] = [:]
        var newStudies = Set<Int64>()
        var previousStudies = Set<Int64>()
        var previousReports = 0
        var previousUnlinked = 0
        var newUnlinked = 0
        for record in try recordSummaries(at: revision) {
            if record.id <= firstNew { continue }
            if kinds[record.searchID] == .previous {
                guard record.status == .previousVersion else { continue }  // a duplicate among them
                previousReports += 1
                if let study = record.studyID { previousStudies.insert(study) } else { previousUnlinked += 1 }
                continue
            }
            identified[record.searchID, default: 0] += 1
            switch record.status {
            case .previousVersion: break
            case .duplicate: counts.duplicatesRemoved += 1
            case .awaitingTitleAbstract: counts.pending.awaitingTitleAbstract += 1
            case .conflictTitleAbstract: counts.pending.titleAbstractConflicts += 1
            case .excludedTitleAbstract: counts.recordsExcluded += 1
            case .notRetrieved: counts.reportsNotRetrieved += 1
            case .awaitingFullText: counts.pending.awaitingFullText += 1
            case .conflictFullText: counts.pending.fullTextConflicts += 1
            case .excludedFullText: reasons[record.reason ?? "no reason recorded", default: 0] += 1
            case .included:
                counts.reportsIncluded += 1
                if let study = record.studyID { newStudies.insert(study) } else { newUnlinked += 1 }
            }
        }
        // Each box counts what reached it: screened = decided at title-abstract, and so on down the flow.
        let excludedFullText = reasons.values.reduce(0, +)
        counts.reportsAssessed = excludedFullText + counts.reportsIncluded
        counts.reportsSought =
            counts.reportsAssessed + counts.reportsNotRetrieved + counts.pending.awaitingFullText
            + counts.pending.fullTextConflicts
        counts.recordsScreened = counts.reportsSought + counts.recordsExcluded
        for search in searches where search.kind != .previous {
            let number = identified[search.id] ?? 0
            if search.kind == .register {
                counts.registers = PrismaCounts.adding(number, to: search.source, in: counts.registers)
            } else {
                counts.databases = PrismaCounts.adding(number, to: search.source, in: counts.databases)
            }
        }
        counts.reportsExcluded = reasons.map { ($0.key, $0.value) }
            .sorted { $0.reports != $1.reports ? $0.reports > $1.reports : $0.reason < $1.reason }
        counts.studiesIncluded = newStudies.subtracting(previousStudies).count + newUnlinked
        counts.pending.includedWithoutStudy = newUnlinked
        if searches.contains(where: { $0.kind == .previous }) {
            counts.previous = (previousStudies.count + previousUnlinked, previousReports)
        }
        counts.publishedPrevious = try publishedPreviousCounts(at: revision)
        return counts
    }
}

extension Registry {
    /// Counts for an update whose previous version is the snapshot at revision `previous`.
    private func prismaCounts(at revision: Int64, since previous: Int64) throws -> PrismaCounts {
        let before = try prismaCounts(at: previous)
        let includedBefore = Set(
            try recordSummaries(at: previous).filter { $0.status == .included || $0.status == .previousVersion }
                .map { $0.studyID.map { "s\($0)" } ?? "r\($0.id)" })
        let lastOld = try connection.scalarInt("SELECT coalesce(max(id), 0) FROM record WHERE revision <= ?", previous) ?? 0
        var counts = try prismaCounts(at: revision, newRecordsAfter: lastOld)
        // New studies are those with a report included since, that were not included before.
        let includedNow = try recordSummaries(at: revision).filter { $0.id > lastOld && $0.status == .included }
        counts.studiesIncluded =
            Set(includedNow.map { $0.studyID.map { "s\($0)" } ?? "r\($0.id)" })
            .subtracting(includedBefore).count
        counts.previous = (before.totalStudies, before.totalReports)
        return counts
    }
}

extension PrismaCounts {
    fileprivate static func adding(
        _ number: Int, to source: String, in list: [(source: String, records: Int)]
    ) -> [(source: String, records: Int)] {
        var list = list
        if let index = list.firstIndex(where: { $0.source == source }) {
            list[index].records += number
        } else {
            list.append((source, number))
        }
        return list
    }
}
