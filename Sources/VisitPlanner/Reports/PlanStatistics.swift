import VisitDomain

/// Figures a coordinator or planner reads off a plan: counts, money and how busy rooms, guides and
/// hosts are. Utilisation is booked minutes over available minutes on the horizon's working days.
public struct PlanStatistics: Sendable, Hashable, Codable {
    public var scheduled: Int
    public var unscheduled: Int
    public var urgent: Int
    public var cateringCost: Double
    public var weeklyBudget: Double?
    /// Meeting minutes (without turnover) over the rooms' open working minutes.
    public var roomUtilisation: Double
    /// Guide minutes over the guides' available minutes.
    public var guideUtilisation: Double
    /// Hosting minutes (with early arrival) over the hosts' available minutes.
    public var hostUtilisation: Double

    public init(scenario: Scenario, plan: Plan) {
        let scheduledVisits = plan.visits.filter(\.scheduled)
        scheduled = scheduledVisits.count
        unscheduled = plan.visits.count - scheduled
        urgent = scheduledVisits.filter { $0.urgent == true }.count
        let items = scheduledVisits.flatMap { $0.items ?? [] }
        cateringCost = items.compactMap(\.cost).reduce(0, +)
        weeklyBudget = scenario.policies.weeklyHospitalityBudget
        let days = scenario.workingDatesInHorizon
        let workingMinutes = days.reduce(0) { $0 + scenario.calendar.workingHours.on($1).minutes }
        let meetingMinutes = items.filter { $0.kind == .meeting }.reduce(0) { $0 + $1.interval.minutes }
        roomUtilisation = ratio(meetingMinutes, workingMinutes * scenario.rooms.count)
        func availableMinutes(_ role: StaffRole) -> Int {
            scenario.staff.filter { $0.has(role) }.reduce(0) { total, person in
                total + days.reduce(0) { sum, date in
                    sum + scenario.availabilityWindows(of: person, on: date).reduce(0) { $0 + $1.minutes }
                }
            }
        }
        let guideMinutes = items.reduce(0) { $0 + ($1.guides?.count ?? 0) * $1.interval.minutes }
        guideUtilisation = ratio(guideMinutes, availableMinutes(.guide))
        let early = scenario.policies.hostArrivesEarlyMinutes
        let hostMinutes = scheduledVisits.reduce(0) { total, v in
            guard let s = v.start, let e = v.end else { return total }
            return total + e.minutes - s.minutes + early
        }
        hostUtilisation = ratio(hostMinutes, availableMinutes(.host))
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
