import Foundation

/// The best known result for a reference week, from the table in the reference directory's BEST.md.
struct BestKnown: Sendable, Hashable {
    var score: Double
    var placed: Int?
    var provenOptimal: Bool
    /// The other solver's upper bound, when it did not prove optimality.
    var upperBound: Double?

    /// Reads every row of the first Markdown table whose header names a week and a best known
    /// score: file name (backticks removed) → result. Rows that cannot be read are skipped.
    static func parse(_ markdown: String) -> [String: BestKnown] {
        let lines = markdown.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("|") }
        guard let header = lines.first.map(cells) else { return [:] }
        func column(_ words: String) -> Int? { header.firstIndex { $0.lowercased().contains(words) } }
        guard let weekColumn = column("week"), let scoreColumn = column("best known") else { return [:] }
        let placedColumn = column("placed")
        let optimalColumn = column("optimal")
        var table: [String: BestKnown] = [:]
        for line in lines.dropFirst() {
            let row = cells(line)
            guard row.count == header.count, let score = number(row[scoreColumn]) else { continue }
            let week = row[weekColumn].replacingOccurrences(of: "`", with: "")
            let proven = optimalColumn.map { row[$0].lowercased().hasPrefix("yes") } ?? false
            let upper = optimalColumn.flatMap { upperBound(in: row[$0]) }
            table[week] = BestKnown(score: score, placed: placedColumn.flatMap { Int(row[$0]) }, provenOptimal: proven,
                                    upperBound: upper)
        }
        return table
    }

    private static func cells(_ line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    private static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""))
    }

    /// `no (upper bound 306043.75)` → 306043.75.
    private static func upperBound(in text: String) -> Double? {
        guard let range = text.range(of: "upper bound") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return number(String(rest.prefix { $0.isNumber || $0 == "." || $0 == "," }))
    }
}
