/// Deterministic, locale-free number formatting for figures and report text.
///
/// Every number a figure prints or places goes through here, so the same input always gives the
/// same bytes: fixed decimals, half away from zero, "." as the decimal mark, and never "-0.00".
///
/// For example:
///
///     SVGFormat.fixed(-0.0004, decimals: 2)   // "0.00"
///     SVGFormat.coordinate(12.50)             // "12.5"
///     SVGFormat.pValue(0.0004)                // "< 0.001"
public enum SVGFormat {
    /// The value with exactly `decimals` digits after the point; non-finite values print as "NA".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "NA" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let divisor = Int64(scale)
        let whole = units / divisor
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// A count with thousands separated by commas: "13,201".
    public static func grouped(_ value: Int) -> String {
        var digits = Array(String(value.magnitude))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return (value < 0 ? "-" : "") + String(digits)
    }

    /// An SVG coordinate: at most two decimals, trailing zeros dropped ("12.5", "40", "-3.25").
    public static func coordinate(_ value: Double) -> String {
        var text = fixed(value, decimals: 2)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// An effect size for a table cell: two decimals, or fewer for large values, more for tiny ones.
    public static func effect(_ value: Double) -> String {
        fixed(value, decimals: effectDecimals(value))
    }

    /// An estimate with its interval in RevMan's style, all three at the estimate's precision:
    /// "0.85 [0.60, 1.21]", "250 [40, 9000]"; "Not estimable" when the estimate is not finite.
    public static func interval(_ estimate: Double, _ lower: Double, _ upper: Double) -> String {
        guard estimate.isFinite else { return "Not estimable" }
        let decimals = effectDecimals(estimate)
        return "\(fixed(estimate, decimals: decimals)) [\(fixed(lower, decimals: decimals)), \(fixed(upper, decimals: decimals))]"
    }

    static func effectDecimals(_ value: Double) -> Int {
        let size = abs(value)
        if size >= 100 { return 0 }
        if size >= 10 { return 1 }
        if size != 0, size < 0.01 { return 3 }
        return 2
    }

    /// A p-value: three decimals, or "< 0.001"; used as "p = 0.092" or "p < 0.001".
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "= NA" }
        if p < 0.001 { return "< 0.001" }
        return "= " + fixed(min(p, 1), decimals: 3)
    }

    /// A percentage with one decimal and a trailing "%": "24.8%".
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        fixed(value, decimals: decimals) + "%"
    }

    /// An axis tick label: the shortest of 0–3 decimals that shows the value exactly enough.
    public static func tick(_ value: Double) -> String {
        for decimals in 0...3 {
            let text = fixed(value, decimals: decimals)
            if let parsed = Double(text), abs(parsed - value) <= abs(value) * 1e-9 + 1e-12 { return text }
        }
        return fixed(value, decimals: 3)
    }
}
