import Foundation

/// The KPI report's rows: each figure's name, its value this month and last, as text, and the
/// change; shared by the text and HTML reports so both say the same thing.
public struct KPIRow: Sendable, Hashable {
    public var name: String
    public var current: String
    public var previous: String
    public var change: String
    /// The current and previous values as numbers (for the charts), nil when there are none.
    public var values: (current: Double?, previous: Double?)
    /// A share (0-1, charted as a percentage) or a count or amount.
    public var isShare: Bool

    public static func == (a: Self, b: Self) -> Bool { (a.name, a.current, a.previous, a.change) == (b.name, b.current, b.previous, b.change) }
    public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(current); hasher.combine(previous) }

    /// The rows of `report`; `costs`: include spend and budgets (never for hosts).
    public static func rows(_ report: MonthlyReport, costs: Bool = true) -> [KPIRow] {
        let (c, p) = (report.current, report.previous)
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "-" }
        func number(_ value: Double?, _ digits: Int = 1) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "-" }
        func share(_ name: String, _ a: Double?, _ b: Double?) -> KPIRow {
            let change = a.flatMap { a in b.map { String(format: "%+.0f pts", (a - $0) * 100) } } ?? "-"
            return KPIRow(name: name, current: percent(a), previous: percent(b), change: change, values: (a, b), isShare: true)
        }
        func count(_ name: String, _ a: Double?, _ b: Double?, digits: Int = 0) -> KPIRow {
            let change = a.flatMap { a in b.map { String(format: "%+.\(digits)f", a - $0) } } ?? "-"
            return KPIRow(name: name, current: number(a, digits), previous: number(b, digits), change: change, values: (a, b), isShare: false)
        }
        var rows = [
            count("Visits received", Double(c.visitsReceived), Double(p.visitsReceived)),
            share("Standard lead time", c.standardLeadShare, p.standardLeadShare),
            share("Urgent", c.urgentShare, p.urgentShare),
            count("Replans per visit", c.replansPerVisit, p.replansPerVisit, digits: 2),
            count("Changes per visit", c.changesPerVisit, p.changesPerVisit, digits: 2),
            count("Average satisfaction (0-100)", c.averageSatisfaction, p.averageSatisfaction, digits: 1),
            share("Excellent (90 or more)", c.excellentShare, p.excellentShare),
            share("Feedback within 24 h", c.feedbackOnTimeShare, p.feedbackOnTimeShare),
            share("Converted within 30 days", c.conversionShare, p.conversionShare),
            share("Follow-ups done on time", c.followUpsOnTimeShare, p.followUpsOnTimeShare),
            count("Follow-ups overdue", Double(c.followUpsOverdue), Double(p.followUpsOverdue)),
            count("Incidents", Double(c.incidents), Double(p.incidents)),
            count("Incident points deducted", Double(c.incidentPoints), Double(p.incidentPoints)),
        ]
        if costs {
            rows += [
                count("Catering spend", c.cateringSpend, p.cateringSpend, digits: 2),
                share("Catering spend of budget", c.cateringBudget > 0 ? c.cateringSpend / c.cateringBudget : nil,
                      p.cateringBudget > 0 ? p.cateringSpend / p.cateringBudget : nil),
                count("Hotel spend", c.hotelSpend, p.hotelSpend, digits: 2),
                share("Hotel spend of budget", c.hotelBudget > 0 ? c.hotelSpend / c.hotelBudget : nil,
                      p.hotelBudget > 0 ? p.hotelSpend / p.hotelBudget : nil),
            ]
        }
        rows += [
            share("Room utilisation", c.roomUtilisation, p.roomUtilisation),
            share("Guide utilisation", c.guideUtilisation, p.guideUtilisation),
            share("Host utilisation", c.hostUtilisation, p.hostUtilisation),
        ]
        return rows
    }
}

/// The monthly report as plain text: one line per figure, this month, last month and the change.
public enum MonthlyReportText {
    public static func render(_ report: MonthlyReport, costs: Bool = true) -> String {
        let rows = KPIRow.rows(report, costs: costs)
        let width = rows.map(\.name.count).max() ?? 10
        func pad(_ text: String, _ n: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, n - text.count))
            return left ? text + space : space + text
        }
        var lines = ["Reception KPIs for \(report.current.month) (against \(report.previous.month))", ""]
        lines.append(pad("figure", width, left: true) + "  " + pad(report.current.month.description, 10) + "  "
                     + pad(report.previous.month.description, 10) + "  " + pad("change", 10))
        for row in rows {
            lines.append(pad(row.name, width, left: true) + "  " + pad(row.current, 10) + "  " + pad(row.previous, 10) + "  " + pad(row.change, 10))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
