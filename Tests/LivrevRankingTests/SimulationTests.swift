import Testing

@testable import LivrevRanking

@Suite("Simulated screening")
struct SimulationTests {
    /// A small corpus where includes talk about one topic and excludes about others.
    static func corpus(seed: UInt64, count: Int = 300) -> (texts: [String], includes: [Bool]) {
        var random = RandomSource(seed: seed)
        let topic = ["methylphenidate", "adhd", "children", "attention", "hyperactivity", "stimulant"]
        let other = [
            "smoking", "cessation", "nicotine", "patch", "trust", "government", "citizen", "clonidine", "surgery",
            "analgesia", "growth", "adults", "placebo", "trial", "randomized", "outcome", "cohort", "survey",
        ]
        var texts: [String] = []
        var includes: [Bool] = []
        for index in 0..<count {
            let include = index % 15 == 7
            var words: [String] = []
            for _ in 0..<30 {
                let fromTopic = include ? random.below(3) == 0 : random.below(40) == 0
                let list = fromTopic ? topic : other
                words.append(list[random.below(list.count)])
            }
            texts.append(words.joined(separator: " "))
            includes.append(include)
        }
        return (texts, includes)
    }

    /// The same seed gives the same priors, reading order and curve; another seed other priors.
    @Test func replayIsDeterministicPerSeed() {
        let (texts, includes) = Self.corpus(seed: 7)
        let features = TextFeatures(texts: texts)
        for classifier in RankingClassifier.allCases {
            var settings = RankingSettings()
            settings.classifier = classifier
            let first = Simulation(features: features, includes: includes, seed: 11, settings: settings).run()
            let again = Simulation(features: TextFeatures(texts: texts), includes: includes, seed: 11, settings: settings)
                .run()
            #expect(first.readingOrder == again.readingOrder)
            #expect(first.curve.labels == again.curve.labels)
            let other = Simulation(features: features, includes: includes, seed: 12, settings: settings).run()
            #expect(Array(first.readingOrder.prefix(2)) != Array(other.readingOrder.prefix(2)))
        }
    }

    /// On a corpus whose includes share vocabulary the model reads them first: far better than
    /// a random order, and the replay covers every record once, priors first.
    @Test func theModelFindsIncludesEarly() {
        let (texts, includes) = Self.corpus(seed: 8)
        let result = Simulation(features: TextFeatures(texts: texts), includes: includes, seed: 1).run()
        #expect(Set(result.readingOrder).count == texts.count)
        #expect(result.readingOrder.count == texts.count)
        #expect(includes[result.readingOrder[0]] && !includes[result.readingOrder[1]])
        #expect(result.curve.labels.count == texts.count - 2)
        #expect(result.curve.workSaved(atRecall: 0.95) > 0.6)
        #expect(result.screenedToLastInclude < texts.count / 2)
        let stop = Simulation.stop(result)
        #expect(stop.screened >= result.screenedToLastInclude || stop.recall < 1)
    }

    /// Replayed by version, the first version's records are all read before the second's.
    @Test func versionsAreScreenedInOrder() {
        let (texts, includes) = Self.corpus(seed: 9, count: 200)
        let versions = (0..<200).map { $0 < 120 ? 0 : 1 }
        let result = Simulation(features: TextFeatures(texts: texts), includes: includes, seed: 2).run(versions: versions)
        let firstLater = result.readingOrder.firstIndex { versions[$0] == 1 } ?? 0
        #expect(result.readingOrder[..<firstLater].allSatisfy { versions[$0] == 0 })
        #expect(result.readingOrder[firstLater...].allSatisfy { versions[$0] == 1 })
        #expect(result.versionStarts.map(\.version) == [0, 1])
    }

    /// With no prior include, records are read in imported order until the first include.
    @Test func withoutPriorsTheImportedOrderComesFirst() {
        let (texts, includes) = Self.corpus(seed: 10, count: 100)
        var simulation = Simulation(features: TextFeatures(texts: texts), includes: includes, seed: 3)
        simulation.priorIncluded = 0
        simulation.priorExcluded = 0
        let result = simulation.run()
        #expect(Array(result.readingOrder.prefix(8)) == Array(0..<8))
    }
}
