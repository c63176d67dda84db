import VisitDomain

/// How much notice a visit request has (FORMAT.md rule 3), as its submitter reads it: standard,
/// urgent (allowed, and the plan marks the visit urgent) or too late, at the earliest start its
/// window and `now` allow; and, for an urgent request, from when on it would have standard notice.
public struct LeadTimeAssessment: Sendable, Hashable, Encodable {
    /// The lead-time class at `earliestStart`; `tooLate` when no start in the window has enough notice.
    public var leadTime: LeadTimeClass
    /// The first start on the slot grid, inside the window and not before `now`, that the lead
    /// time allows (nil when none does).
    public var earliestStart: LocalDateTime?
    /// The first such start with standard notice (nil when none has it).
    public var standardFrom: LocalDateTime?
    /// Working days of notice at the earliest start in the window (or `now`, if later).
    public var workingDaysOfNotice: Int
    /// Hours between the request and that start.
    public var hoursOfNotice: Double
    public var standardWorkingDays: Int
    public var urgentHours: Int

    public init(scenario: Scenario, visit: Visit) {
        let slot = max(1, scenario.calendar.slotMinutes)
        let first = max(visit.window.start.minutes, scenario.now.minutes)
        let from = (first + slot - 1) / slot * slot
        var earliest: LocalDateTime?
        var standard: LocalDateTime?
        var minute = from
        while minute < visit.window.end.minutes, standard == nil {
            let start = LocalDateTime(minutes: minute)
            switch scenario.leadTime(of: visit, startingAt: start) {
            case .standard:
                standard = start
                if earliest == nil { earliest = start }
            case .urgent:
                if earliest == nil { earliest = start }
            case .tooLate:
                break
            }
            minute += slot
        }
        let opening = LocalDateTime(minutes: from)
        earliestStart = earliest
        standardFrom = standard
        leadTime = earliest.map { scenario.leadTime(of: visit, startingAt: $0) } ?? .tooLate
        workingDaysOfNotice = scenario.workingDaysOfNotice(requestedAt: visit.requestedAt, startDate: opening.date)
        hoursOfNotice = Double(opening.minutes - visit.requestedAt.minutes) / 60
        standardWorkingDays = scenario.policies.standardLeadWorkingDays
        urgentHours = scenario.policies.urgentLeadHours
    }

    /// One line: "urgent (1 working day of notice; 3 needed for standard), standard from 2026-12-10T08:30".
    public var summary: String {
        let days = workingDaysOfNotice == 1 ? "1 working day" : "\(workingDaysOfNotice) working days"
        switch leadTime {
        case .standard:
            return "standard (\(days) of notice; \(standardWorkingDays) needed)"
        case .urgent:
            let later = standardFrom.map { ", standard from \($0)" } ?? ", never standard inside its window"
            return "urgent (\(days) of notice; \(standardWorkingDays) needed for standard, \(urgentHours) h for urgent)\(later)"
        case .tooLate:
            return "too late: no start in its window has \(urgentHours) h of notice (an urgent visit's minimum) or "
                + "\(standardWorkingDays) working days (\(ScoreText.format(hoursOfNotice)) h at its earliest start)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case leadTime, earliestStart, standardFrom, workingDaysOfNotice, hoursOfNotice, standardWorkingDays, urgentHours
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(leadTime.name, forKey: .leadTime)
        try c.encodeIfPresent(earliestStart, forKey: .earliestStart)
        try c.encodeIfPresent(standardFrom, forKey: .standardFrom)
        try c.encode(workingDaysOfNotice, forKey: .workingDaysOfNotice)
        try c.encode(hoursOfNotice.rounded(toPlaces: 2), forKey: .hoursOfNotice)
        try c.encode(standardWorkingDays, forKey: .standardWorkingDays)
        try c.encode(urgentHours, forKey: .urgentHours)
    }
}

extension LeadTimeClass {
    /// The class as the options JSON names it: `standard`, `urgent`, `tooLate`.
    public var name: String {
        switch self {
        case .standard: "standard"
        case .urgent: "urgent"
        case .tooLate: "tooLate"
        }
    }
}
