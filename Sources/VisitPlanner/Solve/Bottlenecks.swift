import VisitDomain

/// Where a plan runs out of capacity, read off the plan itself: how much of each room's, route's,
/// person's and caterer's open time is booked and how much of it is booked to the full (the
/// minutes where the model's per-slot capacity rows bind), how busy rooms, guides and hosts are
/// per half-day, how close the weekly budget and the daily limits are, and which of these the
/// unscheduled visits' "crowded out" reasons name. Planners read it to choose what to try.
public struct BottleneckReport: Sendable, Hashable, Codable {
    /// Every room, route, person on duty (host, guide, technical, sales) and caterer with a
    /// capacity; the ones unscheduled visits wait for most first (`pressure`), then the fullest.
    public var resources: [ResourceLoad]
    /// Per working day: morning (before 12:00), afternoon (to the end of working hours), evening.
    public var timeRanges: [TimeRangeLoad]
    /// The weekly hospitality budget and the host-days and staff-days at their daily limit.
    public var limits: [LimitLoad]

    public init(scenario: Scenario, plan: Plan) {
        let occupancy = PlanOccupancy(scenario: scenario, scheduled: plan.visits.filter(\.scheduled))
        let calendar = LoadCalendar(scenario: scenario)
        let ids = scenario.rooms.map(\.id) + scenario.tourRoutes.map(\.id) + scenario.staff.map(\.id) + scenario.caterers.map(\.id)
        let crowding = CrowdingMentions(plan: plan, resourceIDs: ids)
        func neededBy(_ id: String) -> [String] { crowding.visits(naming: id) }
        var loads: [ResourceLoad] = []
        for room in scenario.rooms {
            let windows = calendar.open(calendar.workingHours, closed: room.unavailable)
            loads.append(ResourceLoad(kind: .room, id: room.id, windows: windows, capacity: 1,
                                      holds: occupancy.rooms[room.id] ?? [], neededBy: neededBy(room.id)))
        }
        for route in scenario.tourRoutes {
            let windows = calendar.open(calendar.daily(scenario.openHours(of: route)), closed: route.unavailable)
            loads.append(ResourceLoad(kind: .route, id: route.id, windows: windows, capacity: route.concurrentGroups,
                                      holds: occupancy.routes[route.id] ?? [], neededBy: neededBy(route.id)))
        }
        for person in scenario.staff where !person.roles.subtracting([.it]).isEmpty {
            let windows = calendar.open(calendar.availability(of: person), closed: person.unavailable)
            var load = ResourceLoad(kind: .person, id: person.id, windows: windows, capacity: 1,
                                    holds: occupancy.people[person.id] ?? [], neededBy: neededBy(person.id))
            load.roles = StaffRole.allCases.filter { $0 != .it && person.has($0) }.map(\.rawValue)
            loads.append(load)
        }
        for caterer in scenario.caterers where caterer.approved {
            guard let capacity = caterer.capacity else { continue }
            let windows = calendar.open(calendar.serviceHours(of: caterer), closed: caterer.unavailable)
            loads.append(ResourceLoad(kind: .caterer, id: caterer.id, windows: windows, capacity: capacity,
                                      holds: occupancy.caterers[caterer.id] ?? [], neededBy: neededBy(caterer.id)))
        }
        for i in loads.indices { loads[i].pressure = crowding.pressure(on: loads[i].id) }
        resources = loads.sorted {
            ($1.pressure, $1.fullShare, $1.bookedShare, $0.id) < ($0.pressure, $0.fullShare, $0.bookedShare, $1.id)
        }
        timeRanges = Self.timeRanges(scenario, calendar, occupancy)
        limits = Self.limits(scenario, occupancy, crowding)
    }

    /// The `count` resources most worth more capacity: those unscheduled visits wait for most,
    /// then those booked to the full longest.
    public func top(_ count: Int) -> [ResourceLoad] { Array(resources.prefix(count)) }

    /// The `count` busiest half-days, busiest first (ties in time order).
    public func busiestTimeRanges(_ count: Int) -> [TimeRangeLoad] {
        Array(timeRanges.enumerated().sorted { ($1.element.busiest, $0.offset) < ($0.element.busiest, $1.offset) }
            .map(\.element).prefix(count))
    }

    private static func timeRanges(_ scenario: Scenario, _ calendar: LoadCalendar, _ occupancy: PlanOccupancy) -> [TimeRangeLoad] {
        let rooms = scenario.rooms.map { (calendar.open(calendar.workingHours, closed: $0.unavailable), occupancy.rooms[$0.id] ?? []) }
        func people(_ role: StaffRole) -> [([Window], [PlanOccupancy.Hold])] {
            scenario.staff.filter { $0.has(role) }.map {
                (calendar.open(calendar.availability(of: $0), closed: $0.unavailable), occupancy.people[$0.id] ?? [])
            }
        }
        let guides = people(.guide), hosts = people(.host)
        let workEnd = scenario.calendar.workingHours.end.minutes
        var ranges: [TimeRangeLoad] = []
        for date in scenario.workingDatesInHorizon {
            let day = date.dayNumber * 1440
            let parts = [("morning", 0, 720), ("afternoon", 720, max(720, workEnd)), ("evening", max(720, workEnd), 1440)]
            for (name, from, to) in parts where to > from {
                let range = Window(start: day + from, end: day + to)
                func share(_ group: [([Window], [PlanOccupancy.Hold])]) -> Double? {
                    var booked = 0, open = 0
                    for (windows, holds) in group {
                        let clipped = windows.compactMap { $0.intersection(range) }
                        open += clipped.reduce(0) { $0 + $1.minutes }
                        booked += LoadSweep(windows: clipped, holds: holds, capacity: 1).booked
                    }
                    return open > 0 ? Double(booked) / Double(open) : nil
                }
                let load = TimeRangeLoad(part: name, start: LocalDateTime(minutes: range.start), end: LocalDateTime(minutes: range.end),
                                         rooms: share(rooms), guides: share(guides), hosts: share(hosts))
                if load.rooms != nil || load.guides != nil || load.hosts != nil { ranges.append(load) }
            }
        }
        return ranges
    }

    private static func limits(_ scenario: Scenario, _ occupancy: PlanOccupancy, _ crowding: CrowdingMentions) -> [LimitLoad] {
        var limits: [LimitLoad] = []
        if let budget = scenario.policies.weeklyHospitalityBudget {
            let waiting = crowding.visits(limitedBy: .weeklyHospitalityBudget)
            limits.append(LimitLoad(kind: .weeklyHospitalityBudget, name: "weekly hospitality budget", used: occupancy.cateringSpent,
                                    limit: budget, neededBy: waiting))
        }
        if let limit = scenario.policies.maxVisitsPerHostPerDay {
            for (host, days) in occupancy.hosting.sorted(by: { $0.key < $1.key }) {
                for (day, visits) in days.sorted(by: { $0.key < $1.key }) where visits.count >= limit {
                    limits.append(LimitLoad(kind: .maxVisitsPerHostPerDay, name: "visits hosted by \(host) on \(LocalDate(dayNumber: day))",
                                            used: Double(visits.count), limit: Double(limit),
                                            neededBy: crowding.visits(naming: host, on: LocalDate(dayNumber: day))))
                }
            }
        }
        if let limit = scenario.policies.maxDutyMinutesPerStaffPerDay {
            for (person, holds) in occupancy.people.sorted(by: { $0.key < $1.key }) {
                let byDay = Dictionary(grouping: holds) { LocalDateTime(minutes: $0.end - 1).date.dayNumber }
                for (day, dayHolds) in byDay.sorted(by: { $0.key < $1.key }) {
                    let minutes = dayHolds.reduce(0) { $0 + $1.end - $1.start }
                    guard minutes >= limit else { continue }
                    limits.append(LimitLoad(kind: .maxDutyMinutesPerStaffPerDay, name: "duty minutes of \(person) on \(LocalDate(dayNumber: day))",
                                            used: Double(minutes), limit: Double(limit),
                                            neededBy: crowding.visits(naming: person, on: LocalDate(dayNumber: day))))
                }
            }
        }
        return limits
    }
}

/// How much of one resource's capacity a plan uses.
public struct ResourceLoad: Sendable, Hashable, Codable {
    /// What sort of resource it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case room, route, person, caterer
    }

    public var kind: Kind
    public var id: String
    /// For a person: their roles besides IT (host, guide, technical, sales).
    public var roles: [String]?
    /// Minutes the resource is open (working hours, route hours, availability, service hours), closures excluded.
    public var openMinutes: Int
    /// Booked capacity-minutes over open capacity-minutes (a room's booking includes turnover; a
    /// host's, the early minutes; a route counts groups, a caterer diners).
    public var bookedShare: Double
    /// The share of open minutes at which the resource is booked to its full capacity.
    public var fullShare: Double
    /// Unscheduled visits whose "crowded out" reasons name this resource.
    public var neededBy: [String]
    /// How much the unscheduled visits wait for it: each "crowded out" reason that names it adds
    /// the share of the visit's candidate times it blocks, split evenly among the resources it names.
    public var pressure: Double = 0

    init(kind: Kind, id: String, windows: [Window], capacity: Int, holds: [PlanOccupancy.Hold], neededBy: [String]) {
        self.kind = kind
        self.id = id
        let sweep = LoadSweep(windows: windows, holds: holds, capacity: capacity)
        openMinutes = windows.reduce(0) { $0 + $1.minutes }
        bookedShare = openMinutes > 0 ? Double(sweep.booked) / Double(openMinutes * max(1, capacity)) : 0
        fullShare = openMinutes > 0 ? Double(sweep.full) / Double(openMinutes) : 0
        self.neededBy = neededBy
    }
}

/// How busy rooms, guides and hosts are in one part of one working day (booked over open minutes;
/// nil when none of them is open then).
public struct TimeRangeLoad: Sendable, Hashable, Codable {
    /// `morning`, `afternoon` or `evening`.
    public var part: String
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var rooms: Double?
    public var guides: Double?
    public var hosts: Double?

    /// The highest of the three shares.
    public var busiest: Double { [rooms, guides, hosts].compactMap { $0 }.max() ?? 0 }
}

/// A scenario-wide or daily limit and how much of it the plan uses.
public struct LimitLoad: Sendable, Hashable, Codable {
    /// Which policy sets the limit.
    public enum Kind: String, Sendable, Hashable, Codable {
        case weeklyHospitalityBudget, maxVisitsPerHostPerDay, maxDutyMinutesPerStaffPerDay
    }

    public var kind: Kind
    public var name: String
    public var used: Double
    public var limit: Double
    /// Unscheduled visits whose reasons name the limit (or the person it limits).
    public var neededBy: [String]
}

/// A half-open span of minutes since 1970.
struct Window: Sendable, Hashable {
    var start: Int
    var end: Int
    var minutes: Int { end - start }

    func intersection(_ other: Window) -> Window? {
        let s = max(start, other.start), e = min(end, other.end)
        return e > s ? Window(start: s, end: e) : nil
    }
}

/// The open windows of resources over the working days of the horizon.
struct LoadCalendar: Sendable {
    let scenario: Scenario
    var workingHours: [Window] { daily(scenario.calendar.workingHours) }

    /// `hours` on every working day of the horizon.
    func daily(_ hours: DailyHours) -> [Window] {
        scenario.workingDatesInHorizon.map { Window(start: hours.on($0).start.minutes, end: hours.on($0).end.minutes) }
    }

    /// A person's availability windows on the working days of the horizon.
    func availability(of person: StaffMember) -> [Window] {
        scenario.workingDatesInHorizon.flatMap { date in
            scenario.availabilityWindows(of: person, on: date).map { Window(start: $0.start.minutes, end: $0.end.minutes) }
        }
    }

    /// From the earliest to the latest service hour, on every day of the horizon (meals may fall on any).
    func serviceHours(of caterer: Caterer) -> [Window] {
        let hours = caterer.services.values.map { $0.hours ?? .allDay }
        guard let first = hours.map(\.start).min(), let last = hours.map(\.end).max() else { return [] }
        return scenario.horizonDates.map {
            Window(start: $0.dayNumber * 1440 + first.minutes, end: $0.dayNumber * 1440 + last.minutes)
        }
    }

    /// `windows` without the `closed` periods.
    func open(_ windows: [Window], closed: [TimeInterval]) -> [Window] {
        windows.flatMap { window in
            closed.map { Window(start: $0.start.minutes, end: $0.end.minutes) }.sorted { $0.start < $1.start }
                .reduce(into: [window]) { pieces, closure in
                    pieces = pieces.flatMap { piece -> [Window] in
                        guard piece.intersection(closure) != nil else { return [piece] }
                        return [Window(start: piece.start, end: closure.start), Window(start: closure.end, end: piece.end)]
                            .filter { $0.minutes > 0 }
                    }
                }
        }
    }
}

/// Booked and full minutes of one resource inside its open windows.
struct LoadSweep {
    /// Capacity-minutes in use (amount × minutes, at most the capacity at any moment).
    var booked = 0
    /// Minutes at which the use reaches the capacity.
    var full = 0

    init(windows: [Window], holds: [PlanOccupancy.Hold], capacity: Int) {
        for window in windows {
            let inside = holds.filter { $0.start < window.end && window.start < $0.end }
            guard !inside.isEmpty else { continue }
            let points = Set([window.start, window.end] + inside.flatMap { [$0.start, $0.end] })
                .filter { window.start <= $0 && $0 <= window.end }.sorted()
            for (a, b) in zip(points, points.dropFirst()) {
                let use = inside.filter { $0.start <= a && a < $0.end }.reduce(0) { $0 + $1.amount }
                booked += min(use, capacity) * (b - a)
                if use >= capacity { full += b - a }
            }
        }
    }
}

/// What the unscheduled visits' "crowded out" reasons name: per reason, the resources (by id),
/// the dates, the weekly limit it runs into, and the share of the visit's candidate times it
/// blocks. Read from the reasons' facts (`reasonDetails`); a plan file without them falls back to
/// finding the ids in the sentences.
struct CrowdingMentions: Sendable {
    struct Mention: Sendable {
        var visit: String
        var ids: [String]
        var dates: [String]?
        var limit: UnscheduledReason.Limit?
        var share: Double
    }

    var mentions: [Mention] = []

    init(plan: Plan, resourceIDs: [String]) {
        for visit in plan.visits where !visit.scheduled {
            if let details = visit.reasonDetails {
                for reason in details where reason.kind == .crowdedOut {
                    let named = Set(reason.resources ?? [])
                    mentions.append(Mention(visit: visit.id, ids: resourceIDs.filter(named.contains), dates: reason.dates,
                                            limit: reason.limit, share: reason.blockedShare))
                }
                continue
            }
            for reason in visit.reasons ?? [] where reason.hasPrefix("crowded out") {
                mentions.append(Mention(visit: visit.id, ids: resourceIDs.filter { ResourceMention.mentions(reason, $0) },
                                        dates: nil, limit: reason.contains("weekly hospitality budget") ? .weeklyHospitalityBudget : nil,
                                        share: 1))
            }
        }
    }

    /// Visits with a reason naming `id` (and, when given, the date `date`), in plan order.
    func visits(naming id: String, on date: LocalDate? = nil) -> [String] {
        unique(mentions.filter { mention in
            mention.ids.contains(id) && (date.map { day in mention.dates.map { $0.contains(day.description) } ?? true } ?? true)
        }.map(\.visit))
    }

    /// Visits with a reason running into `limit`, in plan order.
    func visits(limitedBy limit: UnscheduledReason.Limit) -> [String] {
        unique(mentions.filter { $0.limit == limit }.map(\.visit))
    }

    func pressure(on id: String) -> Double {
        mentions.filter { $0.ids.contains(id) }.reduce(0) { $0 + $1.share / Double($1.ids.count) }
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// Whether a reason names a resource id as a whole word (`A-301` in "(A-301, B-201)", not in
/// "A-3010"; `li.wei` also at the end of a sentence).
enum ResourceMention {
    static func mentions(_ text: String, _ id: String) -> Bool {
        guard !id.isEmpty else { return false }
        var from = text.startIndex
        while let range = text.range(of: id, range: from..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let next = after != nil && text.index(after: range.upperBound) < text.endIndex
                ? text[text.index(after: range.upperBound)] : nil
            let joinedBefore = before.map { isIDCharacter($0) || $0 == "." } ?? false
            let joinedAfter = after.map { isIDCharacter($0) || ($0 == "." && (next.map(isIDCharacter) ?? false)) } ?? false
            if !joinedBefore && !joinedAfter { return true }
            from = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isIDCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
}
