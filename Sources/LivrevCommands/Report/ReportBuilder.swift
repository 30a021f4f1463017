import Foundation
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// Assembles the sections of `livrev report` from the registry as of one revision.
struct ReportBuilder {
    let registry: Registry
    /// The revision read: a snapshot's, or the head.
    let revision: Int64
    let snapshot: String?
    let options: PoolOptions
    /// Progress on stderr while the figures are drawn (shown only on a terminal).
    var progress: ProgressReporter?

    init(registry: Registry, revision: Int64, snapshot: String?, options: PoolOptions) throws {
        self.registry = registry
        self.revision = revision == .max ? try registry.headRevision() : revision
        self.snapshot = snapshot
        self.options = options
    }

    /// The HTML file. Inline `<svg>` in HTML needs no namespace attribute, so the SVG namespace
    /// URI is left out: the file then names no URL at all.
    func html() throws -> String {
        try report().rendered().replacingOccurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ", with: "<svg ")
    }

    func report() throws -> HTMLReport {
        progress?.update(done: 0)
        let pooled = try Pool.analyses(registry, outcome: nil, options: options, at: revision, snapshot: snapshot)
        progress?.update(done: 1, total: pooled.count + 4)
        let lights = try RiskOfBiasLights.load(registry, at: revision)
        var sections = [try flowSection()]
        if let screening = try screeningSection() { sections.append(screening) }
        sections.append(try characteristicsSection())
        if let extraction = try extractionSection() { sections.append(extraction) }
        if let lights { sections.append(try riskOfBiasSection(lights)) }
        progress?.advance()
        sections.append(try outcomesSection(pooled, lights: lights))
        sections.append(try checkSection())
        progress?.advance()
        if let changes = try changesSection(pooled) { sections.append(changes) }
        progress?.advance()
        let version = snapshot.map { "Snapshot \($0) (revision \(revision))" } ?? "Current state (revision \(revision))"
        let studies = try registry.characteristics(at: revision).studies.count
        return HTMLReport(
            title: try registry.title(at: revision),
            subtitle: "\(version) · \(studies) studies · \(pooled.count) outcomes",
            sections: sections,
            footer: "Made with livrev \(LivrevCommand.configuration.version) from revision \(revision) of the registry. "
                + "Pooled as \(ReportBuilder.optionsLine(options)).")
    }

    static func optionsLine(_ options: PoolOptions) -> String {
        "measure \(options.measure?.rawValue ?? "per outcome"), method \(options.method.rawValue), CI \(options.ci.rawValue), "
            + "zero cells \(options.correction.rawValue)"
    }

    private func flowSection() throws -> HTMLSection {
        let flow = try Prisma.flow(registry, at: revision)
        return HTMLSection(
            heading: "Flow of studies (PRISMA 2020)",
            blocks: [
                .figure(flow.svgDocument(), caption: "PRISMA 2020 flow diagram; counts derived from the recorded decisions.")
            ])
    }

    private func characteristicsSection() throws -> HTMLSection {
        let table = try registry.characteristics(at: revision)
        // A page holds about six columns besides the study: wider tables are split, each led by the study.
        let chunks = stride(from: 0, to: table.names.count, by: 6).map { Array(table.names[$0..<min($0 + 6, table.names.count)]) }
        let blocks = chunks.enumerated().map { index, names -> HTMLBlock in
            let rows = table.studies.map { study in [study.study] + names.map { study.values[$0]?.text ?? "" } }
            let part = chunks.count > 1 ? " (part \(index + 1) of \(chunks.count))" : ""
            return .table(caption: "\(table.studies.count) studies\(part)", header: ["study"] + names, rows: rows)
        }
        return HTMLSection(
            heading: "Characteristics of included studies",
            blocks: blocks.isEmpty ? [.paragraph("No study characteristics recorded.")] : blocks)
    }

    private func riskOfBiasSection(_ lights: RiskOfBiasLights) throws -> HTMLSection {
        let table = try RiskOfBiasFigure.table(lights, registry: registry, at: revision, weighting: .equal)
        var summary = table
        summary.title = "Risk of bias across studies (\(table.tool.rawValue))"
        return HTMLSection(
            heading: "Risk of bias",
            blocks: [
                .figure(
                    table.trafficLightDocument(),
                    caption: "Judgements per study and domain; overall by the tool's algorithm unless a reviewer set it."),
                .figure(summary.summaryDocument(), caption: "Share of studies at each level of risk, per domain."),
            ])
    }

    private func outcomesSection(_ pooled: [PooledOutcome], lights: RiskOfBiasLights?) throws -> HTMLSection {
        let subsections = try pooled.map { outcome -> HTMLSection in
            defer { progress?.advance() }
            var blocks: [HTMLBlock] = []
            if outcome.estimate != nil {
                blocks.append(
                    .figure(
                        ForestFigure.document(ForestFigure.plot(outcome, riskOfBias: lights)),
                        caption: "Forest plot: \(outcome.outcome)."))
                // A funnel of one or two points shows nothing about small-study effects.
                if outcome.k >= 3, let funnel = FunnelFigure.plot(outcome) {
                    blocks.append(
                        .figure(
                            funnel.svgDocument(),
                            caption: "Funnel plot: \(outcome.outcome); pseudo-95% region around the pooled estimate."))
                }
            }
            if let chart = try sequentialChart(outcome.outcome) { blocks.append(chart) }
            let lines = outcome.summaryLines()
            blocks.append(.paragraph(lines.first ?? outcome.outcome))
            if lines.count > 1 { blocks.append(.list(Array(lines.dropFirst()))) }
            return HTMLSection(heading: outcome.outcome, blocks: blocks)
        }
        return HTMLSection(
            heading: "Meta-analyses",
            blocks: [
                .paragraph(
                    "Pooled as \(ReportBuilder.optionsLine(options)). Estimates on the natural scale (odds, risk or "
                        + "hazard ratios; proportions back-transformed); each outcome's figures and statistics follow."),
                .table(caption: "Pooled results", header: ReportSummaryTable.header, rows: pooled.map(ReportSummaryTable.row)),
            ], subsections: subsections)
    }

    /// The TSA chart of an outcome the review monitors (it has a plan), by publication year.
    private func sequentialChart(_ outcome: String) throws -> HTMLBlock? {
        guard let stored = try registry.analysisPlans(at: revision).first(where: { $0.outcome == outcome }),
            let (value, rows) = try Pool.analysisInput(registry, outcome: outcome, at: revision).first
        else { return nil }
        do {
            let plan = SequentialPlan(stored)
            let result = try SequentialAnalysis.byYear(
                value, rows: rows, specification: AnalysisSpecification(measure: options.measure, method: .DL), plan: plan)
            return .figure(result.chart(), caption: "Trial sequential analysis: \(result.conclusion.sentence).")
        } catch {
            return .paragraph("Trial sequential analysis not possible: \(error).")
        }
    }

    private func checkSection() throws -> HTMLSection {
        let findings = try registry.check(at: revision)
        guard !findings.isEmpty else {
            return HTMLSection(heading: "Consistency check", blocks: [.paragraph("No inconsistencies found.")])
        }
        var blocks: [HTMLBlock] = [.paragraph(Check.summary(findings) + ".")]
        for finding in findings {
            blocks.append(.callout(level: finding.severity.rawValue, text: "[\(finding.code)] \(finding.message)"))
            let rows = finding.rows.filter { !finding.message.contains($0) }
            if !rows.isEmpty { blocks.append(.list(rows)) }
        }
        return HTMLSection(heading: "Consistency check", blocks: blocks)
    }

    /// What changed since the latest snapshot before the reported revision, if there is one.
    private func changesSection(_ pooled: [PooledOutcome]) throws -> HTMLSection? {
        guard let earlier = try registry.snapshots(upTo: revision).last(where: { $0.atRevision < revision }) else { return nil }
        let facts = try registry.factChanges(from: earlier.atRevision, to: revision)
        let before = try Pool.analyses(registry, outcome: nil, options: options, at: earlier.atRevision, snapshot: earlier.name)
        let changes = OutcomeChange.pair(before: before, after: pooled)
        let factRows = facts.filter { $0.added + $0.corrected + $0.retracted > 0 }
            .map { [$0.kind, String($0.added), String($0.corrected), String($0.retracted)] }
        var blocks: [HTMLBlock] = [
            .paragraph("From snapshot \(earlier.name) (revision \(earlier.atRevision)) to revision \(revision).")
        ]
        blocks.append(
            factRows.isEmpty
                ? .paragraph("No facts changed.")
                : .table(caption: "Facts", header: ["facts", "added", "corrected", "retracted"], rows: factRows))
        if changes.allSatisfy({ $0.verdict == "unchanged" }) {
            blocks.append(.paragraph("Every outcome's pooled result is unchanged."))
        } else {
            blocks.append(
                .table(
                    caption: "Pooled results before and after", header: ReportSummaryTable.changeHeader,
                    rows: changes.map(ReportSummaryTable.changeRow)))
        }
        return HTMLSection(heading: "Changes since \(earlier.name)", blocks: blocks)
    }
}
