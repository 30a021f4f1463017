import ArgumentParser
import Foundation
import LivrevRanking
import LivrevReports

/// `livrev simulate FILE.csv`: replay a labelled data set as one reviewer screening with the model.
struct Simulate: ParsableCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a labelled screening data set with the ranking model and report the work it saves.",
        discussion: """
            FILE.csv needs columns title, abstract and label_included (1 = included, 0 = excluded); others \
            are ignored. JSON 'priors' lists the prior records by data row (1 = the first after the header). The replay starts from random priors drawn with --seed, then reads the top-ranked \
            record, learns its label and refits, until every include is found. WSS and recall are computed \
            as asreview-insights computes them (priors dropped). 'stop' is where the Callaghan & \
            Müller-Hansen stopping rule (95% recall, 95% confidence) would have stopped. With --by COLUMN \
            the records are screened version by version (ascending COLUMN values, e.g. a year), each \
            version ranked by a model trained on every earlier decision.
            """)

    @Argument(help: "The labelled CSV file.")
    var file: String

    @Option(help: "Seed for the priors and the model's coordinate order.")
    var seed: UInt64 = 0

    @Option(help: "Random includes given as known before the model starts.")
    var priorIncluded = 1

    @Option(help: "Random excludes given as known before the model starts.")
    var priorExcluded = 1

    @Option(
        help: """
            Replay version by version, by this column's values in ascending order (e.g. year); for each \
            later version, also the records it takes to find its last include as a review of its own.
            """)
    var by: String?

    @Option(help: "The classifier: svm (ASReview's default model) or logistic (logistic regression).")
    var classifier: RankingClassifier = .svm

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Also write the recall curve as SVG to this file.")
    var plot: String?

    func validate() throws {
        guard priorIncluded >= 0, priorExcluded >= 0 else {
            throw ValidationError("'--prior-included' and '--prior-excluded' must be 0 or more")
        }
        try OutputFormat.check(self)
    }

    func run() throws {
        do {
            let data = try LabelledRecords(path: file, versionColumn: by)
            let includes = data.includes.count { $0 }
            guard priorIncluded <= includes, priorExcluded <= data.includes.count - includes else {
                throw CommandError.badRow(
                    file: file, line: 1,
                    message: "asked for \(priorIncluded) prior includes and \(priorExcluded) prior excludes; "
                        + "the file has \(includes) and \(data.includes.count - includes)")
            }
            var settings = RankingSettings()
            settings.classifier = classifier
            let start = CPUTime.now()
            let features = TextFeatures(texts: data.texts, settings: settings.features)
            let featurised = CPUTime.now()
            var simulation = Simulation(features: features, includes: data.includes, seed: seed, settings: settings)
            simulation.priorIncluded = priorIncluded
            simulation.priorExcluded = priorExcluded
            let result = simulation.run(versions: data.versionRanks())
            let replayed = CPUTime.now()
            let stop = Simulation.stop(result)
            let end = CPUTime.now()
            if ProcessInfo.processInfo.environment["LIVREV_TIMING"] != nil {
                Output.error(
                    "timing (CPU): featurise \(CPUTime.milliseconds(start, featurised)) ms (\(features.count) records, "
                        + "\(features.termCount) terms, \(features.sharedTermCount) shared), "
                        + "\(result.refits) retrain-and-rank steps "
                        + "\(CPUTime.milliseconds(featurised, replayed)) ms "
                        + "(\(CPUTime.milliseconds(featurised, replayed, per: result.refits)) ms each, "
                        + "\(result.passes) passes), "
                        + "stopping rule \(CPUTime.milliseconds(replayed, end)) ms")
            }
            var summary = SimulationSummary(file: file, seed: seed, result: result, stop: stop)
            if let versions = data.versionRanks() {
                summary.versionNames = data.versionNames
                summary.versions = Simulation.versionReplays(result, versions: versions, includes: data.includes) { rows in
                    let includes = rows.map { data.includes[$0] }
                    guard includes.count(where: { $0 }) >= priorIncluded, includes.count(where: { !$0 }) >= priorExcluded
                    else { return nil }
                    let texts = rows.map { data.texts[$0] }
                    var alone = Simulation(
                        features: TextFeatures(texts: texts, settings: settings.features), includes: includes, seed: seed,
                        settings: settings)
                    alone.priorIncluded = priorIncluded
                    alone.priorExcluded = priorExcluded
                    return alone.run().screenedToLastInclude
                }
            }
            if let plot {
                try Output.writeFile(summary.plot.renderedSVG(), to: plot)
            }
            Output.print(format == .json ? summary.json.rendered(pretty: true) : summary.text, terminator: "")
        } catch let error as ValidationError {
            throw error
        } catch {
            Output.error("Error: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}

extension RankingClassifier: ExpressibleByArgument {}
