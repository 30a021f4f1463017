import Testing

@testable import LivrevRanking

@Suite("Classifiers against scikit-learn")
struct ClassifierTests {
    let reference: [String: Any]
    let features: TextFeatures
    let rows: [Int]
    let labels: [Bool]

    init() throws {
        reference = try ReferenceFixtures.json("ranking_reference.json")
        let tfidf = try #require(reference["tfidf"] as? [String: Any])
        features = TextFeatures(texts: try #require(tfidf["corpus"] as? [String]))
        let training = try #require(reference["training"] as? [String: Any])
        rows = try #require(training["rows"] as? [Int])
        labels = try #require(training["labels"] as? [Int]).map { $0 == 1 }
    }

    /// ASReview's "balanced" weights with ratio 9.8.
    @Test func balancedWeightsMatchASReview() throws {
        let training = try #require(reference["training"] as? [String: Any])
        let expected = try #require(training["weights"] as? [Double])
        let weights = ScreeningModel.balancedWeights(labels, ratio: 9.8)
        for (a, b) in zip(weights, expected) { #expect(abs(a - b) < 1e-12) }
    }

    /// Decision values of a converged fit agree with `LinearSVC(C=0.11)` on every record.
    @Test func svmMatchesLinearSVC() throws {
        let expected = try #require(reference["svm"] as? [Double])
        var svm = LinearSVM(termCount: features.sharedTermCount, cost: 0.11, tolerance: 1e-9, maximumPasses: 100_000)
        var random = RandomSource(seed: 1)
        svm.fit(
            features, rows: rows, labels: labels, rowWeights: ScreeningModel.balancedWeights(labels, ratio: 9.8),
            random: &random)
        let scores = svm.scores(features, rows: Array(0..<features.count))
        for (a, b) in zip(scores, expected) { #expect(abs(a - b) < 1e-6, "\(a) vs \(b)") }
    }

    /// Decision values agree with liblinear's dual logistic regression (C = 1).
    @Test func logisticMatchesLiblinear() throws {
        let expected = try #require(reference["logistic"] as? [Double])
        var model = LogisticRegression(termCount: features.sharedTermCount, cost: 1, tolerance: 1e-10, maximumPasses: 100_000)
        var random = RandomSource(seed: 1)
        model.fit(
            features, rows: rows, labels: labels, rowWeights: ScreeningModel.balancedWeights(labels, ratio: 9.8),
            random: &random)
        let scores = model.scores(features, rows: Array(0..<features.count))
        for (a, b) in zip(scores, expected) { #expect(abs(a - b) < 1e-5, "\(a) vs \(b)") }
    }

    /// A warm-started refit after one more label lands where a fit from scratch does.
    @Test func warmStartReachesTheColdSolution() {
        let extended = rows + [2]
        let extendedLabels = labels + [true]
        let weights = ScreeningModel.balancedWeights(extendedLabels, ratio: 9.8)
        var warm = LinearSVM(termCount: features.sharedTermCount, cost: 0.11, tolerance: 1e-9, maximumPasses: 100_000)
        var cold = warm
        var random = RandomSource(seed: 3)
        warm.fit(
            features, rows: rows, labels: labels, rowWeights: ScreeningModel.balancedWeights(labels, ratio: 9.8),
            random: &random)
        warm.fit(features, rows: extended, labels: extendedLabels, rowWeights: weights, random: &random)
        cold.fit(features, rows: extended, labels: extendedLabels, rowWeights: weights, random: &random)
        let all = Array(0..<features.count)
        for (a, b) in zip(warm.scores(features, rows: all), cold.scores(features, rows: all)) { #expect(abs(a - b) < 1e-6) }
    }
}
