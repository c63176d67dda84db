import VisitDomain

/// Figures a coordinator or planner reads off a plan: counts, money and how busy rooms, guides and
/// hosts are. Utilisation is booked minutes over open minutes on the horizon's working days
/// (closures and leave taken out).
public struct PlanStatistics: Sendable, Hashable, Codable {
    public var scheduled: Int
    public var unscheduled: Int
    public var urgent: Int
    public var cateringCost: Double
    public var weeklyBudget: Double?
    /// Meeting minutes (without turnover) over the rooms' open working minutes (closures taken out).
    public var roomUtilisation: Double
    /// Guide minutes over the guides' available minutes (leave taken out).
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
        // Open time as the bottleneck report counts it (`LoadCalendar`): working hours without
        // room closures; availability without leave.
        let calendar = LoadCalendar(scenario: scenario)
        let meetingMinutes = items.filter { $0.kind == .meeting }.reduce(0) { $0 + $1.interval.minutes }
        let roomMinutes = scenario.rooms.reduce(0) { total, room in
            total + calendar.open(calendar.workingHours, closed: room.unavailable).reduce(0) { $0 + $1.minutes }
        }
        roomUtilisation = ratio(meetingMinutes, roomMinutes)
        func availableMinutes(_ role: StaffRole) -> Int {
            scenario.staff.filter { $0.has(role) }.reduce(0) { total, person in
                total + calendar.open(calendar.availability(of: person), closed: person.unavailable).reduce(0) { $0 + $1.minutes }
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
