/// A calendar month (`2026-12`), the period of the KPI report.
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard InputLimits.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    /// The first day of the next month.
    public var next: ReportMonth { month == 12 ? ReportMonth(year: year + 1, month: 1)! : ReportMonth(year: year, month: month + 1)! }
    public var previous: ReportMonth { month == 1 ? ReportMonth(year: year - 1, month: 12)! : ReportMonth(year: year, month: month - 1)! }
    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date < next.firstDay }
    /// The month's working days.
    public func days() -> [LocalDate] { (firstDay.dayNumber..<next.firstDay.dayNumber).map(LocalDate.init(dayNumber:)) }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ReportMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
