/// The classifier that ranks records.
package enum RankingClassifier: String, CaseIterable, Sendable {
    /// L2-loss linear SVM (ASReview's default, "ELAS u4").
    case svm
    /// L2-regularised logistic regression.
    case logistic
}

/// The model's settings. The defaults are ASReview LAB 2's default model ("ELAS u4": linear SVM,
/// `C = 0.11`, balanced sample weights with ratio 9.8), chosen by its authors on the SYNERGY
/// collection of 26 labelled reviews — not by tuning on any data set here.
///
/// Source: ASReview `asreview/models/models.py` (`AI_MODEL_CONFIGURATIONS`); De Bruin et al. (2023),
/// SYNERGY, doi:10.34894/HE6NAQ.
package struct RankingSettings: Equatable, Sendable {
    package var features = TextFeatureSettings()
    package var classifier = RankingClassifier.svm
    /// The SVM's `C`: how far the fit may bend to each label against the penalty on large weights.
    package var svmCost = 0.11
    /// Logistic regression's `C` (scikit-learn's and so ASReview's default for it: 1.0).
    package var logisticCost = 1.0
    /// Includes weigh `ratio` times as much, in total, as excludes.
    package var balanceRatio = 9.8

    package init() {}
}

/// A ranking model over a fixed set of records: trained on some of them, it orders the rest by how
/// likely each is to be included.
///
/// It keeps its last fit, so each refit after one more decision starts from there (warm start);
/// a fit depends only on the labels, their order in `labels`, the seed, and the fits before it.
///
/// For example:
///
/// ```swift
/// var model = ScreeningModel(features: TextFeatures(texts: texts), seed: 1)
/// let next = model.ranked(labels: [(row: 4, include: true), (row: 9, include: false)]).first
/// ```
package struct ScreeningModel {
    package let features: TextFeatures
    package let settings: RankingSettings
    private var random: RandomSource
    private var svm: LinearSVM
    private var logistic: LogisticRegression

    package init(features: TextFeatures, settings: RankingSettings = RankingSettings(), seed: UInt64) {
        self.features = features
        self.settings = settings
        random = RandomSource(seed: seed)
        // Weights (a vector over the shared terms) for the classifier in use only.
        let terms = { (classifier: RankingClassifier) in settings.classifier == classifier ? features.sharedTermCount : 0 }
        svm = LinearSVM(termCount: terms(.svm), cost: settings.svmCost)
        logistic = LogisticRegression(termCount: terms(.logistic), cost: settings.logisticCost)
    }

    /// Whether `labels` hold both an include and an exclude, which a classifier needs.
    package static func canRank(_ labels: [(row: Int, include: Bool)]) -> Bool {
        labels.contains { $0.include } && labels.contains { !$0.include }
    }

    /// Fits on `labels` and returns each record's score (higher = more likely an include).
    ///
    /// - Precondition: `canRank(labels)`.
    package mutating func scores(labels: [(row: Int, include: Bool)]) -> [Double] {
        fit(labels: labels)
        return scores(of: Array(0..<features.count))
    }

    /// Fits on `labels` (warm-started from the last fit): each later `scores(of:)` reads this fit.
    ///
    /// - Precondition: `canRank(labels)`.
    package mutating func fit(labels: [(row: Int, include: Bool)]) {
        precondition(Self.canRank(labels), "a ranking needs at least one include and one exclude")
        let rows = labels.map(\.row)
        let includes = labels.map(\.include)
        let weights = Self.balancedWeights(includes, ratio: settings.balanceRatio)
        switch settings.classifier {
        case .svm: svm.fit(features, rows: rows, labels: includes, rowWeights: weights, random: &random)
        case .logistic: logistic.fit(features, rows: rows, labels: includes, rowWeights: weights, random: &random)
        }
    }

    /// The last fit's score of each of `rows`, in that order (higher = more likely an include);
    /// scoring only the records still to rank is what keeps a step cheap.
    package func scores(of rows: [Int]) -> [Double] {
        switch settings.classifier {
        case .svm: svm.scores(features, rows: rows)
        case .logistic: logistic.scores(features, rows: rows)
        }
    }

    /// Passes the classifier made over its training rows, all fits together.
    package var passes: Int { settings.classifier == .svm ? svm.passes : 0 }

    /// Every unlabelled record, most likely include first (ties in record order).
    package mutating func ranked(labels: [(row: Int, include: Bool)]) -> [Int] {
        fit(labels: labels)
        var labelled = [Bool](repeating: false, count: features.count)
        for label in labels { labelled[label.row] = true }
        return Self.order((0..<features.count).filter { !labelled[$0] }, by: self)
    }

    /// `rows` most likely include first by the last fit, ties to the lower row.
    package static func order(_ rows: [Int], by model: ScreeningModel) -> [Int] {
        let score = model.scores(of: rows)
        return rows.indices.sorted { score[$0] > score[$1] || (score[$0] == score[$1] && rows[$0] < rows[$1]) }
            .map { rows[$0] }
    }

    /// ASReview's "balanced" sample weights: each include 1 and each exclude
    /// `n_include / (ratio · n_exclude)`, rescaled to sum to the number of labels.
    ///
    /// Source: ASReview `asreview/models/balancers.py` (`Balanced.compute_sample_weight`).
    static func balancedWeights(_ includes: [Bool], ratio: Double) -> [Double] {
        let n1 = Double(includes.count { $0 })
        let n0 = Double(includes.count - includes.count { $0 })
        let excludeWeight = n1 / (ratio * n0)
        let total = n1 + n0 * excludeWeight
        let scale = Double(includes.count) / total
        return includes.map { ($0 ? 1 : excludeWeight) * scale }
    }
}
