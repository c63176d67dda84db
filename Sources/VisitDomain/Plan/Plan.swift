/// The planner's answer for one scenario (FORMAT.md "Plan"): for each visit, scheduled with its
/// times and resources, or unscheduled with reasons. Encodes to and decodes from the plan JSON.
public struct Plan: Sendable, Hashable, Codable {
    public var scenario: String
    public var status: PlanStatus
    public var score: Double
    public var bound: Double
    public var solveSeconds: Double
    public var visits: [PlannedVisit]
    public var totals: PlanTotals
    /// Only on plans made by replanning.
    public var changes: [PlanChange]?
    public var notify: [Notification]?

    public init(scenario: String, status: PlanStatus, score: Double, bound: Double, solveSeconds: Double,
                visits: [PlannedVisit], totals: PlanTotals, changes: [PlanChange]? = nil, notify: [Notification]? = nil) {
        self.scenario = scenario; self.status = status; self.score = score; self.bound = bound
        self.solveSeconds = solveSeconds; self.visits = visits; self.totals = totals
        self.changes = changes; self.notify = notify
    }

    public func visit(_ id: String) -> PlannedVisit? { visits.first { $0.id == id } }
}

/// How the solve ended.
public enum PlanStatus: String, Sendable, Hashable, Codable {
    /// Proven best (within the requested gap).
    case optimal
    /// Valid, but the solver stopped at a limit before proving it best.
    case feasible
    case infeasible
    case error
}

/// One visit in a plan.
public struct PlannedVisit: Sendable, Hashable, Codable {
    public var id: String
    public var scheduled: Bool
    /// Present on scheduled visits.
    public var urgent: Bool?
    public var host: String?
    public var start: LocalDateTime?
    public var end: LocalDateTime?
    public var items: [PlannedItem]?
    /// The hotel rooms of a scheduled visit with a stay (beyond FORMAT.md; absent otherwise).
    public var booking: HotelBooking?
    /// Present on unscheduled visits.
    public var reasons: [String]?
    /// The same reasons as facts (beyond FORMAT.md; optional on input): one per sentence of `reasons`.
    public var reasonDetails: [UnscheduledReason]?

    public init(id: String, scheduled: Bool, urgent: Bool? = nil, host: String? = nil, start: LocalDateTime? = nil,
                end: LocalDateTime? = nil, items: [PlannedItem]? = nil, reasons: [String]? = nil,
                reasonDetails: [UnscheduledReason]? = nil) {
        self.id = id; self.scheduled = scheduled; self.urgent = urgent; self.host = host; self.start = start
        self.end = end; self.items = items; self.reasons = reasons; self.reasonDetails = reasonDetails
    }

    public static func unscheduled(_ id: String, reasons: [String]) -> PlannedVisit {
        PlannedVisit(id: id, scheduled: false, reasons: reasons)
    }

    /// An unscheduled visit whose sentences are rendered from `details`.
    public static func unscheduled(_ id: String, details: [UnscheduledReason]) -> PlannedVisit {
        PlannedVisit(id: id, scheduled: false, reasons: details.map { $0.sentence() }, reasonDetails: details)
    }
}

/// The rooms booked for a scheduled visit's stay: one hotel and room type for every night.
public struct HotelBooking: Sendable, Hashable, Codable {
    public var hotel: String
    public var roomType: String
    /// The nights, by the date of their evening, in order.
    public var nights: [LocalDate]
    public var rooms: Int
    /// The hotel's price per room and night (always in a plan the planner makes; taken out for a host).
    public var pricePerNight: Double?

    public init(hotel: String, roomType: String, nights: [LocalDate], rooms: Int, pricePerNight: Double?) {
        self.hotel = hotel; self.roomType = roomType; self.nights = nights; self.rooms = rooms; self.pricePerNight = pricePerNight
    }
}

/// One agenda item as planned. `agendaIndex` is its index in the scenario's agenda (it differs from
/// the position in `items` only after a replan cancelled an earlier item).
public struct PlannedItem: Sendable, Hashable, Codable {
    public var kind: AgendaKind
    public var agendaIndex: Int?
    public var start: LocalDateTime
    public var end: LocalDateTime
    // meeting
    public var room: String?
    public var technical: [String]?
    public var sales: [String]?
    // tour
    public var route: String?
    public var guides: [String]?
    // meal
    public var caterer: String?
    public var pricePerHead: Double?
    public var diners: Int?
    public var cost: Double?

    public init(kind: AgendaKind, agendaIndex: Int? = nil, start: LocalDateTime, end: LocalDateTime, room: String? = nil,
                technical: [String]? = nil, sales: [String]? = nil, route: String? = nil, guides: [String]? = nil,
                caterer: String? = nil, pricePerHead: Double? = nil, diners: Int? = nil, cost: Double? = nil) {
        self.kind = kind; self.agendaIndex = agendaIndex; self.start = start; self.end = end; self.room = room
        self.technical = technical; self.sales = sales; self.route = route; self.guides = guides
        self.caterer = caterer; self.pricePerHead = pricePerHead; self.diners = diners; self.cost = cost
    }

    public var interval: TimeInterval { TimeInterval(start: start, end: end) }
    /// Everyone on duty at this item besides the host.
    public var people: [String] { (technical ?? []) + (sales ?? []) + (guides ?? []) }
}

/// Counts and money over the whole plan.
public struct PlanTotals: Sendable, Hashable, Codable {
    public var scheduled: Int
    public var unscheduled: Int
    public var cateringCost: Double
    public init(scheduled: Int, unscheduled: Int, cateringCost: Double) {
        self.scheduled = scheduled; self.unscheduled = unscheduled; self.cateringCost = cateringCost
    }
}

/// One difference between a replanned plan and the plan it replaces.
public struct PlanChange: Sendable, Hashable, Codable {
    public var visit: String
    public var item: Int?
    public var what: String
    public var from: String?
    public var to: String?
    /// True when the event itself demanded this change (the shifted visit's own times, the
    /// cancelled item): not counted as disruption in reports.
    public var forcedByEvent: Bool?
    public init(visit: String, item: Int?, what: String, from: String?, to: String?, forcedByEvent: Bool? = nil) {
        self.visit = visit; self.item = item; self.what = what; self.from = from; self.to = to
        self.forcedByEvent = forcedByEvent
    }
}

/// A message for someone whose duties moved, appeared or vanished, or for a client contact.
public struct Notification: Sendable, Hashable, Codable {
    public var person: String
    public var message: String
    public init(person: String, message: String) { self.person = person; self.message = message }
}
