/// The stored facts one month's KPIs are computed from, gathered per visit by the caller (the
/// server from its store, a test by hand): the KPI module computes, it never looks anything up.
public struct KPIFacts: Sendable {
    /// One visit received (scheduled in its week's current plan) in the month.
    public struct Visit: Sendable {
        public var scenarioId: String
        public var visitId: String
        public var client: String?
        public var start: LocalDateTime
        public var end: LocalDateTime
        /// Standard or urgent notice (rule 3).
        public var lead: LeadTimeClass
        /// Reports of change events that touched the visit, and changes made to it by replans.
        public var replans: Int
        public var changes: Int
        public var file: VisitFile
        public var followUp: FollowUpPlan
        /// Catering and hotel spend of the visit, and what its budgets allowed.
        public var cateringCost: Double
        public var cateringBudget: Double
        public var hotelCost: Double
        public var hotelBudget: Double

        public init(scenarioId: String, visitId: String, client: String?, start: LocalDateTime, end: LocalDateTime, lead: LeadTimeClass,
                    replans: Int = 0, changes: Int = 0, file: VisitFile, followUp: FollowUpPlan, cateringCost: Double = 0,
                    cateringBudget: Double = 0, hotelCost: Double = 0, hotelBudget: Double = 0) {
            self.scenarioId = scenarioId; self.visitId = visitId; self.client = client; self.start = start; self.end = end
            self.lead = lead; self.replans = replans; self.changes = changes; self.file = file; self.followUp = followUp
            self.cateringCost = cateringCost; self.cateringBudget = cateringBudget; self.hotelCost = hotelCost
            self.hotelBudget = hotelBudget
        }
    }

    /// Booked minutes against available minutes of one kind of resource over the month.
    public struct Use: Sendable, Hashable, Codable {
        public var busyMinutes: Int
        public var availableMinutes: Int
        public init(busyMinutes: Int = 0, availableMinutes: Int = 0) { self.busyMinutes = busyMinutes; self.availableMinutes = availableMinutes }
        public var share: Double? { availableMinutes > 0 ? Double(busyMinutes) / Double(availableMinutes) : nil }
        public static func + (a: Use, b: Use) -> Use {
            Use(busyMinutes: a.busyMinutes + b.busyMinutes, availableMinutes: a.availableMinutes + b.availableMinutes)
        }
    }

    public var month: ReportMonth
    public var visits: [Visit]
    public var rooms: Use
    public var guides: Use
    public var hosts: Use

    public init(month: ReportMonth, visits: [Visit], rooms: Use = Use(), guides: Use = Use(), hosts: Use = Use()) {
        self.month = month; self.visits = visits; self.rooms = rooms; self.guides = guides; self.hosts = hosts
    }
}
