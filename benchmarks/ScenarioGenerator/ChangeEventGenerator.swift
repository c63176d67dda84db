import OrderedCollections
import VisitDomain

/// What a generated change event does: every event type of FORMAT.md "Change events", with the
/// variants a replan must survive (early and late arrivals, more and fewer guests, an item running
/// over while it runs, each kind of resource out, and a resource failing inside an item under way).
public enum EventKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case arrivalEarly, arrivalLate
    case cancelItem
    case cancelVisit
    case headcountUp, headcountDown
    /// An item that has not started yet runs longer.
    case extendItem
    /// The item under way at the report runs longer.
    case extendRunningItem
    case addVisit
    case roomUnavailable, routeUnavailable, staffUnavailable, catererUnavailable
    /// The room, route, caterer or a person of the item under way is out from a moment inside it.
    case closureUnderRunningItem

    /// The event's `type` in an events file.
    public var type: String {
        switch self {
        case .arrivalEarly, .arrivalLate: "arrivalShift"
        case .cancelItem: "cancelItem"
        case .cancelVisit: "cancelVisit"
        case .headcountUp, .headcountDown: "headcountChange"
        case .extendItem, .extendRunningItem: "extendItem"
        case .addVisit: "addVisit"
        case .roomUnavailable, .routeUnavailable, .staffUnavailable, .catererUnavailable, .closureUnderRunningItem: "unavailable"
        }
    }

    /// Needs an item under way at the report.
    var needsRunningItem: Bool { self == .extendRunningItem || self == .closureUnderRunningItem }

    public static func < (a: EventKind, b: EventKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where in the day a batch of events is reported (the latest `at`, the replan's new `now`).
public enum ReportMoment: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The plan's `now` itself, the earliest moment an event may have.
    case now
    /// 00:00 of a day of the horizon.
    case midnight
    /// The start of the working day (08:30 in the generated weeks).
    case dayStart
    /// The end of the working day (18:00).
    case dayEnd
    /// 23:59, the last minute of a day.
    case lastMinute
    /// Exactly when a planned item starts (it is not frozen yet).
    case itemStart
    /// Exactly when a planned item ends.
    case itemEnd
    /// A minute inside a planned item (on the slot grid or off it): the item is under way.
    case insideItem
    /// Any minute of the working day.
    case duringDay

    public static func < (a: ReportMoment, b: ReportMoment) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A generated event and what it was drawn to be.
public struct GeneratedEvent: Sendable, Hashable {
    public var kind: EventKind
    public var event: ChangeEvent
}

/// A batch of events reported together, and the moment it was reported.
public struct EventBatch: Sendable {
    public var events: [GeneratedEvent]
    public var moment: ReportMoment
    /// The latest `at` (the replan's new `now`).
    public var at: LocalDateTime

    public var changeEvents: [ChangeEvent] { events.map(\.event) }

    /// The batch as an events document (FORMAT.md "Change events"), in the order drawn.
    public func document(in scenario: Scenario) -> DocumentValue {
        .array(events.map { ChangeEventGenerator.document($0.event, in: scenario) })
    }

    /// The batch as a YAML events file, for `visitplan replan --events` and for reproducing a failure.
    public func yaml(in scenario: Scenario) -> String { DocumentYAML.text(document(in: scenario)) }
}

/// Draws batches of valid change events for a scenario and its current plan, the same for a seed
/// on every machine. Every event passes `EventsLoader` (FORMAT.md's rules and the loader's ranges)
/// and the replanner's own checks: `at` never before the plan's `now`, visits and items that
/// exist, arrival shifts that leave a working day in the window, no event aimed at a visit an
/// earlier event of the batch cancels, new visits with fresh ids. Moments include the very start
/// and end of the day, the start and end of items, and minutes inside items under way.
///
/// Works on any scenario (new visits copy an existing visit's agenda and client), not only on
/// generated weeks.
public struct ChangeEventGenerator: Sendable {
    var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed, stream: 7) }

    /// A batch of `count` events (1 to 3 by default) for `scenario` and its current `plan`. The first
    /// event is of kind `first` when given (else drawn like the others); kinds whose conditions do
    /// not hold (an item under way, a visit to shift, a template for a new visit) fall back to a
    /// kind that always applies.
    public mutating func batch(scenario: Scenario, plan: Plan, count: ClosedRange<Int> = 1...3,
                               first: EventKind? = nil) -> EventBatch {
        let n = random.int(in: count)
        var kinds = (0..<n).map { _ in random.pick(EventKind.allCases) }
        if let first, !kinds.isEmpty { kinds[0] = first }
        var draw = BatchDraw(scenario: scenario, plan: plan)
        // The report moment: inside a running item when a kind needs one and the plan has one.
        let running = draw.itemsStartingAfterNow()
        let needsRunning = kinds.contains(where: \.needsRunningItem) && !running.isEmpty
        let (moment, at, runningItem) = reportMoment(draw, running: running, needsRunning: needsRunning)
        draw.reportAt = at
        draw.running = runningItem
        var events: [GeneratedEvent] = []
        for kind in kinds {
            // Only the running kinds are reported exactly at the batch's moment; others may come earlier.
            let eventAt = kind.needsRunningItem || events.isEmpty ? at : earlierMoment(than: at, draw: draw)
            if let event = event(kind, at: eventAt, draw: &draw) ?? fallback(at: eventAt, draw: &draw) {
                events.append(event)
            }
        }
        // The file order need not be the time order: the replanner sorts by `at`.
        return EventBatch(events: random.sample(events, count: events.count), moment: moment,
                          at: events.map(\.event.at).max() ?? at)
    }

    // MARK: Moments

    private mutating func reportMoment(_ draw: BatchDraw, running: [ScheduledItem], needsRunning: Bool)
        -> (ReportMoment, LocalDateTime, ScheduledItem?) {
        let now = draw.scenario.now
        if needsRunning {
            let item = random.pick(running)
            return (.insideItem, insideMoment(of: item.item), item)
        }
        let moment = random.weighted([(ReportMoment.now, 6), (.midnight, 8), (.dayStart, 16), (.dayEnd, 14), (.lastMinute, 8),
                                      (.itemStart, 12), (.itemEnd, 10), (.insideItem, 14), (.duringDay, 12)])
        let days = draw.daysFromNow
        let hours = draw.scenario.calendar.workingHours
        var at: LocalDateTime?
        var item: ScheduledItem?
        switch moment {
        case .now: at = now
        case .midnight: at = days.isEmpty ? nil : LocalDateTime(date: random.pick(days), minuteOfDay: 0)
        case .dayStart: at = days.isEmpty ? nil : LocalDateTime(date: random.pick(days), minuteOfDay: hours.start.minutes)
        case .dayEnd: at = days.isEmpty ? nil : LocalDateTime(date: random.pick(days), minuteOfDay: hours.end.minutes)
        case .lastMinute: at = days.isEmpty ? nil : LocalDateTime(date: random.pick(days), minuteOfDay: 1439)
        case .itemStart: if !running.isEmpty { item = random.pick(running); at = item?.item.start }
        case .itemEnd: if !running.isEmpty { item = random.pick(running); at = item?.item.end }
        case .insideItem: if !running.isEmpty { item = random.pick(running); at = item.map { insideMoment(of: $0.item) } }
        case .duringDay:
            if !days.isEmpty {
                at = LocalDateTime(date: random.pick(days), minuteOfDay: random.int(in: hours.start.minutes...(hours.end.minutes - 1)))
            }
        }
        guard let at, at >= now else { return (.now, now, nil) }
        return (moment, at, moment == .insideItem ? item : nil)
    }

    /// A minute strictly inside the item: on the slot grid or off it (reports come at any minute).
    private mutating func insideMoment(of item: PlannedItem) -> LocalDateTime {
        let length = item.end.minutes - item.start.minutes
        guard length > 1 else { return item.start.adding(minutes: 1) }
        if random.chance(50), length > 15 {
            return item.start.adding(minutes: 15 * random.int(in: 1...((length - 1) / 15)))
        }
        return item.start.adding(minutes: random.int(in: 1...(length - 1)))
    }

    /// A moment up to three hours before `at`, never before the plan's `now`.
    private mutating func earlierMoment(than at: LocalDateTime, draw: BatchDraw) -> LocalDateTime {
        guard random.chance(50) else { return at }
        let earliest = max(draw.scenario.now.minutes, at.minutes - 180)
        return LocalDateTime(minutes: random.int(in: earliest...at.minutes))
    }

    // MARK: Events

    private mutating func event(_ kind: EventKind, at: LocalDateTime, draw: inout BatchDraw) -> GeneratedEvent? {
        let change: ChangeEvent.Change?
        switch kind {
        case .arrivalEarly, .arrivalLate: change = arrivalShift(late: kind == .arrivalLate, at: at, draw: &draw)
        case .cancelItem: change = cancelItem(at: at, draw: &draw)
        case .cancelVisit: change = cancelVisit(at: at, draw: &draw)
        case .headcountUp, .headcountDown: change = headcount(up: kind == .headcountUp, draw: &draw)
        case .extendItem: change = extend(running: false, at: at, draw: &draw)
        case .extendRunningItem: change = extend(running: true, at: at, draw: &draw)
        case .addVisit: change = addVisit(at: at, draw: &draw)
        case .roomUnavailable, .routeUnavailable, .staffUnavailable, .catererUnavailable: change = closure(kind, at: at, draw: draw)
        case .closureUnderRunningItem: change = closureUnderRunningItem(at: at, draw: draw)
        }
        return change.map { GeneratedEvent(kind: kind, event: ChangeEvent(at: at, change: $0)) }
    }

    /// A kind that always applies: a closure of a room, a person or a caterer, or a new visit.
    private mutating func fallback(at: LocalDateTime, draw: inout BatchDraw) -> GeneratedEvent? {
        for kind in random.sample([EventKind.roomUnavailable, .staffUnavailable, .catererUnavailable, .routeUnavailable, .addVisit], count: 5) {
            if let event = event(kind, at: at, draw: &draw) { return event }
        }
        return nil
    }

    private mutating func arrivalShift(late: Bool, at: LocalDateTime, draw: inout BatchDraw) -> ChangeEvent.Change? {
        let slot = draw.scenario.calendar.slotMinutes
        // Mostly visits still to come (a started visit's shift changes nothing, which must work too).
        let candidates = draw.open(random.chance(85) ? draw.notStarted(at: at) : draw.openVisits)
        guard !candidates.isEmpty else { return nil }
        let id = random.pick(candidates)
        let sign = late ? 1 : -1
        let steps = random.weighted([(random.int(in: 1...4), 50), (random.int(in: 5...12), 35), (1440 / slot, 15)])
        for minutes in [steps * slot, slot].map({ sign * $0 }) {
            if draw.shift(id, by: minutes) { return .arrivalShift(visit: id, minutes: minutes) }
        }
        return nil
    }

    private mutating func cancelItem(at: LocalDateTime, draw: inout BatchDraw) -> ChangeEvent.Change? {
        let candidates = draw.untouched(random.chance(85) ? draw.notStarted(at: at) : draw.openVisits)
        guard !candidates.isEmpty else { return nil }
        let id = random.pick(candidates)
        guard let visit = draw.visit(id), !visit.activeItemIndexes.isEmpty else { return nil }
        draw.cancelling(id)   // it may cancel the visit's last item, and with it the visit
        return .cancelItem(visit: id, item: random.pick(visit.activeItemIndexes))
    }

    private mutating func cancelVisit(at: LocalDateTime, draw: inout BatchDraw) -> ChangeEvent.Change? {
        // Sometimes a visit under way: what has started stays, the rest is cancelled.
        let candidates = draw.untouched(random.chance(70) ? draw.notStarted(at: at) : draw.openVisits)
        guard !candidates.isEmpty else { return nil }
        let id = random.pick(candidates)
        draw.cancelling(id)
        return .cancelVisit(visit: id)
    }

    private mutating func headcount(up: Bool, draw: inout BatchDraw) -> ChangeEvent.Change? {
        let candidates = draw.open(draw.openVisits).filter { up || (draw.visit($0)?.headcount ?? 1) > 1 }
        guard !candidates.isEmpty else { return nil }
        let id = random.pick(candidates)
        let current = draw.visit(id)?.headcount ?? 1
        let headcount = up ? min(1000, current + random.weighted([(random.int(in: 1...3), 60), (random.int(in: 4...12), 40)]))
                           : max(1, current - random.int(in: 1...max(1, current / 2)))
        draw.touch(id)
        return .headcountChange(visit: id, headcount: headcount)
    }

    private mutating func extend(running: Bool, at: LocalDateTime, draw: inout BatchDraw) -> ChangeEvent.Change? {
        let slot = draw.scenario.calendar.slotMinutes
        let minutes = slot * random.weighted([(random.int(in: 1...2), 50), (random.int(in: 3...8), 40), (random.int(in: 9...16), 10)])
        if running {
            guard let item = draw.running, draw.isOpen(item.visit) else { return nil }
            draw.touch(item.visit)
            return .extendItem(visit: item.visit, item: item.agendaIndex, minutes: minutes)
        }
        // An item still to come, of a scheduled visit or of one the plan left out.
        var choices: [(visit: String, item: Int)] = []
        for id in draw.open(draw.openVisits) {
            guard let visit = draw.visit(id) else { continue }
            let planned = draw.plan.visit(id)?.items ?? []
            for index in visit.activeItemIndexes {
                let item = planned.first { $0.agendaIndex == index }
                if item.map({ $0.start >= at }) ?? true { choices.append((id, index)) }
            }
        }
        guard !choices.isEmpty else { return nil }
        let choice = random.pick(choices)
        draw.touch(choice.visit)
        return .extendItem(visit: choice.visit, item: choice.item, minutes: minutes)
    }

    private mutating func addVisit(at: LocalDateTime, draw: inout BatchDraw) -> ChangeEvent.Change? {
        guard !draw.scenario.visits.isEmpty else { return nil }
        var visit = random.pick(draw.scenario.visits)
        let slot = draw.scenario.calendar.slotMinutes
        visit.id = draw.freshVisitID()
        visit.cancelledItems = []
        visit.requestedAt = at
        visit.headcount = max(1, min(1000, visit.headcount + random.int(in: -3...3)))
        visit.dietary = visit.dietary.filter { $0.value <= visit.headcount }
        visit.priority = random.int(in: 1...5)
        // The same hours on a day from the report's day on (the same day: urgent, often too late).
        let days = draw.horizonDays.filter { $0 >= at.date }
        let day = days.isEmpty ? at.date : random.weighted([(days[0], 30), (random.pick(days), 70)])
        let shift = (day.dayNumber - visit.window.start.date.dayNumber) * 1440
        visit.window = TimeInterval(start: visit.window.start.adding(minutes: shift), end: visit.window.end.adding(minutes: shift))
        visit.preferredStart = random.chance(70) ? visit.window.start.adding(minutes: slot * random.int(in: 0...4)) : nil
        if visit.preferredStart.map({ $0 >= visit.window.end }) == true { visit.preferredStart = visit.window.start }
        if visit.preferredHost != nil, random.chance(50) { visit.preferredHost = nil }
        draw.touch(visit.id)
        return .addVisit(visit)
    }

    /// A room, route, person or caterer out: mostly one the plan uses from the report on.
    private mutating func closure(_ kind: EventKind, at: LocalDateTime, draw: BatchDraw) -> ChangeEvent.Change? {
        let used = draw.usedAfter(at)
        let (inUse, all): ([String], [String]) = switch kind {
        case .roomUnavailable: (used.rooms, draw.scenario.rooms.map(\.id))
        case .routeUnavailable: (used.routes, draw.scenario.tourRoutes.map(\.id))
        case .catererUnavailable: (used.caterers, draw.scenario.caterers.map(\.id))
        default:
            // People on duty, or the IT staff who cover meetings with equipment.
            (used.people + (random.chance(30) ? draw.scenario.staff.filter { $0.has(.it) }.map(\.id) : []), draw.scenario.staff.map(\.id))
        }
        let pool = !inUse.isEmpty && random.chance(80) ? inUse : all
        guard !pool.isEmpty else { return nil }
        let resource = random.pick(pool)
        return .unavailable(resource: resource, interval: closureInterval(for: resource, at: at, draw: draw))
    }

    /// When a resource is out: from the report for a while, the whole working day or the whole
    /// day, since before the report, over several days, off the slot grid, or exactly over one of
    /// its planned items.
    private mutating func closureInterval(for resource: String, at: LocalDateTime, draw: BatchDraw) -> TimeInterval {
        let slot = draw.scenario.calendar.slotMinutes
        let hours = draw.scenario.calendar.workingHours
        let day = at.date
        let items = draw.items(using: resource).filter { $0.end > at }
        switch random.weighted([("fromNow", 25), ("workingDay", 15), ("wholeDay", 10), ("sinceBefore", 10), ("days", 8),
                                ("offGrid", 10), ("item", 12), ("evening", 5), ("morning", 5)]) {
        case "fromNow":
            return TimeInterval(start: at, end: at.adding(minutes: slot * random.int(in: 1...16)))
        case "workingDay":
            let date = random.pick([day] + draw.horizonDays.filter { $0 > day })
            return TimeInterval(start: LocalDateTime(date: date, minuteOfDay: hours.start.minutes),
                                end: LocalDateTime(date: date, minuteOfDay: hours.end.minutes))
        case "wholeDay":
            return TimeInterval(start: LocalDateTime(date: day, minuteOfDay: 0), end: LocalDateTime(date: day.adding(days: 1), minuteOfDay: 0))
        case "sinceBefore":
            return TimeInterval(start: at.adding(minutes: -slot * random.int(in: 1...8)), end: at.adding(minutes: slot * random.int(in: 1...12)))
        case "days":
            return TimeInterval(start: at, end: at.adding(minutes: 1440 * random.int(in: 1...3)))
        case "offGrid":
            let start = at.adding(minutes: random.int(in: 0...90))
            return TimeInterval(start: start, end: start.adding(minutes: random.int(in: 1...200)))
        case "item" where !items.isEmpty:
            let item = random.pick(items)
            return TimeInterval(start: max(item.start, at), end: item.end)
        case "evening":
            return TimeInterval(start: LocalDateTime(date: day, minuteOfDay: hours.end.minutes), end: LocalDateTime(date: day, minuteOfDay: 1440))
        case "morning":
            // Up to the very start of the working day: touches nothing inside it.
            return TimeInterval(start: LocalDateTime(date: day, minuteOfDay: 0), end: LocalDateTime(date: day, minuteOfDay: hours.start.minutes))
        default:
            return TimeInterval(start: at, end: at.adding(minutes: 60))
        }
    }

    /// The room, route, caterer or a person of the item under way, out from a moment inside it
    /// (up to the report), or since before it started (reported only now).
    private mutating func closureUnderRunningItem(at: LocalDateTime, draw: BatchDraw) -> ChangeEvent.Change? {
        guard let running = draw.running else { return nil }
        let item = running.item
        var resources = [item.room, item.route, item.caterer].compactMap { $0 } + item.people
        if let host = draw.plan.visit(running.visit)?.host { resources.append(host) }
        guard !resources.isEmpty else { return nil }
        let resource = random.pick(resources)
        let start: LocalDateTime = switch random.weighted([("inside", 60), ("atReport", 20), ("before", 20)]) {
        case "inside": LocalDateTime(minutes: random.int(in: (item.start.minutes + 1)...max(item.start.minutes + 1, at.minutes)))
        case "atReport": at
        default: item.start.adding(minutes: -draw.scenario.calendar.slotMinutes * random.int(in: 0...4))
        }
        let end = random.chance(30) ? LocalDateTime(date: at.date, minuteOfDay: 1440)
                                    : max(start, at).adding(minutes: 15 * random.int(in: 1...16))
        return .unavailable(resource: resource, interval: TimeInterval(start: start, end: end))
    }

    // MARK: Documents

    /// One event as FORMAT.md writes it.
    public static func document(_ event: ChangeEvent, in scenario: Scenario) -> DocumentValue {
        var f = OrderedDictionary<String, DocumentValue>()
        f["type"] = .string(event.typeName)
        f["at"] = .string(event.at.description)
        switch event.change {
        case .arrivalShift(let visit, let minutes): f["visit"] = .string(visit); f["minutes"] = .int(minutes)
        case .cancelItem(let visit, let item): f["visit"] = .string(visit); f["item"] = .int(item)
        case .cancelVisit(let visit): f["visit"] = .string(visit)
        case .headcountChange(let visit, let headcount): f["visit"] = .string(visit); f["headcount"] = .int(headcount)
        case .extendItem(let visit, let item, let minutes):
            f["visit"] = .string(visit); f["item"] = .int(item); f["minutes"] = .int(minutes)
        case .addVisit(let visit):
            var alone = scenario
            alone.visits = [visit]
            f["visit"] = ScenarioDocument.encode(alone)["visits"]?[0] ?? .null
        case .unavailable(let resource, let interval):
            f["resource"] = .string(resource)
            f["start"] = .string(interval.start.description)
            f["end"] = .string(interval.end.description)
        }
        return .object(f)
    }
}

/// A planned item with its visit and agenda index.
struct ScheduledItem: Sendable {
    var visit: String
    var agendaIndex: Int
    var item: PlannedItem
}

/// What a batch has drawn so far: visits it cancels (no later event may name them), visits it
/// names, windows after its arrival shifts, new visit ids.
struct BatchDraw {
    let scenario: Scenario
    let plan: Plan
    var reportAt: LocalDateTime
    var running: ScheduledItem?
    private var windows: [String: TimeInterval] = [:]
    private var cancelled: Set<String> = []
    private var touched: Set<String> = []
    private var newIDs: Set<String> = []

    init(scenario: Scenario, plan: Plan) {
        self.scenario = scenario
        self.plan = plan
        reportAt = scenario.now
    }

    func visit(_ id: String) -> Visit? { scenario.visit(id) }

    /// Visits of the scenario (not cancelled by an earlier replan), in scenario order.
    var openVisits: [String] { scenario.visits.map(\.id) }

    /// Of `ids`, those this batch does not cancel.
    func open(_ ids: [String]) -> [String] { ids.filter { !cancelled.contains($0) } }
    func isOpen(_ id: String) -> Bool { !cancelled.contains(id) }
    /// Of `ids`, those no event of this batch names yet (a cancelling event must be the only one on its visit).
    func untouched(_ ids: [String]) -> [String] { ids.filter { !cancelled.contains($0) && !touched.contains($0) } }

    mutating func touch(_ id: String) { touched.insert(id) }
    mutating func cancelling(_ id: String) { cancelled.insert(id); touched.insert(id) }

    /// Visits that have not started at `at` (unscheduled ones included).
    func notStarted(at: LocalDateTime) -> [String] {
        openVisits.filter { id in plan.visit(id)?.start.map { $0 >= at } ?? true }
    }

    /// The dates of the horizon.
    var horizonDays: [LocalDate] { scenario.horizonDates }

    /// Days of the horizon from the plan's `now` on.
    var daysFromNow: [LocalDate] { horizonDays.filter { $0 >= scenario.now.date } }

    /// Scheduled items that have not started at the plan's `now` (they can start, run or end at a report).
    func itemsStartingAfterNow() -> [ScheduledItem] {
        var result: [ScheduledItem] = []
        for visit in plan.visits where visit.scheduled && scenario.visit(visit.id) != nil {
            for (position, item) in (visit.items ?? []).enumerated() where item.start >= scenario.now && item.end > item.start {
                result.append(ScheduledItem(visit: visit.id, agendaIndex: item.agendaIndex ?? position, item: item))
            }
        }
        return result
    }

    /// Items that use `resource` (room, route, caterer or person, host included).
    func items(using resource: String) -> [PlannedItem] {
        plan.visits.filter(\.scheduled).flatMap { visit in
            (visit.items ?? []).filter { item in
                item.room == resource || item.route == resource || item.caterer == resource || item.people.contains(resource)
                    || visit.host == resource
            }
        }
    }

    /// Rooms, routes, caterers and people the plan uses after `at`.
    func usedAfter(_ at: LocalDateTime) -> (rooms: [String], routes: [String], caterers: [String], people: [String]) {
        var rooms: [String] = [], routes: [String] = [], caterers: [String] = [], people: [String] = []
        func add(_ id: String?, to list: inout [String]) { if let id, !list.contains(id) { list.append(id) } }
        for visit in plan.visits where visit.scheduled {
            for item in visit.items ?? [] where item.end > at {
                add(item.room, to: &rooms); add(item.route, to: &routes); add(item.caterer, to: &caterers)
                for person in item.people { add(person, to: &people) }
                add(visit.host, to: &people)
            }
        }
        return (rooms, routes, caterers, people)
    }

    /// Shifts the visit's window by `minutes` if a working day of the horizon stays in it (the
    /// replanner refuses a shift that leaves none).
    mutating func shift(_ id: String, by minutes: Int) -> Bool {
        // One shift a visit a batch: applied in another order, two could leave the horizon in between.
        guard windows[id] == nil, let window = visit(id)?.window else { return false }
        let moved = TimeInterval(start: window.start.adding(minutes: minutes), end: window.end.adding(minutes: minutes))
        let first = moved.start.date
        let last = LocalDateTime(minutes: moved.end.minutes - 1).date
        guard horizonDays.contains(where: { $0 >= first && $0 <= last && scenario.calendar.isWorkingDay($0) }) else { return false }
        windows[id] = moved
        touched.insert(id)
        return true
    }

    /// An id no visit of the scenario or the plan has (a cancelled visit stays in the plan).
    mutating func freshVisitID() -> String {
        var n = 9001
        while scenario.visit("V-\(n)") != nil || plan.visit("V-\(n)") != nil || newIDs.contains("V-\(n)") { n += 1 }
        newIDs.insert("V-\(n)")
        return "V-\(n)"
    }
}
