/// The quarterly review: each month's KPIs of the quarter side by side (the trend), and the cases
/// to discuss: the best conversions (signed or intent soonest after the visit) and every
/// complaint, with what was recorded.
public struct QuarterlyReview: Sendable, Hashable, Codable {
    /// A case to talk about in the review.
    public struct Case: Sendable, Hashable, Codable {
        public var scenarioId: String
        public var visitId: String
        public var client: String?
        /// The visit's day, or the complaint's (`2026-12-14`).
        public var date: String
        /// "signed 4 days after the visit", or the complaint.
        public var summary: String
    }

    /// `2026-Q4`.
    public var quarter: String
    public var months: [MonthlyKPIs]
    public var bestConversions: [Case]
    public var complaints: [Case]

    /// `facts`: the quarter's three months, oldest first.
    public init(quarter: String, facts: [KPIFacts], conversionsListed: Int = 5) {
        self.quarter = quarter
        months = facts.map(MonthlyKPIs.init)
        let visits = facts.flatMap(\.visits)
        bestConversions = visits.compactMap { visit -> (Int, Case)? in
            guard let outcome = visit.file.outcome, outcome.result != .closed else { return nil }
            let days = outcome.date.dayNumber - visit.start.date.dayNumber
            let what = outcome.result == .signed ? "signed" : "cooperation intent"
            return (days, Case(scenarioId: visit.scenarioId, visitId: visit.visitId, client: visit.client, date: visit.start.date.description,
                               summary: "\(what) \(days) day\(days == 1 ? "" : "s") after the visit" + (outcome.note.map { ": \($0)" } ?? "")))
        }
        .sorted { ($0.0, $0.1.date, $0.1.visitId) < ($1.0, $1.1.date, $1.1.visitId) }
        .prefix(conversionsListed).map(\.1)
        complaints = visits.flatMap { visit in
            visit.file.incidents.filter { $0.incident.kind == .complaint }.map { entry in
                Case(scenarioId: visit.scenarioId, visitId: visit.visitId, client: visit.client, date: entry.at.date.description,
                     summary: "\(entry.incident.severity.rawValue) complaint (\(entry.incident.points) points): \(entry.incident.description)")
            }
        }
        .sorted { ($0.date, $0.visitId) < ($1.date, $1.visitId) }
    }

    /// `2026-Q4` for a month of that quarter, and the quarter's months.
    public static func quarter(of month: ReportMonth) -> (name: String, months: [ReportMonth]) {
        let first = ReportMonth(year: month.year, month: (month.month - 1) / 3 * 3 + 1)!
        return ("\(month.year)-Q\((month.month - 1) / 3 + 1)", [first, first.next, first.next.next])
    }

    /// The review as plain text.
    public func text() -> String {
        var lines = ["Quarterly review \(quarter)", ""]
        let names = ["Visits received", "Average satisfaction", "Excellent (90 or more)", "Converted within 30 days",
                     "Follow-ups done on time", "Incident points"]
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded())) %" } ?? "-" }
        func number(_ value: Double?) -> String { value.map { String(Double(Int($0 * 10)) / 10) } ?? "-" }
        let columns: [[String]] = months.map { m in
            [String(m.visitsReceived), number(m.averageSatisfaction), percent(m.excellentShare), percent(m.conversionShare),
             percent(m.followUpsOnTimeShare), String(m.incidentPoints)]
        }
        lines.append("figure".padding(toLength: 26, withPad: " ", startingAt: 0) + months.map { $0.month.description.leftPadded(10) }.joined())
        for (row, name) in names.enumerated() {
            lines.append(name.padding(toLength: 26, withPad: " ", startingAt: 0) + columns.map { $0[row].leftPadded(10) }.joined())
        }
        lines += ["", "Best conversions:"]
        lines += bestConversions.isEmpty ? ["  none"] : bestConversions.map { "  \($0.date) \($0.visitId) \($0.client ?? ""): \($0.summary)" }
        lines += ["", "Complaints:"]
        lines += complaints.isEmpty ? ["  none"] : complaints.map { "  \($0.date) \($0.visitId) \($0.client ?? ""): \($0.summary)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
