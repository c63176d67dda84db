import VisitDomain

/// What a replan must respect of the plan it replaces (public; built by the replanner).
public struct PlanBaseline: Sendable {
    /// The plan being replaced: the replanning score terms are measured against it.
    public var plan: Plan
    /// Items that started before `now`: kept exactly (start, resource, people), even where the
    /// events would now forbid them.
    public var frozen: Set<ItemKey>
    /// Visits kept exactly as in `plan` (the untouched rest of the week while the neighbourhood
    /// of the events is re-optimised).
    public var pinned: Set<String>
    /// Visits left out of this solve (unscheduled in `plan` and outside the neighbourhood): they
    /// keep their unscheduled entry and reasons from `plan`.
    public var excluded: Set<String>
    /// Visits that may move in time on the day they are planned, keeping their host, rooms,
    /// routes, caterers and staff (a replan making room for a visit the events affect).
    public var shiftable: Set<String> = []
    /// Visits cancelled by events (no longer in the scenario), with the reasons to print.
    public var cancelledVisits: [String: [String]]
    /// Agenda items cancelled by events.
    public var cancelledItems: Set<ItemKey>
    /// Visits the solve places whenever any plan can hold them (the visit a coordinator asks
    /// options for): their timings carry `wantedBonus`, more than the rest of the week could
    /// lose, so the solver leaves one out only when no placement exists. The bonus is never
    /// part of a plan's score (the checker computes that).
    public var wanted: Set<String> = []
    /// Placements the solve must not choose again (the options already found).
    public var excludedPlacements: [PlacementKey] = []

    public init(plan: Plan, frozen: Set<ItemKey> = [], pinned: Set<String> = [], excluded: Set<String> = [],
                cancelledVisits: [String: [String]] = [:], cancelledItems: Set<ItemKey> = []) {
        self.plan = plan; self.frozen = frozen; self.pinned = pinned; self.excluded = excluded
        self.cancelledVisits = cancelledVisits; self.cancelledItems = cancelledItems
    }

    /// What the checker must know to check the new plan against this baseline.
    public var checkContext: ReplanContext {
        ReplanContext(baseline: plan, frozen: frozen, cancelledVisits: Set(cancelledVisits.keys), cancelledItems: cancelledItems)
    }
}

/// A visit's placement as a coordinator tells options apart: its start (so its day), the room of
/// each meeting (by agenda index) and its host. Two placements differing in none of these are
/// one option.
public struct PlacementKey: Sendable, Hashable {
    public var visit: String
    public var start: LocalDateTime
    /// Room id by agenda index, for every meeting of the visit.
    public var rooms: [Int: String]
    public var host: String

    public init(visit: String, start: LocalDateTime, rooms: [Int: String], host: String) {
        self.visit = visit; self.start = start; self.rooms = rooms; self.host = host
    }

    /// The key of a scheduled planned visit (nil when it lacks a start or host).
    public init?(_ planned: PlannedVisit) {
        guard planned.scheduled, let start = planned.start, let host = planned.host else { return nil }
        var rooms: [Int: String] = [:]
        for (position, item) in (planned.items ?? []).enumerated() {
            if let room = item.room { rooms[item.agendaIndex ?? position] = room }
        }
        self.init(visit: planned.id, start: start, rooms: rooms, host: host)
    }
}

/// A placement the model must not choose, resolved to model indexes: the visit, its start minute,
/// the room index of each meeting (by model item) and the host's staff index.
struct ModelPlacement: Sendable {
    var visit: Int
    var start: Int
    var rooms: [Int: Int]
    var host: Int
}

/// One item of the baseline plan, resolved to model indexes.
struct BaselineItem: Sendable {
    var start: Int
    var resource: Int?
    var technical: [Int]
    var sales: [Int]
    var guides: [Int]
    /// A meal's diners as the baseline served them.
    var diners: Int? = nil
}

/// The baseline resolved against the model's scenario view: by model item, the baseline's start,
/// resource and people; by visit, its host; which items are frozen and which visits pinned.
struct ModelBaseline: Sendable {
    var items: [ItemRef: BaselineItem] = [:]
    var hosts: [Int: Int] = [:]
    /// By visit, the hotel of its baseline booking (rule 10).
    var hotels: [Int: Int] = [:]
    var scheduled: Set<Int> = []
    var frozen: Set<ItemRef> = []
    var pinned: Set<Int> = []
    var excluded: Set<Int> = []
    var shiftable: Set<Int> = []
    /// Visits placed whenever possible (`PlanBaseline.wanted`).
    var wanted: Set<Int> = []
    /// Placements not to choose (`PlanBaseline.excludedPlacements`); one naming a room or person
    /// the scenario lacks cannot be chosen anyway and is left out.
    var excludedPlacements: [ModelPlacement] = []

    init() {}

    /// True when planning from scratch (nothing to keep).
    var isEmpty: Bool {
        items.isEmpty && hosts.isEmpty && scheduled.isEmpty && frozen.isEmpty && pinned.isEmpty && excluded.isEmpty
            && wanted.isEmpty && excludedPlacements.isEmpty
    }

    init(_ baseline: PlanBaseline, view: ScenarioView) {
        let s = view.scenario
        let roomIndex = Dictionary(uniqueKeysWithValues: s.rooms.enumerated().map { ($1.id, $0) })
        let routeIndex = Dictionary(uniqueKeysWithValues: s.tourRoutes.enumerated().map { ($1.id, $0) })
        let catererIndex = Dictionary(uniqueKeysWithValues: s.caterers.enumerated().map { ($1.id, $0) })
        let staffIndex = Dictionary(uniqueKeysWithValues: s.staff.enumerated().map { ($1.id, $0) })
        let hotelIndex = Dictionary(uniqueKeysWithValues: s.hotels.enumerated().map { ($1.id, $0) })
        for (v, visit) in s.visits.enumerated() {
            if baseline.pinned.contains(visit.id) { pinned.insert(v) }
            if baseline.excluded.contains(visit.id) { excluded.insert(v) }
            if baseline.shiftable.contains(visit.id) { shiftable.insert(v) }
            if baseline.wanted.contains(visit.id) { wanted.insert(v) }
            guard let planned = baseline.plan.visit(visit.id), planned.scheduled else { continue }
            scheduled.insert(v)
            if let host = planned.host.flatMap({ staffIndex[$0] }) { hosts[v] = host }
            if let hotel = planned.booking.flatMap({ hotelIndex[$0.hotel] }) { hotels[v] = hotel }
            for (position, item) in (planned.items ?? []).enumerated() {
                let agendaIndex = item.agendaIndex ?? position
                guard let k = view.position(visit: v, agendaIndex: agendaIndex) else { continue }
                let ref = ItemRef(visit: v, item: k)
                let resource = item.room.flatMap { roomIndex[$0] } ?? item.route.flatMap { routeIndex[$0] }
                    ?? item.caterer.flatMap { catererIndex[$0] }
                items[ref] = BaselineItem(start: item.start.minutes, resource: resource,
                                          technical: (item.technical ?? []).compactMap { staffIndex[$0] },
                                          sales: (item.sales ?? []).compactMap { staffIndex[$0] },
                                          guides: (item.guides ?? []).compactMap { staffIndex[$0] }, diners: item.diners)
                if baseline.frozen.contains(ItemKey(visit: visit.id, agendaIndex: agendaIndex)) { frozen.insert(ref) }
            }
        }
        let visitIndex = Dictionary(s.visits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        excludedPlacements = baseline.excludedPlacements.compactMap { key in
            guard let v = visitIndex[key.visit], let host = staffIndex[key.host] else { return nil }
            var rooms: [Int: Int] = [:]
            for (agendaIndex, id) in key.rooms {
                guard let k = view.position(visit: v, agendaIndex: agendaIndex), let r = roomIndex[id] else { return nil }
                rooms[k] = r
            }
            return ModelPlacement(visit: v, start: key.start.minutes, rooms: rooms, host: host)
        }
    }

    /// Whether the item must keep its baseline start, resource and people.
    func isFixed(_ ref: ItemRef) -> Bool { frozen.contains(ref) || (pinned.contains(ref.visit) && items[ref] != nil) }

    /// Whether the item keeps its baseline resource and people (fixed, or of a shiftable visit).
    func keepsAssignment(_ ref: ItemRef) -> Bool { isFixed(ref) || (shiftable.contains(ref.visit) && items[ref] != nil) }

    /// The day a shiftable visit is planned on (nil for other visits).
    func shiftDay(_ v: Int) -> Int? {
        guard shiftable.contains(v) else { return nil }
        return items.filter { $0.key.visit == v }.map(\.value.start).min().map { $0 >= 0 ? $0 / 1440 : ($0 - 1439) / 1440 }
    }

    /// The diners of a frozen meal: as it was served when it started, whatever a headcount change
    /// says since (as the checker holds it: frozen items keep their size). Nil for other items.
    func keptDiners(_ ref: ItemRef) -> Int? { frozen.contains(ref) ? items[ref]?.diners : nil }

    /// Visits that must be scheduled: those already under way.
    var underway: Set<Int> { Set(frozen.map(\.visit)) }

    /// Whether the visit's host is fixed (the visit is under way or pinned).
    func hostIsFixed(_ v: Int) -> Bool { hosts[v] != nil && (pinned.contains(v) || shiftable.contains(v) || underway.contains(v)) }
}
