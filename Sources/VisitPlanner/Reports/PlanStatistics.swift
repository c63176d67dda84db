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
        let use = PlanUse(scenario: scenario, plan: plan)
        roomUtilisation = ratio(use.rooms.busy, use.rooms.open)
        guideUtilisation = ratio(use.guides.busy, use.guides.open)
        hostUtilisation = ratio(use.hosts.busy, use.hosts.open)
    }
}

/// Booked and open minutes of rooms, guides and hosts, on the working days of the horizon that
/// `days` keeps (all by default; a month's KPIs keep the month's): open time as the bottleneck
/// report counts it (working hours without room closures; availability without leave).
public struct PlanUse: Sendable, Hashable {
    public var rooms: (busy: Int, open: Int)
    public var guides: (busy: Int, open: Int)
    public var hosts: (busy: Int, open: Int)

    public init(scenario: Scenario, plan: Plan, days: (LocalDate) -> Bool = { _ in true }) {
        let calendar = LoadCalendar(scenario: scenario)
        func minutes(_ windows: [Window]) -> Int {
            windows.filter { days(LocalDateTime(minutes: $0.start).date) }.reduce(0) { $0 + $1.minutes }
        }
        let visits = plan.visits.filter { $0.scheduled && $0.start.map { days($0.date) } == true }
        let items = visits.flatMap { $0.items ?? [] }
        let meetingMinutes = items.filter { $0.kind == .meeting }.reduce(0) { $0 + $1.interval.minutes }
        let roomMinutes = scenario.rooms.reduce(0) { $0 + minutes(calendar.open(calendar.workingHours, closed: $1.unavailable)) }
        rooms = (meetingMinutes, roomMinutes)
        func available(_ role: StaffRole) -> Int {
            scenario.staff.filter { $0.has(role) }.reduce(0) { $0 + minutes(calendar.open(calendar.availability(of: $1), closed: $1.unavailable)) }
        }
        guides = (items.reduce(0) { $0 + ($1.guides?.count ?? 0) * $1.interval.minutes }, available(.guide))
        let early = scenario.policies.hostArrivesEarlyMinutes
        let hosting = visits.reduce(0) { total, v in
            guard let s = v.start, let e = v.end else { return total }
            return total + e.minutes - s.minutes + early
        }
        hosts = (hosting, available(.host))
    }

    public static func == (a: Self, b: Self) -> Bool { a.rooms == b.rooms && a.guides == b.guides && a.hosts == b.hosts }
    public func hash(into hasher: inout Hasher) {
        for (x, y) in [rooms, guides, hosts] { hasher.combine(x); hasher.combine(y) }
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
