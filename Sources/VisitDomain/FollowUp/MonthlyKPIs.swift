/// One month's figures of the reception procedure, computed from `KPIFacts` alone. A share is
/// nil when there is nothing to count it over (no visits, no feedback, no task due).
public struct MonthlyKPIs: Sendable, Hashable, Codable {
    public var month: ReportMonth
    public var visitsReceived: Int
    /// Visits with the standard lead time, and urgent ones, as shares of those received.
    public var standardLeadShare: Double?
    public var urgentShare: Double?
    /// Reports of change events, and changes made by replans, per visit received.
    public var replansPerVisit: Double?
    public var changesPerVisit: Double?
    /// Over the visits with feedback: the average satisfaction (0-100) and the share scoring 90 or
    /// more (the procedure's "excellent").
    public var feedbackCount: Int
    public var averageSatisfaction: Double?
    public var excellentShare: Double?
    /// Feedback in within 24 hours of the visit's end, as a share of the visits received.
    public var feedbackOnTimeShare: Double?
    /// Visits signed or with a cooperation intent within 30 days of the visit, as a share of those received.
    public var conversions30: Int
    public var conversionShare: Double?
    /// Follow-up tasks due by the report's moment (not cancelled), and those done by their due time.
    public var followUpsDue: Int
    public var followUpsOnTime: Int
    public var followUpsOnTimeShare: Double?
    public var followUpsOverdue: Int
    public var incidents: Int
    public var complaints: Int
    /// Points the incidents cost the team (2-5 each).
    public var incidentPoints: Int
    public var cateringSpend: Double
    public var cateringBudget: Double
    public var hotelSpend: Double
    public var hotelBudget: Double
    public var roomUtilisation: Double?
    public var guideUtilisation: Double?
    public var hostUtilisation: Double?

    /// Days after the visit within which an outcome counts as a conversion.
    public static let conversionDays = 30
    /// "Excellent" satisfaction.
    public static let excellent = 90

    public init(_ facts: KPIFacts) {
        let visits = facts.visits
        let count = visits.count
        func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        month = facts.month
        visitsReceived = count
        standardLeadShare = share(visits.filter { $0.lead == .standard }.count, of: count)
        urgentShare = share(visits.filter { $0.lead == .urgent }.count, of: count)
        replansPerVisit = share(visits.reduce(0) { $0 + $1.replans }, of: count)
        changesPerVisit = share(visits.reduce(0) { $0 + $1.changes }, of: count)
        let scores = visits.compactMap { $0.file.feedback?.satisfaction }
        feedbackCount = scores.count
        averageSatisfaction = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        excellentShare = share(scores.filter { $0 >= Self.excellent }.count, of: scores.count)
        feedbackOnTimeShare = share(visits.filter { v in v.file.firstFeedbackAt.map { $0 <= v.end.adding(minutes: 1440) } ?? false }.count,
                                    of: count)
        conversions30 = visits.filter { v in
            guard let outcome = v.file.outcome, outcome.result != .closed else { return false }
            return outcome.date.dayNumber - v.start.date.dayNumber <= Self.conversionDays
        }.count
        conversionShare = share(conversions30, of: count)
        let tasks = visits.flatMap(\.followUp.tasks).filter { $0.state != .cancelled && ($0.state == .done || $0.state == .overdue) }
        followUpsDue = tasks.count
        followUpsOnTime = tasks.filter(\.doneOnTime).count
        followUpsOnTimeShare = share(followUpsOnTime, of: followUpsDue)
        followUpsOverdue = tasks.filter { $0.state == .overdue }.count
        let incidentList = visits.flatMap(\.file.incidents)
        incidents = incidentList.count
        complaints = incidentList.filter { $0.incident.kind == .complaint }.count
        incidentPoints = incidentList.reduce(0) { $0 + $1.incident.points }
        cateringSpend = visits.reduce(0) { $0 + $1.cateringCost }
        cateringBudget = visits.reduce(0) { $0 + $1.cateringBudget }
        hotelSpend = visits.reduce(0) { $0 + $1.hotelCost }
        hotelBudget = visits.reduce(0) { $0 + $1.hotelBudget }
        roomUtilisation = facts.rooms.share
        guideUtilisation = facts.guides.share
        hostUtilisation = facts.hosts.share
    }
}

/// A month's KPIs beside the month before, as the report shows them.
public struct MonthlyReport: Sendable, Hashable, Codable {
    public var current: MonthlyKPIs
    public var previous: MonthlyKPIs
    public init(current: KPIFacts, previous: KPIFacts) {
        self.current = MonthlyKPIs(current); self.previous = MonthlyKPIs(previous)
    }
}
