import Foundation
import RealModule
import Testing

/// Loads the R-generated reference files in `Fixtures/` (see `scripts/reference/*.R`).
enum Fixture {
    static func url(_ name: String, _ ext: String) -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures") else {
            fatalError("missing fixture \(name).\(ext); run scripts/reference/*.R")
        }
        return url
    }

    /// A CSV file as header-keyed rows (RFC 4180 quoting).
    static func csv(_ name: String) -> [[String: String]] {
        let text = loading(name) { try String(contentsOf: url(name, "csv"), encoding: .utf8) }
        var records: [[String]] = []
        var field = "", record: [String] = [], inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        let header = records[0]
        return records.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// A JSON fixture decoded as a plain object tree.
    static func json(_ name: String) -> Any {
        loading(name) { try JSONSerialization.jsonObject(with: Data(contentsOf: url(name, "json"))) }
    }

    private static func loading<T>(_ name: String, _ read: () throws -> T) -> T {
        do {
            return try read()
        } catch {
            fatalError("cannot read fixture \(name): \(error)")
        }
    }
}

/// A value every fixture of its kind has; a fixture without it was not written by our R scripts.
func required<T>(_ value: T?, _ what: @autoclosure () -> String) -> T {
    guard let value else { fatalError("fixture lacks \(what())") }
    return value
}

/// The house comparison: relative or absolute 1e-6, whichever is looser.
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    if a.isNaN && b.isNaN { return true }
    if a.isInfinite || b.isInfinite { return a == b }
    return a.isApproximatelyEqual(to: b, absoluteTolerance: tolerance, relativeTolerance: tolerance)
}

/// Expect `actual` to match an R value (nil/NA in R means "undefined": NaN or nil here).
func expectClose(
    _ actual: Double?, _ expected: Double?, _ what: @autoclosure () -> String,
    tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation
) {
    switch (actual, expected) {
    case (nil, nil): return
    case let (a?, nil): #expect(a.isNaN, "\(what()): expected NA, got \(a)", sourceLocation: sourceLocation)
    case let (nil, e?): #expect(e.isNaN, "\(what()): expected \(e), got nil", sourceLocation: sourceLocation)
    case let (a?, e?):
        #expect(close(a, e, tolerance: tolerance), "\(what()): expected \(e), got \(a)", sourceLocation: sourceLocation)
    }
}
