/// Drawing helpers shared by the forest, cumulative forest and funnel plots.
///
/// They draw on an `EffectAxis`: interval whiskers that end in an arrow where they run off the
/// axis, summary diamonds, the axis itself with tick labels, and the "Favours …" captions.
///
/// Source: RevMan 5 forest plot conventions (Cochrane Collaboration, 2020).
extension SVGDocument {
    /// A confidence-interval whisker at height `y`, with arrowheads where it is clamped.
    mutating func intervalWhisker(_ axis: EffectAxis, lower: Double, upper: Double, y: Double, colour: String = "#000000") {
        guard lower.isFinite, upper.isFinite else { return }
        let x1 = axis.clampedX(lower), x2 = axis.clampedX(upper)
        line(x1: x1, y1: y, x2: x2, y2: y, stroke: colour, strokeWidth: 1, className: "ci")
        if !axis.contains(lower) {
            polyline(
                [(x1, y), (x1 + 6, y - 3.5), (x1 + 6, y + 3.5)], closed: true, fill: colour, stroke: nil, className: "ci-arrow")
        }
        if !axis.contains(upper) {
            polyline(
                [(x2, y), (x2 - 6, y - 3.5), (x2 - 6, y + 3.5)], closed: true, fill: colour, stroke: nil, className: "ci-arrow")
        }
    }

    /// A summary diamond spanning the interval, centred on the estimate, `halfHeight` tall each way.
    mutating func diamond(
        _ axis: EffectAxis, estimate: Double, lower: Double, upper: Double, y: Double,
        halfHeight: Double = 6, fill: String = "#000000", className: String
    ) {
        let xl = axis.clampedX(lower), xe = axis.clampedX(estimate), xu = axis.clampedX(upper)
        polyline(
            [(xl, y), (xe, y - halfHeight), (xu, y), (xe, y + halfHeight)], closed: true, fill: fill,
            stroke: "#000000", strokeWidth: 0.75, className: className)
    }

    /// The axis line at `y` with ticks and labels; returns the y just below the labels.
    @discardableResult
    mutating func effectAxis(_ axis: EffectAxis, y: Double, fontSize: Double = 11) -> Double {
        line(x1: axis.left, y1: y, x2: axis.right, y2: y, stroke: "#000000", className: "axis")
        for tick in axis.ticks {
            let x = axis.x(tick)
            line(x1: x, y1: y, x2: x, y2: y + 4, stroke: "#000000")
            text(SVGFormat.tick(tick), x: x, y: y + 6 + fontSize, size: fontSize, anchor: .middle, className: "tick-label")
        }
        return y + 8 + fontSize
    }

    /// "Favours …" captions either side of the null line, the side following `direction`.
    mutating func favoursLabels(
        _ axis: EffectAxis, null: Double, direction: EffectDirection,
        treatment: String, control: String, y: Double, fontSize: Double = 11
    ) {
        guard direction != .unstated else { return }
        let x = axis.x(null)
        let lowerSide = SVGDocument.inSentence(direction == .lowerFavoursTreatment ? treatment : control)
        let upperSide = SVGDocument.inSentence(direction == .lowerFavoursTreatment ? control : treatment)
        text("Favours \(lowerSide)", x: x - 8, y: y, size: fontSize, anchor: .end, className: "favours-left")
        text("Favours \(upperSide)", x: x + 8, y: y, size: fontSize, anchor: .start, className: "favours-right")
    }

    /// An arm name as it reads after "Favours": "Stem cells" → "stem cells", but "CBT" stays "CBT".
    static func inSentence(_ name: String) -> String {
        let characters = Array(name)
        guard let first = characters.first, first.isUppercase else { return name }
        if characters.count > 1, characters[1].isUppercase || characters[1].isNumber { return name }
        return first.lowercased() + String(characters.dropFirst())
    }

    /// Width needed either side of the null line for the favours captions.
    static func favoursWidth(treatment: String, control: String, fontSize: Double = 11) -> Double {
        max(TextMetrics.width("Favours \(treatment)", size: fontSize), TextMetrics.width("Favours \(control)", size: fontSize))
            + 8
    }
}
