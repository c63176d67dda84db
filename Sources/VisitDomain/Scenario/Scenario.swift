import OrderedCollections

/// A week of visit requests and the company's resources: the planner's whole input
/// (FORMAT.md, "Scenario"). Built by `ScenarioLoader` from YAML or JSON; every field is
/// already defaulted and checked, so code that reads a `Scenario` never sees a missing value.
public struct Scenario: Sendable, Hashable {
    public var name: String
    /// The planning moment: nothing starts before it.
    public var now: LocalDateTime
    public var horizon: Horizon
    public var calendar: WorkCalendar
    public var policies: Policies
    public var objective: ObjectiveWeights
    public var rooms: [Room]
    public var tourRoutes: [TourRoute]
    public var staff: [StaffMember]
    public var caterers: [Caterer]
    public var visits: [Visit]
    /// Partner hotels for visits that stay overnight (beyond FORMAT.md; empty: no hotels).
    public var hotels: [Hotel]

    public init(name: String, now: LocalDateTime, horizon: Horizon, calendar: WorkCalendar = .init(),
                policies: Policies = .init(), objective: ObjectiveWeights = .init(), rooms: [Room] = [],
                tourRoutes: [TourRoute] = [], staff: [StaffMember] = [], caterers: [Caterer] = [], visits: [Visit] = [],
                hotels: [Hotel] = []) {
        self.name = name; self.now = now; self.horizon = horizon; self.calendar = calendar
        self.policies = policies; self.objective = objective; self.rooms = rooms; self.tourRoutes = tourRoutes
        self.staff = staff; self.caterers = caterers; self.visits = visits; self.hotels = hotels
    }

    public func room(_ id: String) -> Room? { rooms.first { $0.id == id } }
    public func route(_ id: String) -> TourRoute? { tourRoutes.first { $0.id == id } }
    public func staffMember(_ id: String) -> StaffMember? { staff.first { $0.id == id } }
    public func caterer(_ id: String) -> Caterer? { caterers.first { $0.id == id } }
    public func visit(_ id: String) -> Visit? { visits.first { $0.id == id } }
    public func hotel(_ id: String) -> Hotel? { hotels.first { $0.id == id } }

    /// The dates of the horizon, in order (inclusive of both ends).
    public var horizonDates: [LocalDate] {
        guard horizon.start <= horizon.end else { return [] }
        return (horizon.start.dayNumber...horizon.end.dayNumber).map(LocalDate.init(dayNumber:))
    }

    /// Dates of the horizon that are working days and not holidays.
    public var workingDatesInHorizon: [LocalDate] { horizonDates.filter(calendar.isWorkingDay) }
}

/// The inclusive range of dates being planned.
public struct Horizon: Sendable, Hashable {
    public var start: LocalDate
    public var end: LocalDate
    public init(start: LocalDate, end: LocalDate) { self.start = start; self.end = end }
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }
}

/// Working days, hours, holidays and the time grid.
public struct WorkCalendar: Sendable, Hashable {
    public var workingDays: Set<Weekday>
    public var workingHours: DailyHours
    public var holidays: Set<LocalDate>
    /// Every start and end lies on this grid (minutes, counted from 00:00).
    public var slotMinutes: Int
    /// The site's IANA time zone (`Asia/Shanghai`), for calendar feeds; nil: the server's.
    /// Beyond FORMAT.md, whose times are site-local without a zone.
    public var timeZone: String?

    public init(workingDays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri],
                workingHours: DailyHours = DailyHours(start: TimeOfDay(minutes: 510), end: TimeOfDay(minutes: 1080)),
                holidays: Set<LocalDate> = [], slotMinutes: Int = 15) {
        self.workingDays = workingDays; self.workingHours = workingHours; self.holidays = holidays; self.slotMinutes = slotMinutes
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        workingDays.contains(date.weekday) && !holidays.contains(date)
    }
}

/// Company policies that shape every visit (FORMAT.md `policies`). `nil` means "no constraint".
public struct Policies: Sendable, Hashable {
    public var standardLeadWorkingDays: Int
    public var urgentLeadHours: Int
    public var hostArrivesEarlyMinutes: Int
    public var roomTurnoverMinutes: Int
    public var maxGapMinutes: Int
    /// Per-head budget by service name (teaBreak, workingMeal, banquet, ...).
    public var mealBudgetPerHead: [String: Double]
    /// Per-tier overrides of `mealBudgetPerHead`: tier → service → budget.
    public var tierBudgetPerHead: [String: [String: Double]]
    public var weeklyHospitalityBudget: Double?
    public var maxVisitsPerHostPerDay: Int?
    public var maxDutyMinutesPerStaffPerDay: Int?
    /// Budget per room and night by room type (single, double, ...; beyond FORMAT.md).
    public var hotelBudgetPerNight: [String: Double] = [:]
    /// Per-tier overrides of `hotelBudgetPerNight`: tier → room type → budget.
    public var tierHotelBudgetPerNight: [String: [String: Double]] = [:]

    public init(standardLeadWorkingDays: Int = 0, urgentLeadHours: Int = 0, hostArrivesEarlyMinutes: Int = 0,
                roomTurnoverMinutes: Int = 0, maxGapMinutes: Int = 30, mealBudgetPerHead: [String: Double] = [:],
                tierBudgetPerHead: [String: [String: Double]] = [:], weeklyHospitalityBudget: Double? = nil,
                maxVisitsPerHostPerDay: Int? = nil, maxDutyMinutesPerStaffPerDay: Int? = nil) {
        self.standardLeadWorkingDays = standardLeadWorkingDays; self.urgentLeadHours = urgentLeadHours
        self.hostArrivesEarlyMinutes = hostArrivesEarlyMinutes; self.roomTurnoverMinutes = roomTurnoverMinutes
        self.maxGapMinutes = maxGapMinutes; self.mealBudgetPerHead = mealBudgetPerHead
        self.tierBudgetPerHead = tierBudgetPerHead; self.weeklyHospitalityBudget = weeklyHospitalityBudget
        self.maxVisitsPerHostPerDay = maxVisitsPerHostPerDay; self.maxDutyMinutesPerStaffPerDay = maxDutyMinutesPerStaffPerDay
    }

    /// The per-head budget for `service` for a client of `tier`, or nil when there is no cap.
    public func budgetPerHead(service: String, tier: String?) -> Double? {
        if let tier, let override = tierBudgetPerHead[tier]?[service] { return override }
        return mealBudgetPerHead[service]
    }

    /// The budget per room and night for `roomType` for a client of `tier`, or nil when there is no cap.
    public func budgetPerNight(roomType: String, tier: String?) -> Double? {
        if let tier, let override = tierHotelBudgetPerNight[tier]?[roomType] { return override }
        return hotelBudgetPerNight[roomType]
    }
}

/// The score's weights (FORMAT.md "Objective"); every weight has the documented default.
public struct ObjectiveWeights: Sendable, Hashable {
    public var visit: Double = 1000
    public var preferredStartPerSlot: Double = -1
    public var preferredHost: Double = 20
    public var industryMatch: Double = 10
    public var cateringCost: Double = -0.05
    public var movedItem: Double = -50
    public var changedResource: Double = -30
    public var changedPerson: Double = -40
    public var droppedVisit: Double = -5000
    public init() {}
}

/// A meeting room.
public struct Room: Sendable, Hashable, Identifiable {
    public var id: String
    public var building: String?
    /// People, visitors and staff together.
    public var capacity: Int
    public var equipment: Set<String>
    /// May host confidential sessions.
    public var secure: Bool
    public var unavailable: [TimeInterval]
    /// The site (campus) it belongs to, beyond FORMAT.md: a visit with a site uses only rooms,
    /// routes, caterers and people of that site or of none (rule 11); nil: every site.
    public var site: String? = nil
    public init(id: String, building: String? = nil, capacity: Int, equipment: Set<String> = [], secure: Bool = false,
                unavailable: [TimeInterval] = []) {
        self.id = id; self.building = building; self.capacity = capacity; self.equipment = equipment
        self.secure = secure; self.unavailable = unavailable
    }
}

/// A tour route: the showroom, a production line, the R&D centre, ...
public struct TourRoute: Sendable, Hashable, Identifiable {
    public var id: String
    public var building: String?
    public var durationMinutes: Int
    public var maxGroupSize: Int
    /// Groups that can be on the route at once.
    public var concurrentGroups: Int
    /// Needs a signed NDA.
    public var confidential: Bool
    /// nil: the calendar's working hours.
    public var openHours: DailyHours?
    public var unavailable: [TimeInterval]
    /// The site (campus) it belongs to, beyond FORMAT.md: a visit with a site uses only rooms,
    /// routes, caterers and people of that site or of none (rule 11); nil: every site.
    public var site: String? = nil
    public init(id: String, building: String? = nil, durationMinutes: Int, maxGroupSize: Int, concurrentGroups: Int = 1,
                confidential: Bool = false, openHours: DailyHours? = nil, unavailable: [TimeInterval] = []) {
        self.id = id; self.building = building; self.durationMinutes = durationMinutes; self.maxGroupSize = maxGroupSize
        self.concurrentGroups = concurrentGroups; self.confidential = confidential; self.openHours = openHours
        self.unavailable = unavailable
    }
}

/// What a staff member may do.
public enum StaffRole: String, Sendable, Hashable, CaseIterable {
    case host, guide, technical, sales, it
}

/// A weekly availability rule: on these days, from..to.
public struct AvailabilityRule: Sendable, Hashable {
    public var days: Set<Weekday>
    public var hours: DailyHours
    public init(days: Set<Weekday>, hours: DailyHours) { self.days = days; self.hours = hours }
}

/// An employee who can host, guide, join meetings or give IT cover.
public struct StaffMember: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String?
    public var building: String?
    public var roles: Set<StaffRole>
    public var languages: Set<String>
    public var industries: Set<String>
    public var expertise: Set<String>
    /// Routes they are certified to guide.
    public var routes: Set<String>
    /// nil: the calendar's working hours on its working days.
    public var availability: [AvailabilityRule]?
    public var unavailable: [TimeInterval]
    /// The site (campus) it belongs to, beyond FORMAT.md: a visit with a site uses only rooms,
    /// routes, caterers and people of that site or of none (rule 11); nil: every site.
    public var site: String? = nil
    public init(id: String, name: String? = nil, building: String? = nil, roles: Set<StaffRole> = [],
                languages: Set<String> = [], industries: Set<String> = [], expertise: Set<String> = [],
                routes: Set<String> = [], availability: [AvailabilityRule]? = nil, unavailable: [TimeInterval] = []) {
        self.id = id; self.name = name; self.building = building; self.roles = roles; self.languages = languages
        self.industries = industries; self.expertise = expertise; self.routes = routes
        self.availability = availability; self.unavailable = unavailable
    }
    public func has(_ role: StaffRole) -> Bool { roles.contains(role) }
    public var displayName: String { name ?? id }
}

/// One service a caterer offers (tea break, working meal, banquet, ...).
public struct CateringService: Sendable, Hashable {
    public var pricePerHead: Double
    /// nil: all day.
    public var hours: DailyHours?
    public init(pricePerHead: Double, hours: DailyHours? = nil) { self.pricePerHead = pricePerHead; self.hours = hours }
}

/// A catering supplier.
public struct Caterer: Sendable, Hashable, Identifiable {
    public var id: String
    /// Only approved (compliant) caterers may be used.
    public var approved: Bool
    public var services: [String: CateringService]
    /// Dietary restrictions it can serve.
    public var dietary: Set<String>
    public var leadTimeHours: Int
    /// Diners it can serve at once, all visits together; nil: no limit.
    public var capacity: Int?
    public var unavailable: [TimeInterval]
    /// The site (campus) it belongs to, beyond FORMAT.md: a visit with a site uses only rooms,
    /// routes, caterers and people of that site or of none (rule 11); nil: every site.
    public var site: String? = nil
    public init(id: String, approved: Bool = false, services: [String: CateringService] = [:], dietary: Set<String> = [],
                leadTimeHours: Int = 0, capacity: Int? = nil, unavailable: [TimeInterval] = []) {
        self.id = id; self.approved = approved; self.services = services; self.dietary = dietary
        self.leadTimeHours = leadTimeHours; self.capacity = capacity; self.unavailable = unavailable
    }
}

/// The visiting company.
public struct Client: Sendable, Hashable {
    public var name: String?
    public var industry: String?
    public var tier: String?
    public var contact: String?
    public init(name: String? = nil, industry: String? = nil, tier: String? = nil, contact: String? = nil) {
        self.name = name; self.industry = industry; self.tier = tier; self.contact = contact
    }
}

/// A request for a client visit: who comes, when they may come and what they will do.
public struct Visit: Sendable, Hashable, Identifiable {
    public var id: String
    public var client: Client
    public var headcount: Int
    public var language: String?
    /// When the request came in: lead time counts from here.
    public var requestedAt: LocalDateTime
    /// The whole visit lies inside this interval.
    public var window: TimeInterval
    public var preferredStart: LocalDateTime?
    /// 1...5.
    public var priority: Int
    public var ndaSigned: Bool
    /// Restriction → number of guests.
    public var dietary: OrderedDictionary<String, Int>
    public var preferredHost: String?
    /// Done in this order.
    public var agenda: [AgendaItem]
    /// Indexes of agenda items a change event cancelled: kept so that indexes stay those of the
    /// original agenda, but never planned.
    public var cancelledItems: Set<Int> = []
    /// Why the client comes (beyond FORMAT.md; optional).
    public var purpose: VisitPurpose?
    /// The guests by name and job title, as far as known (beyond FORMAT.md; at most `headcount`).
    public var guests: [Guest] = []
    /// Where the host meets the guests ("Lobby, building A", "car park P2"); nil: the lobby of the
    /// first item's building (beyond FORMAT.md).
    public var meetingPoint: String?
    /// The business (sales) person who invited the client and owns the follow-up after the visit:
    /// a staff id or a name; nil: the host (beyond FORMAT.md).
    public var owner: String?
    /// The overnight stay its guests need, booked at a partner hotel (beyond FORMAT.md; nil: none).
    public var stay: Stay?
    /// The site (campus) the visit comes to, beyond FORMAT.md: it then uses only rooms, routes,
    /// caterers and people of that site or of none (rule 11); nil: any.
    public var site: String?
    /// Indexes of the agenda items still to be planned.
    public var activeItemIndexes: [Int] { agenda.indices.filter { !cancelledItems.contains($0) } }
    public init(id: String, client: Client = .init(), headcount: Int, language: String? = nil, requestedAt: LocalDateTime,
                window: TimeInterval, preferredStart: LocalDateTime? = nil, priority: Int = 1, ndaSigned: Bool = false,
                dietary: OrderedDictionary<String, Int> = [:], preferredHost: String? = nil, agenda: [AgendaItem]) {
        self.id = id; self.client = client; self.headcount = headcount; self.language = language
        self.requestedAt = requestedAt; self.window = window; self.preferredStart = preferredStart
        self.priority = priority; self.ndaSigned = ndaSigned; self.dietary = dietary
        self.preferredHost = preferredHost; self.agenda = agenda
    }
}

/// Why a client visits (the procedure's purposes).
public enum VisitPurpose: String, Sendable, Hashable, CaseIterable, Codable {
    case technicalConsultation, cooperationTalks, siteVisit, signing

    /// "technical consultation".
    public var words: String {
        switch self {
        case .technicalConsultation: "technical consultation"
        case .cooperationTalks: "cooperation talks"
        case .siteVisit: "site visit"
        case .signing: "signing"
        }
    }
}

/// One guest of a visit.
public struct Guest: Sendable, Hashable {
    public var name: String
    public var title: String?
    public init(name: String, title: String? = nil) { self.name = name; self.title = title }

    /// "Ms Emma Liu (purchasing manager)".
    public var description: String { title.map { "\(name) (\($0))" } ?? name }
}

/// One step of a visit's agenda.
public enum AgendaItem: Sendable, Hashable {
    case meeting(Meeting)
    case tour(Tour)
    case meal(Meal)

    public var kind: AgendaKind {
        switch self {
        case .meeting: .meeting
        case .tour: .tour
        case .meal: .meal
        }
    }
}

/// The kind of an agenda item, as spelled in the scenario and the plan.
public enum AgendaKind: String, Sendable, Hashable, Codable {
    case meeting, tour, meal
}

/// A meeting in a room, possibly with technical and sales staff.
public struct Meeting: Sendable, Hashable {
    public var durationMinutes: Int
    public var equipment: Set<String>
    /// Needs `ndaSigned` and a secure room.
    public var confidential: Bool
    public var technicalCount: Int
    /// Topics the technical staff must cover together.
    public var technicalExpertise: Set<String>
    public var salesCount: Int
    public init(durationMinutes: Int, equipment: Set<String> = [], confidential: Bool = false, technicalCount: Int = 0,
                technicalExpertise: Set<String> = [], salesCount: Int = 0) {
        self.durationMinutes = durationMinutes; self.equipment = equipment; self.confidential = confidential
        self.technicalCount = technicalCount; self.technicalExpertise = technicalExpertise; self.salesCount = salesCount
    }
}

/// A guided tour on one of several routes.
public struct Tour: Sendable, Hashable {
    /// Any one of these route ids.
    public var routes: [String]
    /// nil: the chosen route's duration.
    public var durationMinutes: Int?
    public init(routes: [String], durationMinutes: Int? = nil) { self.routes = routes; self.durationMinutes = durationMinutes }
}

/// A catered tea break, working meal or banquet.
public struct Meal: Sendable, Hashable {
    public var service: String
    public var durationMinutes: Int
    public init(service: String, durationMinutes: Int) { self.service = service; self.durationMinutes = durationMinutes }
}
