/// The numbers of a PRISMA 2020 flow diagram, as a report shows them.
///
/// Source: Page MJ et al. (2021). The PRISMA 2020 statement. BMJ 372:n71. doi:10.1136/bmj.n71
public struct PrismaFlow: Sendable {
    public var title: String
    public var databases: [(String, Int)]
    public var registers: [(String, Int)]
    public var duplicatesRemoved: Int
    public var recordsScreened: Int
    public var recordsExcluded: Int
    public var reportsSought: Int
    public var reportsNotRetrieved: Int
    public var reportsAssessed: Int
    public var reportsExcluded: [(String, Int)]
    public var studiesIncluded: Int
    public var reportsIncluded: Int
    /// Studies and reports of the previous version, for an updated review.
    public var previous: (studies: Int, reports: Int)?
    /// Work under way, e.g. ("awaiting title-abstract decisions", 3).
    public var pending: [(key: String, label: String, count: Int)]

    public init(
        title: String, databases: [(String, Int)], registers: [(String, Int)], duplicatesRemoved: Int,
        recordsScreened: Int, recordsExcluded: Int, reportsSought: Int, reportsNotRetrieved: Int, reportsAssessed: Int,
        reportsExcluded: [(String, Int)], studiesIncluded: Int, reportsIncluded: Int,
        previous: (studies: Int, reports: Int)?, pending: [(key: String, label: String, count: Int)]
    ) {
        self.title = title
        self.databases = databases
        self.registers = registers
        self.duplicatesRemoved = duplicatesRemoved
        self.recordsScreened = recordsScreened
        self.recordsExcluded = recordsExcluded
        self.reportsSought = reportsSought
        self.reportsNotRetrieved = reportsNotRetrieved
        self.reportsAssessed = reportsAssessed
        self.reportsExcluded = reportsExcluded
        self.studiesIncluded = studiesIncluded
        self.reportsIncluded = reportsIncluded
        self.previous = previous
        self.pending = pending
    }

    public var databaseTotal: Int { databases.reduce(0) { $0 + $1.1 } }
    public var registerTotal: Int { registers.reduce(0) { $0 + $1.1 } }
    public var reportsExcludedTotal: Int { reportsExcluded.reduce(0) { $0 + $1.1 } }
    public var totalStudies: Int { studiesIncluded + (previous?.studies ?? 0) }
    public var totalReports: Int { reportsIncluded + (previous?.reports ?? 0) }

    /// The SPEC.md JSON object.
    public var json: JSONValue {
        func map(_ pairs: [(String, Int)]) -> JSONValue { .object(pairs.map { ($0.0, .integer($0.1)) }) }
        var members: [(String, JSONValue)] = [
            ("identification", .object([("databases", map(databases)), ("registers", map(registers))])),
            ("duplicates_removed", .integer(duplicatesRemoved)),
            ("records_screened", .integer(recordsScreened)),
            ("records_excluded", .integer(recordsExcluded)),
            ("reports_sought", .integer(reportsSought)),
            ("reports_not_retrieved", .integer(reportsNotRetrieved)),
            ("reports_assessed", .integer(reportsAssessed)),
            ("reports_excluded", map(reportsExcluded)),
            ("studies_included", .integer(studiesIncluded)),
            ("reports_included", .integer(reportsIncluded)),
        ]
        members.append(
            (
                "previous",
                previous.map { .object([("studies", .integer($0.studies)), ("reports", .integer($0.reports))]) } ?? .null
            ))
        members.append(("total", .object([("studies", .integer(totalStudies)), ("reports", .integer(totalReports))])))
        members.append(("pending", .object(pending.map { ($0.key, .integer($0.count)) })))
        return .object(members)
    }
}
